using System.Text;
using MouWorkspace.Abstractions.Audit;
using MouWorkspace.Grains.Audit;

namespace MouWorkspace.Grains.Tests;

/// <summary>The chain's rules without a grain: keys, rotation, legacy records.</summary>
public sealed class AuditChainTests
{
    private const string Scope = "mou-chain-test";
    private static readonly AuditKeys OldKey = new(Encoding.ASCII.GetBytes("chain-tests-old-key-not-a-secret-32bytes"));
    private static readonly AuditKeys NewKey = new(Encoding.ASCII.GetBytes("chain-tests-new-key-not-a-secret-32bytes"));

    private static (string Text, long Count, string Head) Log(AuditKeys keys, int records, string previous = AuditChain.Genesis, long from = 1)
    {
        var text = new StringBuilder();
        for (var i = 0; i < records; i++)
        {
            var record = AuditChain.Seal(new AuditEntry("u1", "Someone", "Secretariat", null, "un", $"POST /api/{i}", "", 201, "sha256:abc"),
                from + i, DateTimeOffset.UtcNow, previous, Scope, keys);
            text.Append(AuditChain.ToLine(record));
            previous = record.Hash;
        }
        return (text.ToString(), from + records - 1, previous);
    }

    private static AuditVerification Verify(string text, long count, string head, AuditKeys keys, string scope = Scope) =>
        AuditChain.Verify(AuditChain.Walk(text, scope, count, head, keys));

    [Fact]
    public void With_a_wrong_key_no_record_verifies_and_the_answer_names_the_key()
    {
        var (text, count, head) = Log(OldKey, 5);

        var verification = Verify(text, count, head, NewKey);

        Assert.False(verification.Valid);
        Assert.Equal((1L, 0L), (verification.FirstInvalidSequence, verification.Count));
        Assert.Contains($"sealed with key {OldKey.CurrentId}, which this app does not have", verification.Problem);
        Assert.Contains("Audit:ChainKey", verification.Problem);
        Assert.Contains("5 lines in all are not part of the chain; 0 records verify", verification.Problem);
    }

    [Fact]
    public void After_a_rotation_the_previous_key_verifies_the_old_records_and_the_new_key_the_rest()
    {
        var (old, count, head) = Log(OldKey, 3);
        var rotated = new AuditKeys(NewKey.Current, [OldKey.Current]);
        var (newer, total, tip) = Log(rotated, 2, head, count + 1);

        var verification = Verify(old + newer, total, tip, rotated);
        Assert.True(verification.Valid, verification.Problem);
        Assert.Equal(5, verification.Count);
        Assert.False(Verify(old + newer, total, tip, NewKey).Valid, "without the previous key the old records do not verify");
    }

    [Fact]
    public void A_record_moved_to_another_log_does_not_verify_there()
    {
        var (text, count, head) = Log(OldKey, 2);

        var verification = Verify(text, count, head, OldKey, scope: "mou-another");
        Assert.False(verification.Valid);
        Assert.Equal(1, verification.FirstInvalidSequence);
    }

    [Fact]
    public void Legacy_records_are_refused_when_AcceptLegacy_is_off()
    {
        var unsealed = new AuditRecord(1, DateTimeOffset.UtcNow, "u1", "Someone", "Secretariat", null, "un", "POST /api/x", "", 201, "sha256:abc", AuditChain.Genesis, "");
        var legacy = unsealed with { Hash = AuditChain.LegacyHashOf(unsealed) };
        var text = AuditChain.ToLine(legacy);

        Assert.True(Verify(text, 1, legacy.Hash, OldKey).Valid);
        var refused = Verify(text, 1, legacy.Hash, new AuditKeys(OldKey.Current, acceptLegacy: false));
        Assert.False(refused.Valid);
        Assert.Contains("Audit:AcceptLegacy=false", refused.Problem);
    }

    [Fact]
    public void An_unreadable_line_is_reported_and_the_records_after_it_still_chain()
    {
        var (first, count, head) = Log(OldKey, 2);
        var (second, total, tip) = Log(OldKey, 1, head, count + 1);

        var verification = Verify(first + "{not json\n" + second, total, tip, OldKey);
        Assert.False(verification.Valid);
        Assert.Equal((3L, 3L), (verification.FirstInvalidSequence, verification.Count));
        Assert.Contains("line 3 is not a readable record", verification.Problem);
    }
}
