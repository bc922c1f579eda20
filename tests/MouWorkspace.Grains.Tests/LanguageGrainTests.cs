using MouWorkspace.Abstractions.Clauses;
using MouWorkspace.Abstractions.Common;
using MouWorkspace.Abstractions.Languages;
using MouWorkspace.Abstractions.Mous;
using MouWorkspace.Domain.Numbering;

namespace MouWorkspace.Grains.Tests;

/// <summary>Language versions: kept by the MOU grain, translated clauses in clause grains under a derived key.</summary>
[Collection("cluster")]
public sealed class LanguageGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_translation_is_a_clause_grain_of_its_own_whose_drafts_name_the_original_draft()
    {
        var (mouId, clauseId) = (Ids.New(), Ids.New());
        var original = fixture.Grains.GetGrain<IClauseGrain>(ClauseKey.For(mouId, clauseId));
        Assert.True((await original.InitializeAsync(new InitClause(mouId, clauseId, "OP1", "Training", "States shall train.", "first", Actors.Secretariat))).Ok);
        var french = fixture.Grains.GetGrain<IClauseTranslationGrain>(ClauseKey.For(mouId, clauseId, "fr"));
        Assert.Null(await french.GetTranslationAsync());

        SaveTranslation Save(string text, int expected, int translates) =>
            new(mouId, clauseId, "OP1", null, text, "translation", expected, translates, Actors.Legal);
        Assert.Equal(Failure.PreconditionFailed, (await french.SaveTranslationAsync(Save("Les États forment.", 1, 1))).Failure);
        var first = await french.SaveTranslationAsync(Save("Les États forment.", 0, 1));
        Assert.True(first.Ok);
        Assert.Equal((1, 1, "OP1"), (first.Value!.View.Version, first.Value.TranslatesDraft, first.Value.View.Number));
        Assert.Equal(Failure.PreconditionFailed, (await french.SaveTranslationAsync(Save("Autre.", 0, 1))).Failure);
        Assert.True((await french.SaveTranslationAsync(Save("Les États forment et certifient.", 1, 2))).Ok);

        Assert.Equal([1, 2], (await french.GetTranslatedDraftsAsync()).Select(d => d.TranslatesDraft));
        // the same grain answers the ordinary clause calls: comments anchored in the French text
        var asClause = fixture.Grains.GetGrain<IClauseGrain>(ClauseKey.For(mouId, clauseId, "fr"));
        Assert.True((await asClause.AddCommentAsync("Bien.", "certifient", null, Actors.Legal)).Ok);
        Assert.Equal(Failure.Invalid, (await asClause.AddCommentAsync("?", "certify", null, Actors.Legal)).Failure);
        // the original stays untouched, and is no translation
        Assert.Equal("States shall train.", (await original.GetAsync())!.Text);
        Assert.Empty(await original.GetCommentsAsync());
        var onOriginal = await fixture.Grains.GetGrain<IClauseTranslationGrain>(ClauseKey.For(mouId, clauseId)).SaveTranslationAsync(Save("x", 1, 1));
        Assert.Equal(Failure.Conflict, onOriginal.Failure);
    }

    [Fact]
    public async Task The_mou_keeps_its_original_language_and_versions()
    {
        var mouId = Ids.New();
        var mou = fixture.Grains.GetGrain<IMouGrain>(mouId);
        Assert.True((await mou.CreateAsync(new CreateMou("un", "Languages", ["FRA"], false, Actors.Secretariat))).Ok);
        var languages = fixture.Grains.GetGrain<IMouLanguagesGrain>(mouId);
        Assert.Equal(("en", 0), ((await languages.GetLanguagesAsync())!.Original, (await languages.GetLanguagesAsync())!.Versions.Count));

        Assert.True((await languages.SetOriginalLanguageAsync("fr", Actors.Secretariat)).Ok);
        Assert.Equal(Failure.Conflict, (await languages.SetLanguageVersionAsync("fr", true, Actors.Secretariat)).Failure);
        Assert.Equal(Failure.Invalid, (await languages.SetLanguageVersionAsync("de", true, Actors.Secretariat)).Failure);
        Assert.True((await languages.SetLanguageVersionAsync("ar", false, Actors.Secretariat)).Ok);
        var required = await languages.SetLanguageVersionAsync("ar", true, Actors.Secretariat);
        Assert.Equal([("ar", true)], required.Value!.Versions.Select(v => (v.Code, v.Required)));
        Assert.Equal(Failure.Conflict, (await languages.SetOriginalLanguageAsync("en", Actors.Secretariat)).Failure);
        // one activation: the MOU interface still answers, with the same clause numbering
        Assert.True((await mou.AddClauseAsync(new AddClause("h", "Text.", null, ClauseKind.Operative, Actors.Secretariat))).Ok);
        Assert.Equal("fr", (await languages.GetLanguagesAsync())!.Original);
        Assert.Null(await fixture.Grains.GetGrain<IMouLanguagesGrain>(Ids.New()).GetLanguagesAsync());
    }
}
