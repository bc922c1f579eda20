using MouWorkspace.Abstractions.Common;
using MouWorkspace.Abstractions.Events;
using MouWorkspace.Grains.Events;
using MouWorkspace.Abstractions.Mous;
using MouWorkspace.Abstractions.Tracking;
using MouWorkspace.Domain.States;
using MouWorkspace.Domain.Tracking;

namespace MouWorkspace.Grains.Tccs;

public sealed class TccGrain(
    [PersistentState("tcc", StorageNames.Tables)] IPersistentState<TccState> state,
    TimeProvider clock) : Grain, ITccGrain
{
    /// <summary>Years before the 2003 bulletin are not plausible for SEA discipline reports.</summary>
    public const int FirstReportYear = 1990;

    private TccState S => state.State;
    private string Code => this.GetPrimaryKeyString();

    public Task<TccView> GetAsync() => Task.FromResult(new TccView(Code, CurrentAdoptions(), S.Adoptions.ToArray(),
        S.Trainings.ToArray(), CurrentDiscipline(), S.Evidence.ToArray()));

    public async Task<Outcome<Adoption>> RecordAdoptionAsync(RecordAdoption command)
    {
        if (Unknown<Adoption>() is { } unknown)
            return unknown;
        var mou = await GrainFactory.GetGrain<IMouGrain>(command.MouId).GetInfoAsync();
        if (mou is null)
            return Outcome<Adoption>.Fail(Failure.NotFound, $"there is no MOU {command.MouId}");
        if (mou.Organization != command.By.Organization)
            return Outcome<Adoption>.Fail(Failure.Forbidden, $"there is no MOU {command.MouId}");
        var revision = mou.Revisions.FirstOrDefault(r => r.Number == command.Revision);
        if (revision is null)
            return Outcome<Adoption>.Fail(Failure.Invalid, $"revision: the MOU has no revision {command.Revision} (it has {mou.Revisions.Count})");
        if (PastDates.IsInFuture(command.AdoptedOn, clock.GetUtcNow()))
            return Outcome<Adoption>.Fail(Failure.Invalid, $"adoptedOn: {command.AdoptedOn:yyyy-MM-dd} is in the future");
        if (PastDates.IsBeforePublication(command.AdoptedOn, revision.PublishedAt))
            return Outcome<Adoption>.Fail(Failure.Unprocessable,
                $"{Code} cannot have adopted {revision.Label} on {command.AdoptedOn:yyyy-MM-dd}: {revision.Label} was published on {revision.PublishedAt:yyyy-MM-dd}.");
        if (EvidenceProblem<Adoption>(command.EvidenceId, command.By.Organization) is { } evidenceProblem)
            return evidenceProblem;

        var adoption = new Adoption(command.MouId, mou.Organization, revision.Number, revision.Label, command.AdoptedOn,
            command.IncorporatesStandards, command.EvidenceId, command.EvidenceNote, command.By.Name, clock.GetUtcNow());
        S.Adoptions.Add(adoption);
        await WriteOrRollBackAsync(() => S.Adoptions.Remove(adoption));
        await this.PublishAsync(new AdoptionRecorded(mou.Organization, Code, command.MouId, revision.Number, command.By, clock.GetUtcNow()));
        return Outcome<Adoption>.Success(adoption);
    }

    public async Task<Outcome<TrainingCertification>> CertifyTrainingAsync(DateOnly certifiedOn, string? evidenceId, string note, Actor by)
    {
        if (Unknown<TrainingCertification>() is { } unknown)
            return unknown;
        if (PastDates.IsInFuture(certifiedOn, clock.GetUtcNow()))
            return Outcome<TrainingCertification>.Fail(Failure.Invalid, $"certifiedOn: {certifiedOn:yyyy-MM-dd} is in the future");
        if (EvidenceProblem<TrainingCertification>(evidenceId, by.Organization) is { } evidenceProblem)
            return evidenceProblem;
        var training = new TrainingCertification(Ids.New(), by.Organization, certifiedOn, evidenceId, note, by.Name, clock.GetUtcNow());
        S.Trainings.Add(training);
        await WriteOrRollBackAsync(() => S.Trainings.Remove(training));
        await this.PublishAsync(new TccRecordChanged(by.Organization, Code, "a training certification", by, training.RecordedAt));
        return Outcome<TrainingCertification>.Success(training);
    }

    public async Task<Outcome<DisciplineReport>> ReportDisciplineAsync(int year, int count, string note, Actor by)
    {
        if (Unknown<DisciplineReport>() is { } unknown)
            return unknown;
        var thisYear = clock.GetUtcNow().Year;
        if (year < FirstReportYear || year > thisYear)
            return Outcome<DisciplineReport>.Fail(Failure.Invalid, $"year: must be between {FirstReportYear} and {thisYear}");
        if (count < 0)
            return Outcome<DisciplineReport>.Fail(Failure.Invalid, "count: must not be negative");
        var report = new DisciplineReport(year, count, note, by.Organization, by.Name, clock.GetUtcNow());
        S.Discipline.Add(report);
        await WriteOrRollBackAsync(() => S.Discipline.Remove(report));
        await this.PublishAsync(new TccRecordChanged(by.Organization, Code, $"the discipline cases of {year}", by, clock.GetUtcNow()));
        return Outcome<DisciplineReport>.Success(report);
    }

    public async Task<Outcome<EvidenceDocument>> AddEvidenceAsync(EvidenceDocument document)
    {
        if (Unknown<EvidenceDocument>() is { } unknown)
            return unknown;
        if (S.Evidence.Exists(e => e.Id == document.Id))
            return Outcome<EvidenceDocument>.Fail(Failure.Conflict, $"evidence {document.Id} exists already");
        S.Evidence.Add(document);
        await WriteOrRollBackAsync(() => S.Evidence.Remove(document));
        await this.PublishAsync(new TccRecordChanged(document.Organization, Code, $"evidence ({document.FileName})",
            new Actor("", document.UploadedBy, "", null, document.Organization), document.UploadedAt));
        return Outcome<EvidenceDocument>.Success(document);
    }

    public Task<EvidenceDocument?> GetEvidenceAsync(string evidenceId) => Task.FromResult(S.Evidence.Find(e => e.Id == evidenceId));

    private Outcome<T>? Unknown<T>() =>
        MemberStates.IsKnown(Code) && Code == Code.ToUpperInvariant() ? null
            : Outcome<T>.Fail(Failure.NotFound, $"'{Code}' is not an ISO 3166-1 alpha-3 code of a UN member state");

    /// <summary>Evidence must be a document uploaded for this country by the same organization.</summary>
    private Outcome<T>? EvidenceProblem<T>(string? evidenceId, string organization) =>
        evidenceId is null || S.Evidence.Exists(e => e.Id == evidenceId && e.Organization == organization) ? null
            : Outcome<T>.Fail(Failure.Invalid, $"evidenceId: no evidence document {evidenceId} was uploaded for {Code} by {organization}");

    private Adoption[] CurrentAdoptions() => S.Adoptions.GroupBy(a => a.MouId).Select(g => g.Last()).ToArray();

    private DisciplineReport[] CurrentDiscipline() =>
        S.Discipline.GroupBy(d => (d.Year, d.Organization)).Select(g => g.Last()).OrderBy(d => d.Year).ToArray();

    private async Task WriteOrRollBackAsync(Action rollBack)
    {
        await state.WriteOrRollBackAsync(rollBack, DeactivateOnIdle);
        // The index is a read model: a failure there leaves this grain's state authoritative and is retried on the next write.
        await GrainFactory.GetGrain<ITccIndexGrain>(ITccIndexGrain.Key)
            .UpsertAsync(new TccSummary(Code, CurrentAdoptions(), S.Trainings.ToArray(), CurrentDiscipline()));
    }
}
