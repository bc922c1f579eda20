using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.DependencyInjection;
using MouWorkspace.Abstractions.Audit;
using MouWorkspace.Grains;
using MouWorkspace.Grains.Audit;
using MouWorkspace.Web.Tests.Infrastructure;
using Orleans.Storage;

namespace MouWorkspace.Web.Tests.Security;

/// <summary>
/// Someone who can write to the storage account (here with the emulator's well-known key) but does not hold the
/// audit chain key: what they append or rewrite must fail verification and never become history.
/// </summary>
[Collection("azurite")]
public sealed class AuditForgeryTests(AzuriteFixture azurite)
{
    private const string OtherKey = "bW91d29ya3NwYWNlLWF1ZGl0LW90aGVyLWtleS1ub3QtYS1zZWNyZXQ=";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private AppendBlobClient Blob(string mou) =>
        new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient("audit").GetAppendBlobClient($"mou-{mou}.jsonl");

    private static List<AuditRecord> Records(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonSerializer.Deserialize<AuditRecord>(l, Json)!).ToList();

    /// <summary>The chain as anyone can compute it without a key: SHA-256 of the record's JSON without its hash.</summary>
    private static AuditRecord Rehash(AuditRecord record) =>
        record with { Hash = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(record with { Hash = "" }, Json))) };

    private static string Line(AuditRecord record) => JsonSerializer.Serialize(record, Json) + "\n";

    private static async Task<JsonElement> VerifyAsync(HttpClient staff, string mou) =>
        await (await staff.GetAsync($"/api/mous/{mou}/audit/verify")).JsonAsync(HttpStatusCode.OK);

    [Fact]
    public async Task A_forged_record_appended_at_the_tail_fails_verification_and_a_restarted_app_continues_from_the_verified_head()
    {
        string serviceId, mou;
        AuditRecord forged;
        await using (var first = new MouApp(azurite.ConnectionString))
        {
            serviceId = first.ServiceId;
            var sec = await first.ClientAsync("Secretariat", name: "Forgery secretariat");
            mou = await sec.CreateMouAsync();
            await sec.AddClauseAsync(mou, "One.");
            var genuine = Records((await Blob(mou).DownloadContentAsync()).Value.Content.ToString());
            forged = Rehash(genuine[^1] with { Sequence = 3, Action = "DELETE /api/mous/{mouId}/clauses/{clauseId}", PreviousHash = genuine[^1].Hash, Hash = "" });
            await Blob(mou).AppendBlockAsync(new MemoryStream(Encoding.UTF8.GetBytes(Line(forged))));

            var verification = await VerifyAsync(sec, mou);
            Assert.False(verification.GetProperty("valid").GetBoolean());
            Assert.Equal(3, verification.GetProperty("firstInvalidSequence").GetInt64());
            Assert.Equal(2, verification.GetProperty("count").GetInt64());
        }

        await using var second = new MouApp(azurite.ConnectionString, serviceId);
        var staff = await second.ClientAsync("Secretariat", name: "Forgery secretariat");
        await staff.AddClauseAsync(mou, "Two.");
        var records = Records((await Blob(mou).DownloadContentAsync()).Value.Content.ToString());
        var after = records[^1];
        // The new record took the place the forged one claimed, chained from the last genuine record.
        Assert.Equal(3, after.Sequence);
        Assert.Equal(records[1].Hash, after.PreviousHash);
        Assert.NotEqual(forged.Hash, after.PreviousHash);
        var later = await VerifyAsync(staff, mou);
        Assert.False(later.GetProperty("valid").GetBoolean());
        Assert.Equal(3, later.GetProperty("firstInvalidSequence").GetInt64());
        Assert.Equal(3, later.GetProperty("count").GetInt64());
        Assert.Equal(after.Hash, later.GetProperty("head").GetString());
    }

    [Fact]
    public async Task A_record_altered_and_rehashed_with_plain_SHA256_with_the_head_rewritten_fails_verification()
    {
        string serviceId, mou;
        await using (var first = new MouApp(azurite.ConnectionString))
        {
            serviceId = first.ServiceId;
            var sec = await first.ClientAsync("Secretariat", name: "Rehash secretariat");
            mou = await sec.CreateMouAsync();
            await sec.AddClauseAsync(mou, "One.");
            await sec.AddClauseAsync(mou, "Two.");
        }
        var records = Records((await Blob(mou).DownloadContentAsync()).Value.Content.ToString());
        records[1] = Rehash(records[1] with { Name = "Someone else", Hash = "" });
        records[2] = Rehash(records[2] with { PreviousHash = records[1].Hash, Hash = "" });
        await Blob(mou).DeleteAsync();
        await Blob(mou).CreateAsync();
        await Blob(mou).AppendBlockAsync(new MemoryStream(Encoding.UTF8.GetBytes(string.Concat(records.Select(Line)))));

        await using var second = new MouApp(azurite.ConnectionString, serviceId);
        // The head lives in the same account: a storage writer moves it onto the rewritten chain too.
        var storage = second.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Tables);
        var grainId = second.Services.GetRequiredService<IGrainFactory>().GetGrain<IAuditLogGrain>(AuditScopes.Mou(mou)).GetGrainId();
        var head = new GrainState<AuditHead>(new AuditHead());
        await storage.ReadStateAsync("audit-head", grainId, head);
        Assert.Equal(3, head.State?.Count);
        head.State!.Hash = records[2].Hash;
        await storage.WriteStateAsync("audit-head", grainId, head);

        var verification = await VerifyAsync(await second.ClientAsync("Secretariat"), mou);
        Assert.False(verification.GetProperty("valid").GetBoolean());
        Assert.Equal(2, verification.GetProperty("firstInvalidSequence").GetInt64());
    }

    [Fact]
    public async Task Without_a_configured_key_the_key_file_is_created_once_and_reused_across_restarts()
    {
        var data = Directory.CreateTempSubdirectory("mouworkspace-audit-key-").FullName;
        var file = Path.Combine(data, "keys", "audit.key");
        var useKeyFile = new Dictionary<string, string> { ["Audit:ChainKey"] = "" };
        try
        {
            string serviceId, mou, key;
            await using (var first = new MouApp(azurite.ConnectionString, settings: useKeyFile, dataPath: data))
            {
                serviceId = first.ServiceId;
                mou = await (await first.ClientAsync("Secretariat")).CreateMouAsync();
                key = await File.ReadAllTextAsync(file);
                Assert.Equal(32, Convert.FromBase64String(key.Trim()).Length);
                if (!OperatingSystem.IsWindows())
                    Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            }

            await using var second = new MouApp(azurite.ConnectionString, serviceId, useKeyFile, dataPath: data);
            var sec = await second.ClientAsync("Secretariat");
            await sec.AddClauseAsync(mou, "One.");
            Assert.Equal(key, await File.ReadAllTextAsync(file));
            var verification = await VerifyAsync(sec, mou);
            Assert.True(verification.GetProperty("valid").GetBoolean(), verification.GetProperty("problem").GetString());
            Assert.Equal(2, verification.GetProperty("count").GetInt64());
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task With_a_wrong_key_every_record_fails_with_a_clear_message_and_the_old_key_as_a_previous_key_verifies_them()
    {
        string serviceId, mou;
        await using (var first = new MouApp(azurite.ConnectionString))
        {
            serviceId = first.ServiceId;
            var sec = await first.ClientAsync("Secretariat");
            mou = await sec.CreateMouAsync();
            await sec.AddClauseAsync(mou, "One.");
        }

        await using (var wrong = new MouApp(azurite.ConnectionString, serviceId, new Dictionary<string, string> { ["Audit:ChainKey"] = OtherKey }))
        {
            var verification = await VerifyAsync(await wrong.ClientAsync("Secretariat"), mou);
            Assert.False(verification.GetProperty("valid").GetBoolean());
            Assert.Equal(1, verification.GetProperty("firstInvalidSequence").GetInt64());
            Assert.Equal(0, verification.GetProperty("count").GetInt64());
            var problem = verification.GetProperty("problem").GetString()!;
            Assert.Contains("which this app does not have", problem);
            Assert.Contains("Audit:ChainKey", problem);
            Assert.Contains("2 lines in all are not part of the chain; 0 records verify", problem);
        }

        var rotated = new Dictionary<string, string> { ["Audit:ChainKey"] = OtherKey, ["Audit:PreviousKeys:0"] = MouApp.TestAuditKey };
        await using var after = new MouApp(azurite.ConnectionString, serviceId, rotated);
        var staff = await after.ClientAsync("Secretariat");
        await staff.AddClauseAsync(mou, "Two.");
        var rotatedVerification = await VerifyAsync(staff, mou);
        Assert.True(rotatedVerification.GetProperty("valid").GetBoolean(), rotatedVerification.GetProperty("problem").GetString());
        Assert.Equal(3, rotatedVerification.GetProperty("count").GetInt64());
    }

    [Fact]
    public void The_Production_environment_refuses_to_start_without_an_audit_chain_key()
    {
        using var app = new MouApp(azurite.ConnectionString, environment: "Production", settings: new Dictionary<string, string> { ["Audit:ChainKey"] = "" });
        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        Assert.Contains("Audit:ChainKey is not configured", error.ToString());
    }
}
