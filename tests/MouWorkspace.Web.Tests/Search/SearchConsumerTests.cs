using MouWorkspace.Abstractions.Common;
using MouWorkspace.Abstractions.Events;
using MouWorkspace.Web.Search;

namespace MouWorkspace.Web.Tests.Search;

/// <summary>Which index key a change event stands for.</summary>
public sealed class SearchConsumerTests
{
    private static readonly Actor User = new("u", "User", "Delegate", null, "un");
    private static readonly DateTimeOffset At = DateTimeOffset.UnixEpoch;

    public static TheoryData<ChangeEvent> ClauseChanges => new()
    {
        new CommentResolved("m1", "c1", "OP1", "k1", true, null, User, At),
        new DraftSaved("m1", "c1", "OP1", 2, "", User, At),
        new ClauseRemoved("m1", "c1", "OP1", User, At),
        new ProposalSubmitted("m1", "c1", "OP1", "p1", "FRA", null, User, At),
    };

    [Theory]
    [MemberData(nameof(ClauseChanges))]
    public void A_change_to_a_clause_names_the_clause(ChangeEvent change) => Assert.Equal("clause:m1/c1", SearchConsumer.KeyFor(change));

    [Fact]
    public void A_new_comment_on_the_original_names_itself_and_its_clause()
    {
        var key = SearchConsumer.KeyFor(new CommentAdded("m1", "c1", "OP1", "k1", null, null, User, At));
        Assert.Equal("comment:m1/c1/k1", key);
        Assert.Equal("clause:m1/c1", SearchDocuments.ClauseOfComment(key!));
        Assert.Null(SearchDocuments.ClauseOfComment("clause:m1/c1"));
    }

    [Fact]
    public void A_new_clause_is_named_by_its_id_and_a_new_text_by_its_MOU()
    {
        Assert.Equal("clause:m1/c9", SearchConsumer.KeyFor(new ClauseAdded("m1", "c9", "OP9", User, At)));
        Assert.Equal("mou:m7", SearchConsumer.KeyFor(new MouCreated("m7", "Imported", 12, User, At)));
        Assert.Equal("reform:r1", SearchConsumer.KeyFor(new ReformStatusChanged("un", "r1", "completed", User, At)));
    }

    public static TheoryData<ChangeEvent> NoText => new()
    {
        new RevisionPublished("m1", 1, "Rev.1", User, At),
        new PositionGiven("m1", 1, "FRA", "agree", User, At),
        new NowDiscussingChanged("m1", "c1", null, User, At),
        new LanguageVersionChanged("m1", "ar", User, At),
        new SilenceEnded("m1", 1, "adopted", null, User, At),
    };

    [Theory]
    [MemberData(nameof(NoText))]
    public void Changes_that_hold_no_searchable_text_name_nothing(ChangeEvent change) => Assert.Null(SearchConsumer.KeyFor(change));

    [Fact]
    public void A_translation_of_a_clause_names_its_clause()
    {
        Assert.Equal("clause:m1/c1", SearchConsumer.KeyFor(new TranslationSaved("m1", "c1", "OP1", "ar", 1, User, At)));
        Assert.Equal("clause:m1/c1", SearchConsumer.KeyFor(new CommentAdded("m1", "c1", "OP1", "k1", null, "fr", User, At)));
    }

    [Fact]
    public void Tracking_changes_name_nothing() =>
        Assert.Null(SearchConsumer.KeyFor(new AdoptionRecorded("un", "FRA", "m1", 1, User, At)));
}
