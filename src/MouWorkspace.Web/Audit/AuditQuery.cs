using System.Globalization;
using MouWorkspace.Abstractions.Audit;
using MouWorkspace.Web.Infrastructure;

namespace MouWorkspace.Web.Audit;

/// <summary>
/// The optional filters of the audit reads (issue 15.15): <c>user</c> (a user id, or part of a name, any case),
/// <c>clause</c> (a clause id: the records whose target names it), <c>from</c> and <c>to</c> (UTC dates written
/// yyyy-MM-dd, both days included). No filter: every record, oldest first, as before.
/// </summary>
public sealed record AuditQuery(string? User, string? Clause, DateOnly? From, DateOnly? To)
{
    public static (AuditQuery? Query, IResult? Problem) Parse(string? user, string? clause, string? from, string? to)
    {
        user = string.IsNullOrWhiteSpace(user) ? null : user.Trim();
        clause = string.IsNullOrWhiteSpace(clause) ? null : clause.Trim();
        if (user is { Length: > 200 })
            return (null, Problems.Invalid("user", "user: at most 200 characters"));
        if (clause is not null && !Abstractions.Common.Ids.IsWellFormed(clause))
            return (null, Problems.Invalid("clause", "clause: not a clause id"));
        if (!TryDate(from, out var fromDate))
            return (null, Problems.Invalid("from", "from: must be a date written yyyy-MM-dd, such as 2007-03-01"));
        if (!TryDate(to, out var toDate))
            return (null, Problems.Invalid("to", "to: must be a date written yyyy-MM-dd, such as 2007-03-01"));
        if (fromDate > toDate)
            return (null, Problems.Invalid("to", $"to: {toDate:yyyy-MM-dd} is before from ({fromDate:yyyy-MM-dd})"));
        return (new AuditQuery(user, clause, fromDate, toDate), null);
    }

    public IReadOnlyList<AuditRecord> Apply(IReadOnlyList<AuditRecord> records)
    {
        if (User is null && Clause is null && From is null && To is null)
            return records;
        return records.Where(Matches).ToArray();
    }

    private bool Matches(AuditRecord r)
    {
        if (User is not null && r.UserId != User && !r.Name.Contains(User, StringComparison.OrdinalIgnoreCase))
            return false;
        if (Clause is not null && !r.Target.Split('/').Contains($"clauseId={Clause}", StringComparer.Ordinal))
            return false;
        var day = DateOnly.FromDateTime(r.At.UtcDateTime);
        return (From is null || day >= From) && (To is null || day <= To);
    }

    private static bool TryDate(string? value, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(value))
            return true;
        if (!DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            return false;
        date = parsed;
        return true;
    }
}
