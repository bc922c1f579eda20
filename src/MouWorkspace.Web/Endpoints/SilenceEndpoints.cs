using System.Globalization;
using System.Security.Claims;
using MouWorkspace.Abstractions.Silence;
using MouWorkspace.Web.Auth;
using MouWorkspace.Web.Infrastructure;

namespace MouWorkspace.Web.Endpoints;

/// <summary>
/// Silence procedures. The minimum notice is <c>Silence:MinimumHours</c> (72 by default, the C-34 practice);
/// tests configure less.
/// </summary>
public static class SilenceEndpoints
{
    public const double DefaultMinimumHours = 72;

    public static RouteGroupBuilder MapSilenceEndpoints(this RouteGroupBuilder api)
    {
        var revision = api.MapGroup("/mous/{mouId}/revisions/{number:int}/silence").WithTags("Revisions");
        revision.MapPost("/", StartAsync).RequireAuthorization(Policies.Secretariat)
            .Produces<SilenceResponse>(201).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        revision.MapGet("/", GetAsync).RequireAuthorization(Policies.Reader).Produces<SilenceResponse>().ProducesProblem(404);
        return api;
    }

    private static async Task<IResult> StartAsync(string mouId, int number, SilenceRequest body, ClaimsPrincipal user, IGrainFactory grains, IConfiguration configuration)
    {
        // An offset is required: a deadline without a time zone would mean different moments to different delegations.
        if (string.IsNullOrWhiteSpace(body.Deadline) || !HasOffset(body.Deadline)
            || !DateTimeOffset.TryParse(body.Deadline, CultureInfo.InvariantCulture, DateTimeStyles.None, out var deadline))
            return Problems.Invalid("deadline", "deadline: must be an ISO 8601 date and time with an offset, such as 2007-03-05T18:00:00Z");
        var (access, problem) = await MouAccess.OpenAsync(grains, mouId, user);
        if (access is null)
            return problem!;
        var minimum = TimeSpan.FromHours(configuration.GetValue("Silence:MinimumHours", DefaultMinimumHours));
        var outcome = await grains.GetGrain<ISilenceGrain>(SilenceKey.For(access.Mou.Id, number))
            .StartAsync(new StartSilence(access.Mou.Id, number, deadline, minimum, user.ToActor()));
        return outcome.Ok
            ? TypedResults.Created($"/api/mous/{mouId}/revisions/{number}/silence", SilenceResponse.From(outcome.Value!))
            : Problems.From(outcome);
    }

    private static async Task<IResult> GetAsync(string mouId, int number, ClaimsPrincipal user, IGrainFactory grains)
    {
        var (access, problem) = await MouAccess.OpenAsync(grains, mouId, user);
        if (access is null)
            return problem!;
        var view = await grains.GetGrain<ISilenceGrain>(SilenceKey.For(access.Mou.Id, number)).GetAsync();
        return view is null ? Problems.NotFound($"no silence procedure was started on revision {number}") : TypedResults.Ok(SilenceResponse.From(view));
    }

    private static bool HasOffset(string value)
    {
        var time = value.IndexOf('T', StringComparison.OrdinalIgnoreCase);
        return time > 0 && (value.EndsWith('Z') || value.EndsWith('z') || value.IndexOfAny(['+', '-'], time) > 0);
    }
}
