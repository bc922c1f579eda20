using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using MouWorkspace.Abstractions.Audit;
using MouWorkspace.Web.Auth;

namespace MouWorkspace.Web.Audit;

/// <summary>
/// The one way an audit record of a change is made and written, whoever made the change: the API's filter (from the
/// request) and the pages (<see cref="Frontend.PageServices.ChangeAsync{T}"/>, in-process, from the operation they
/// performed). Both name the change by the API operation it is (<c>PUT /api/mous/{mouId}/clauses/{clauseId}</c>), its
/// target by the route values and the content by the hash of the request record, so a page's record reads as the API's.
/// </summary>
public sealed class AuditRecords(IGrainFactory grains, ILogger<AuditRecords> logger)
{
    public static AuditEntry Entry(ClaimsPrincipal user, string action, string target, int status, string contentHash) =>
        new(user.UserId(), user.FindFirstValue(MouClaims.Name) ?? "", string.Join(",", user.FindAll(MouClaims.Roles).Select(c => c.Value)),
            user.MemberState(), user.Organization(), action, target, status, contentHash);

    /// <summary>The route values as the log names a target: <c>mouId=…/clauseId=…</c>, in the route's order.</summary>
    public static string Target(IEnumerable<KeyValuePair<string, object?>> routeValues) =>
        string.Join("/", routeValues.Select(v => $"{v.Key}={v.Value}"));

    /// <summary>SHA-256 of the request records sent (their JSON), or of nothing.</summary>
    public static string BodyHash(IEnumerable<object> bodies, JsonSerializerOptions options)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var body in bodies)
            AppendBody(hash, body, options);
        return Hex(hash);
    }

    public static void AppendBody(IncrementalHash hash, object body, JsonSerializerOptions options) =>
        hash.AppendData(JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), options));

    public static string Hex(IncrementalHash hash) => "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset());

    /// <summary>
    /// Appends the record. The change is made: a failure to record it must not tell the caller it was not, so it is
    /// logged as critical, for operations to see at once, and not thrown.
    /// </summary>
    public async Task AppendAsync(string scope, AuditEntry entry)
    {
        try
        {
            await grains.GetGrain<IAuditLogGrain>(scope).AppendAsync(entry);
        }
        catch (Exception ex)
        {
            logger.LogCritical(ex, "Audit record not written for {Action} on {Target} by {User}", entry.Action, entry.Target, entry.UserId);
        }
    }
}
