using System.Security.Claims;
using MouWorkspace.Abstractions.Directory;
using MouWorkspace.Domain;
using MouWorkspace.Domain.States;
using MouWorkspace.Domain.Text;
using MouWorkspace.Web.Auth;
using MouWorkspace.Web.Infrastructure;

namespace MouWorkspace.Web.Endpoints;

public sealed record DirectoryEntryRequest(string? Name, string? MemberState, string? Organization, string? Email = null);

/// <summary>The user directory: member state and organization for users whose tokens cannot carry them.</summary>
public static class AdminEndpoints
{
    public static RouteGroupBuilder MapAdminEndpoints(this RouteGroupBuilder api)
    {
        var users = api.MapGroup("/admin/users").WithTags("Administration").RequireAuthorization(Policies.Admin);
        users.MapGet("", ListAsync).Produces<IReadOnlyList<DirectoryEntry>>();
        users.MapPut("/{userId}", UpsertAsync).Produces<DirectoryEntry>().ProducesValidationProblem();
        users.MapDelete("/{userId}", RemoveAsync).Produces(204).ProducesProblem(404);
        return api;
    }

    private static IUserDirectoryGrain Directory(IGrainFactory grains) => grains.GetGrain<IUserDirectoryGrain>(IUserDirectoryGrain.Key);

    private static async Task<IResult> ListAsync(IGrainFactory grains) => TypedResults.Ok(await Directory(grains).ListAsync());

    private static async Task<IResult> UpsertAsync(string userId, DirectoryEntryRequest body, ClaimsPrincipal user, IGrainFactory grains, TimeProvider clock)
    {
        if (TextRules.Validate(userId, "userId", maxLength: 200) is { } idError)
            return Problems.Invalid("userId", idError);
        if (TextRules.Validate(body.Name, "name", maxLength: TextLimits.Name) is { } nameError)
            return Problems.Invalid("name", nameError);
        var organization = Organizations.Find(body.Organization);
        if (organization is null)
            return Problems.Invalid("organization", $"organization: unknown organization '{body.Organization}'");
        if (!string.IsNullOrWhiteSpace(body.MemberState) && !MemberStates.IsKnown(body.MemberState))
            return Problems.Invalid("memberState", $"memberState: '{body.MemberState}' is not an ISO 3166-1 alpha-3 code of a UN member state");
        if (!string.IsNullOrWhiteSpace(body.Email) && !MimeKit.MailboxAddress.TryParse(body.Email.Trim(), out _))
            return Problems.Invalid("email", $"email: '{body.Email}' is not an e-mail address");
        var entry = new DirectoryEntry(userId, body.Name!.Trim(), string.IsNullOrWhiteSpace(body.MemberState) ? null : body.MemberState.ToUpperInvariant(),
            organization.Code, clock.GetUtcNow(), user.Identity?.Name ?? user.UserId(), string.IsNullOrWhiteSpace(body.Email) ? null : body.Email.Trim());
        return TypedResults.Ok(await Directory(grains).UpsertAsync(entry));
    }

    private static async Task<IResult> RemoveAsync(string userId, IGrainFactory grains) =>
        await Directory(grains).RemoveAsync(userId) ? TypedResults.NoContent() : Problems.NotFound($"there is no directory entry for {userId}");
}
