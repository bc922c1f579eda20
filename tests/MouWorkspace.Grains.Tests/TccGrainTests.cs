using MouWorkspace.Abstractions.Common;
using MouWorkspace.Abstractions.Mous;
using MouWorkspace.Abstractions.Tracking;

namespace MouWorkspace.Grains.Tests;

[Collection("tracking-cluster")]
public sealed class TccGrainTests(TrackingClusterFixture fixture)
{
    private static readonly DateOnly Past = new(2007, 3, 1);

    /// <summary>Each test uses its own MOU, so a shared country grain is fine; the assertions look at that MOU only.</summary>
    private ITccGrain Tcc(string code) => fixture.Grains.GetGrain<ITccGrain>(code);

    private static RecordAdoption Adopt(string mouId, int revision, DateOnly? on = null, Actor? by = null, string? evidenceId = null) =>
        new(mouId, revision, on ?? Past, true, evidenceId, "note verbale", by ?? Actors.Legal);

    [Fact]
    public async Task An_adoption_of_an_existing_revision_is_recorded_and_a_later_one_keeps_the_history()
    {
        var mou = await fixture.NewMouAsync(revisions: 2);
        var id = mou.GetPrimaryKeyString();
        Assert.True((await Tcc("NPL").RecordAdoptionAsync(Adopt(id, 1))).Ok);
        var second = await Tcc("NPL").RecordAdoptionAsync(Adopt(id, 2, new DateOnly(2007, 6, 1)));
        Assert.True(second.Ok, second.Message);
        Assert.Equal("Rev.2", second.Value!.RevisionLabel);

        var view = await Tcc("NPL").GetAsync();
        Assert.Equal(2, view.Adoptions.Single(a => a.MouId == id).Revision);
        Assert.Equal([1, 2], view.AdoptionHistory.Where(a => a.MouId == id).Select(a => a.Revision));
        var indexed = (await fixture.Grains.GetGrain<ITccIndexGrain>(ITccIndexGrain.Key).ListAsync()).Single(s => s.Code == "NPL");
        Assert.Equal(2, indexed.Adoptions.Single(a => a.MouId == id).Revision);
    }

    [Fact]
    public async Task Unknown_country_codes_are_refused_and_nothing_is_stored()
    {
        var id = (await fixture.NewMouAsync()).GetPrimaryKeyString();
        foreach (var code in new[] { "XXX", "FR", "fra" })
        {
            var outcome = await Tcc(code).RecordAdoptionAsync(Adopt(id, 1));
            Assert.Equal(Failure.NotFound, outcome.Failure);
            Assert.Empty((await Tcc(code).GetAsync()).AdoptionHistory);
        }
    }

    [Fact]
    public async Task A_missing_mou_or_revision_is_refused()
    {
        var id = (await fixture.NewMouAsync()).GetPrimaryKeyString();
        Assert.Equal(Failure.NotFound, (await Tcc("IND").RecordAdoptionAsync(Adopt("no-such-mou", 1))).Failure);
        var missing = await Tcc("IND").RecordAdoptionAsync(Adopt(id, 2));
        Assert.Equal(Failure.Invalid, missing.Failure);
        Assert.StartsWith("revision:", missing.Message);
        Assert.Equal(Failure.Invalid, (await Tcc("IND").RecordAdoptionAsync(Adopt(id, 0))).Failure);
        Assert.DoesNotContain((await Tcc("IND").GetAsync()).AdoptionHistory, a => a.MouId == id);
    }

    [Fact]
    public async Task Another_organizations_mou_cannot_be_adopted()
    {
        var nato = (await fixture.NewMouAsync("nato")).GetPrimaryKeyString();
        var outcome = await Tcc("FRA").RecordAdoptionAsync(Adopt(nato, 1, by: Actors.Legal));
        Assert.Equal(Failure.Forbidden, outcome.Failure);
        Assert.DoesNotContain((await Tcc("FRA").GetAsync()).AdoptionHistory, a => a.MouId == nato);
        Assert.True((await Tcc("FRA").RecordAdoptionAsync(Adopt(nato, 1, by: Actors.Legal with { Organization = "nato" }))).Ok);
    }

