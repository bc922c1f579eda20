using System.Globalization;
using System.Security.Claims;
using MouWorkspace.Domain;
using MouWorkspace.Domain.States;
using MouWorkspace.Web.Auth;
using MouWorkspace.Web.Infrastructure;

namespace MouWorkspace.Web.Endpoints;

/// <summary>Shape checks shared by the tracking endpoints, done before any grain is called.</summary>
internal static class TrackingInput
{
    /// <summary>The upper-case code, or a 404 for a code that is not a UN member state's.</summary>
    public static (string? Code, IResult? Problem) Country(string code) =>
        MemberStates.Find(code) is { } state
            ? (state.Code, null)
            : (null, Problems.NotFound($"'{code}' is not an ISO 3166-1 alpha-3 code of a UN member state"));

    /// <summary>A calendar date written yyyy-MM-dd; null (and a message) otherwise.</summary>
    public static DateOnly? Date(string? value, string field, out IResult? problem)
    {
        problem = null;
        if (DateOnly.TryParseExact(value?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        problem = Problems.Invalid(field, $"{field}: must be a date written yyyy-MM-dd, such as 2007-03-01");
        return null;
    }

    /// <summary>The organizations whose records the user sees: their own, or all (or the one asked for) for an Admin.</summary>
    public static (IReadOnlyList<string>? Organizations, IResult? Problem) Organizations(ClaimsPrincipal user, string? requested)
    {
        if (requested is not null && Domain.Organizations.Find(requested) is null)
            return (null, Problems.Invalid("organization", $"organization: unknown organization '{requested}'"));
        if (user.IsInRole(Roles.Admin))
            return (requested is null ? Domain.Organizations.All.Select(o => o.Code).ToArray() : [requested.ToLowerInvariant()], null);
        if (requested is not null && !string.Equals(requested, user.Organization(), StringComparison.OrdinalIgnoreCase))
            return (null, Problems.Forbidden($"you may see the records of {user.Organization()} only"));
        return ([user.Organization()], null);
    }

    public static IResult TooLarge(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload too large");

    public static IResult UnsupportedType(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type");
}
