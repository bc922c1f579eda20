using System.Net;
using System.Text.Json;
using MouWorkspace.Web.Tests.Infrastructure;

namespace MouWorkspace.Web.Tests.Security;

/// <summary>Who re-reads what a refused write would have changed: an Admin, the caller itself, or each organization's staff.</summary>
public enum ReadAs { Admin, Caller, Staff }

/// <summary>One read of what a write would change.</summary>
public sealed record Look(string Path, ReadAs As = ReadAs.Admin);

/// <summary>
/// What a refused write must leave as it was: the audit log it would have been recorded in (the MOU's, the
/// administration's, or both organizations' for tracking and new MOUs) and the resource itself, as the rule names it (<see cref="Rule.Leaves"/>).
/// Taken before and after the refused call; any difference is a trace.
/// </summary>
public sealed class WriteTraces
{
    private readonly HttpClient admin;
    private readonly HttpClient[] staff;

    private WriteTraces(HttpClient admin, HttpClient[] staff) => (this.admin, this.staff) = (admin, staff);

    public static async Task<WriteTraces> CreateAsync(MouApp app) => new(
        await app.ClientAsync("Admin", null, "un", "Trace reader admin"),
        [await app.ClientAsync("LegalOfficer", null, "un", "Trace reader UN staff"), await app.ClientAsync("LegalOfficer", null, "osce", "Trace reader OSCE staff")]);

    /// <summary>
    /// Sends the rule's request as the caller and records in <paramref name="failures"/> a status other than exactly
    /// the rule's (allowed) or 403 (refused), and any trace a refused write left. Returns whether the call was a refused write.
    /// </summary>
    public async Task<bool> SendAndCheckAsync(string key, Rule rule, MatrixContext context, Caller caller, HttpClient client, bool allowed, List<string> failures)
    {
        var traced = !allowed && IsWrite(key);
        var before = traced ? await SnapshotAsync(key, rule, context, client) : "";
        var response = await client.SendAsync(rule.Request(context));
        var (status, expected) = ((int)response.StatusCode, allowed ? rule.Ok : 403);
        if (status != expected)
            failures.Add($"{key} as {caller}: expected {expected}, got {status} {Shorten(await response.Content.ReadAsStringAsync())}");
        if (traced && await SnapshotAsync(key, rule, context, client) is var after && after != before)
            failures.Add($"{key} as {caller}: refused, yet it left a trace: {Difference(before, after)}");
        return traced;
    }

    public static bool IsWrite(string key) => !key.StartsWith("GET ", StringComparison.Ordinal);

    /// <summary>Everything the write of <paramref name="key"/> would have touched, as one comparable text.</summary>
    public async Task<string> SnapshotAsync(string key, Rule rule, MatrixContext context, HttpClient caller)
    {
        var parts = new List<string>();
        // The log the write would be recorded in (AuditFilter.Scope): the MOU's, the administration's, or the organizations'.
        if (key.Contains("{mouId}", StringComparison.Ordinal))
            parts.Add($"MOU audit records: {await MouAuditCountAsync(admin, context.MouId)}");
        else if (key.Contains(" /api/admin/", StringComparison.Ordinal))
            parts.Add($"administration audit records: {await CountAsync(admin, "/api/admin/audit")}");
        else
            foreach (var organization in new[] { "un", "osce" })
                parts.Add($"{organization} audit records: {await CountAsync(admin, $"/api/audit?organization={organization}")}");
        foreach (var look in rule.Leaves?.Invoke(context) ?? [])
        {
            HttpClient[] readers = look.As switch { ReadAs.Admin => [admin], ReadAs.Caller => [caller], _ => staff };
            foreach (var reader in readers)
                parts.Add($"{look.Path}: {await ReadAsync(reader, look.Path)}");
        }
        return string.Join("\n", parts);
    }

    /// <summary>The number of records in an MOU's audit log, read as an Admin.</summary>
    public static Task<int> MouAuditCountAsync(HttpClient admin, string mouId) => CountAsync(admin, $"/api/mous/{mouId}/audit");

    private static async Task<int> CountAsync(HttpClient reader, string path)
    {
        var audit = await (await reader.GetAsync(path)).JsonAsync(HttpStatusCode.OK);
        return audit.ValueKind == JsonValueKind.Array ? audit.GetArrayLength() : audit.GetProperty("records").GetArrayLength();
    }

    /// <summary>The body of a 200; only the status otherwise (a problem's trace id differs on every call).</summary>
    private static async Task<string> ReadAsync(HttpClient reader, string path)
    {
        var response = await reader.GetAsync(path);
        return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadAsStringAsync() : $"status {(int)response.StatusCode}";
    }

    /// <summary>Where before and after part, for the failure message.</summary>
    public static string Difference(string before, string after)
    {
        var (b, a) = (before.Split('\n'), after.Split('\n'));
        return string.Join("; ", b.Zip(a).Where(p => p.First != p.Second).Select(p => Around(p.First, p.Second)));
    }

    /// <summary>The two texts from a little before the first character where they differ.</summary>
    private static string Around(string before, string after)
    {
        var at = before.Zip(after).TakeWhile(p => p.First == p.Second).Count();
        var from = Math.Max(0, at - 60);
        return $"…{Shorten(before[from..])} → …{Shorten(after[from..])}";
    }

    private static string Shorten(string text) => text.Length > 200 ? text[..200] + "…" : text;
}
