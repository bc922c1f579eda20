using MouWorkspace.Abstractions.Mous;
using MouWorkspace.Domain.Languages;
using MouWorkspace.Domain.Revisions;
using MouWorkspace.Domain.Text;
using MouWorkspace.Web.Infrastructure;

namespace MouWorkspace.Web.Endpoints;

/// <summary>Shape checks of a document identity (PUT …/identity, and POST /api/mous with "identity"), done before any grain is called.</summary>
internal static class IdentityInput
{
    /// <summary>The identity asked for; who set it and when are the grain's to fill in.</summary>
    public static (DocumentIdentity? Identity, IResult? Problem) Parse(IdentityRequest body)
    {
        var symbol = body.Symbol?.Trim();
        if (DocumentSymbol.Validate(symbol) is { } symbolError)
            return (null, Problems.Invalid("symbol", symbolError));
        var distribution = string.IsNullOrWhiteSpace(body.Distribution) ? Distributions.General : body.Distribution.Trim().ToLowerInvariant();
        if (!Distributions.All.Contains(distribution))
            return (null, Problems.Invalid("distribution", "distribution: general or limited"));
        DateOnly? date = null;
        if (!string.IsNullOrWhiteSpace(body.Date))
        {
            if (TrackingInput.Date(body.Date, "date", out var dateProblem) is not { } day)
                return (null, dateProblem);
            date = day;
        }
        if (body.OriginalLanguage is not null && !UnLanguages.IsKnown(body.OriginalLanguage))
            return (null, Problems.Invalid("originalLanguage", $"originalLanguage: one of {UnLanguages.Codes}"));
        if (TextRules.Validate(body.Session, "session", required: false, maxLength: TextLimits.Session) is { } sessionError)
            return (null, Problems.Invalid("session", sessionError));
        if (TextRules.Validate(body.AgendaItem, "agendaItem", required: false, maxLength: TextLimits.AgendaItem) is { } itemError)
            return (null, Problems.Invalid("agendaItem", itemError));
        return (new DocumentIdentity(symbol!, distribution, date, body.Session?.Trim() ?? "", body.AgendaItem?.Trim() ?? "", "", default), null);
    }
}