    [Fact]
    public async Task Dates_in_the_future_are_refused_for_past_events()
    {
        var id = (await fixture.NewMouAsync()).GetPrimaryKeyString();
        var tomorrowEverywhere = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2);
        Assert.Equal(Failure.Invalid, (await Tcc("TUN").RecordAdoptionAsync(Adopt(id, 1, tomorrowEverywhere))).Failure);
        Assert.Equal(Failure.Invalid, (await Tcc("TUN").CertifyTrainingAsync(tomorrowEverywhere, null, "", Actors.Legal)).Failure);
        Assert.True((await Tcc("TUN").RecordAdoptionAsync(Adopt(id, 1, DateOnly.FromDateTime(DateTime.UtcNow)))).Ok);
    }

    [Fact]
    public async Task Evidence_must_have_been_uploaded_for_that_country_by_the_same_organization()
    {
        var id = (await fixture.NewMouAsync()).GetPrimaryKeyString();
        var evidenceId = Ids.New();
        Assert.Equal(Failure.Invalid, (await Tcc("MAR").RecordAdoptionAsync(Adopt(id, 1, evidenceId: evidenceId))).Failure);

        var document = new EvidenceDocument(evidenceId, "un", "signed.pdf", "application/pdf", 1234, new string('a', 64), $"MAR/{evidenceId}.pdf", "Legal", DateTimeOffset.UtcNow);
        Assert.True((await Tcc("MAR").AddEvidenceAsync(document)).Ok);
        Assert.Equal(Failure.Conflict, (await Tcc("MAR").AddEvidenceAsync(document)).Failure);
        Assert.Equal(Failure.Invalid, (await Tcc("URY").RecordAdoptionAsync(Adopt(id, 1, evidenceId: evidenceId))).Failure);

        var adopted = await Tcc("MAR").RecordAdoptionAsync(Adopt(id, 1, evidenceId: evidenceId));
        Assert.True(adopted.Ok, adopted.Message);
        Assert.Equal(document, await Tcc("MAR").GetEvidenceAsync(evidenceId));
    }

    [Fact]
    public async Task Discipline_reports_check_year_and_count_and_the_latest_per_year_counts()
    {
        var code = "PAK";
        Assert.Equal(Failure.Invalid, (await Tcc(code).ReportDisciplineAsync(DateTime.UtcNow.Year + 1, 1, "", Actors.Legal)).Failure);
        Assert.Equal(Failure.Invalid, (await Tcc(code).ReportDisciplineAsync(1989, 1, "", Actors.Legal)).Failure);
        Assert.Equal(Failure.Invalid, (await Tcc(code).ReportDisciplineAsync(2006, -1, "", Actors.Legal)).Failure);

        var legalOfOsce = Actors.Legal with { Organization = "osce-" + Ids.New() };
        Assert.True((await Tcc(code).ReportDisciplineAsync(2005, 3, "first report", legalOfOsce)).Ok);
        Assert.True((await Tcc(code).ReportDisciplineAsync(2005, 4, "corrected", legalOfOsce)).Ok);
        var mine = (await Tcc(code).GetAsync()).Discipline.Where(d => d.Organization == legalOfOsce.Organization).ToList();
        Assert.Equal(4, Assert.Single(mine).Count);
    }

    [Fact]
    public async Task Training_certifications_are_kept_with_their_evidence()
    {
        var legal = Actors.Legal with { Organization = "org-" + Ids.New() };
        var certified = await Tcc("URY").CertifyTrainingAsync(new DateOnly(2006, 11, 15), null, "Pre-deployment course, Montevideo", legal);
        Assert.True(certified.Ok);
        Assert.Contains((await Tcc("URY").GetAsync()).Trainings, t => t.Id == certified.Value!.Id && t.CertifiedOn == new DateOnly(2006, 11, 15));
    }
}
