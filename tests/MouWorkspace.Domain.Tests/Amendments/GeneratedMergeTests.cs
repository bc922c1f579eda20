using MouWorkspace.Domain.Amendments;
using MouWorkspace.Domain.Brackets;
using static MouWorkspace.Domain.Tests.Amendments.EditScript;

namespace MouWorkspace.Domain.Tests.Amendments;

/// <summary>Random edits on random texts (fixed seeds): every accepted change present, nothing else changed, brackets intact.</summary>
public class GeneratedMergeTests
{
    [Fact]
    public void Non_overlapping_edits_of_the_proposal_and_the_current_text_all_merge()
    {
        var random = new Random(20060101);
        for (var n = 0; n < 500; n++)
        {
            var script = new EditScript(random, random.Next(6, 40));
            var current = new List<Edit>();
            var proposal = new List<Edit>();
            foreach (var site in script.Sites(random.Next(1, 7)))
            {
                var edit = script.RandomEdit(site);
                switch (random.Next(10))
                {
                    case < 4: current.Add(edit); break;
                    case < 9: proposal.Add(edit); break;
                    default: current.Add(edit); proposal.Add(edit); break; // the same change made twice
                }
            }
            var original = script.Original;
            var currentText = script.Apply(current);
            var expected = script.Apply(current.Union(proposal));

            var result = ThreeWayMerge.Merge(original, script.Apply(proposal), currentText);

            Assert.True(expected == result.Text, $"case {n}: {original}\n{script.Apply(proposal)}\n{currentText}\nexpected {expected}\nmerged   {result.Text}");
            ThreeWayMergeTests.AssertRunsRebuild(currentText, result);
            Assert.Equal(proposal.Except(current).Count(), result.Ranges.Count);
            Assert.Empty(BracketParser.Parse(result.Text!).Errors);
        }
    }

    [Fact]
    public void Proposals_against_different_bases_merge_at_once_and_each_range_names_its_proposal()
    {
        var random = new Random(20060102);
        for (var n = 0; n < 300; n++)
        {
            var script = new EditScript(random, random.Next(10, 50));
            var sites = script.Sites(random.Next(2, 9));
            var owners = sites.Select(_ => random.Next(-1, 4)).ToList(); // -1: made in the current text since the original
            var edits = sites.Select(script.RandomEdit).ToList();
            var sinceOriginal = edits.Where((_, i) => owners[i] < 0).ToList();
            var proposals = new List<ProposalText>();
            for (var p = 0; p < 4; p++)
            {
                var own = edits.Where((_, i) => owners[i] == p).ToList();
                if (own.Count == 0)
                    continue;
                // Written when only some of the current text's changes were made.
                var seen = sinceOriginal.Where(_ => random.Next(2) == 0).ToList();
                proposals.Add(new ProposalText($"P{p}", script.Apply(seen), script.Apply(seen.Concat(own))));
            }
            var current = script.Apply(sinceOriginal);

            var result = ThreeWayMerge.MergeAll(current, proposals);

            Assert.True(script.Apply(edits) == result.Text, $"case {n}: clashes {string.Join("; ", result.Clashes)}");
            ThreeWayMergeTests.AssertRunsRebuild(current, result);
            foreach (var proposal in proposals)
            {
                var owner = int.Parse(proposal.Id[1..]);
                Assert.Equal(owners.Count(o => o == owner), result.Ranges.Count(r => r.ProposalId == proposal.Id));
            }
        }
    }

    [Fact]
    public void An_overlapping_edit_clashes_with_the_words_of_base_proposal_and_current()
    {
        var random = new Random(20060103);
        for (var n = 0; n < 300; n++)
        {
            var script = new EditScript(random, random.Next(6, 40));
            var sites = script.Sites(random.Next(1, 6));
            var clashing = sites[0];
            var (mine, theirs) = ClashingPair(script, random, clashing);
            var others = sites.Skip(1).Select(script.RandomEdit).ToList();
            var current = others.Where((_, i) => i % 2 == 0).Append(theirs).ToList();
            var proposal = others.Where((_, i) => i % 2 == 1).Append(mine).ToList();
            var currentText = script.Apply(current);

            var result = ThreeWayMerge.Merge(script.Original, script.Apply(proposal), currentText, "P");

            Assert.Null(result.Text);
            var clash = Assert.Single(result.Clashes);
            Assert.Null(clash.OtherProposalId);
            if (mine.Kind != Kind.InsertBefore)
                Assert.Contains(script.ItemText(clashing), clash.Words.Base);
            Assert.Contains(mine.Word, clash.Words.Proposal);
            Assert.Contains(theirs.Word, clash.Words.Current);
            Assert.Equal(clash.Words.Current, currentText.Substring(clash.Words.At, clash.Words.Current.Length));
        }
    }

    [Fact]
    public void Chinese_edits_a_few_characters_apart_merge_character_by_character()
    {
        // No spaces: each ideograph is a token. Distinct characters, so a diff can align the texts one way only.
        var random = new Random(20060104);
        for (var n = 0; n < 300; n++)
        {
            var pool = Enumerable.Range(0x4E00, 2000).OrderBy(_ => random.Next()).Select(c => ((char)c).ToString()).ToList();
            var length = random.Next(8, 60);
            var chars = pool.Take(length).ToList();
            var fresh = pool.Skip(length).GetEnumerator();
            string Fresh() { fresh.MoveNext(); return fresh.Current; }
            var sites = Enumerable.Range(0, length).OrderBy(_ => random.Next()).Aggregate(new List<int>(), (taken, i) =>
            {
                if (taken.Count < 5 && taken.All(t => Math.Abs(t - i) >= 3))
                    taken.Add(i);
                return taken;
            });
            var edits = sites.ToDictionary(i => i, _ => (Kind: random.Next(3), Text: Fresh(), Mine: random.Next(2) == 0));
            string Apply(Func<bool, bool> which) => string.Concat(chars.Select((c, i) =>
                !edits.TryGetValue(i, out var e) || !which(e.Mine) ? c : e.Kind switch { 0 => e.Text, 1 => "", _ => e.Text + c }));

            var result = ThreeWayMerge.Merge(string.Concat(chars), Apply(mine => mine), Apply(mine => !mine));

            Assert.Equal(Apply(_ => true), result.Text);
        }
    }

    /// <summary>Two different edits of one item that cannot both be made (an insertion before it and a change of it can).</summary>
    internal static (Edit Mine, Edit Theirs) ClashingPair(EditScript script, Random random, int item) => random.Next(5) switch
    {
        0 => (new Edit(item, Kind.Replace, script.NewWord()), new Edit(item, Kind.Replace, script.NewWord())),
        1 => (new Edit(item, Kind.Delete, ""), new Edit(item, Kind.Replace, script.NewWord())),
        2 => (new Edit(item, Kind.Replace, script.NewWord()), new Edit(item, Kind.Delete, "")),
        3 => (new Edit(item, Kind.InsertBefore, script.NewWord()), new Edit(item, Kind.InsertBefore, script.NewWord())),
        _ => (new Edit(item, Kind.Replace, script.NewWord()), new Edit(item, Kind.Replace, "[" + script.NewWord() + "][" + script.NewWord() + "]")),
    };
}
