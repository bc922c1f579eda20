using System.Collections.Frozen;
using MouWorkspace.Abstractions.Clauses;
using MouWorkspace.Abstractions.Common;
using MouWorkspace.Abstractions.Events;
using MouWorkspace.Grains.Events;
using MouWorkspace.Abstractions.Mous;
using MouWorkspace.Abstractions.Organizations;
using MouWorkspace.Domain.Numbering;
using MouWorkspace.Domain.Positions;
using MouWorkspace.Domain.Revisions;
using MouWorkspace.Domain.Text;

namespace MouWorkspace.Grains.Mous;

public sealed partial class MouGrain(
    [PersistentState("mou", StorageNames.Blobs)] IPersistentState<MouState> state,
    TimeProvider clock) : Grain, IMouGrain, IIncomingGrainCallFilter
{
    private LocalReads? reads;

    /// <summary>Every call: afterwards the stored access facts go to <see cref="LocalReads"/> when they changed.</summary>
    public Task Invoke(IIncomingGrainCallContext context)
    {
        reads ??= (LocalReads?)ServiceProvider.GetService(typeof(LocalReads));
        return context.InvokeAndPublishAsync(reads, LocalReads.MouKey(Id), this,
            () => S.Exists ? state.Etag : null,
            () => new MouAccessFacts(Info(), ClauseIdsEverHeld().ToFrozenSet()));
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        reads?.Withdraw(LocalReads.MouKey(Id), this);
        return Task.CompletedTask;
    }

    private (string Etag, MouInfo Info)? info;

    private MouState S => state.State;
    private string Id => this.GetPrimaryKeyString();

    public Task<Outcome<MouInfo>> CreateAsync(CreateMou command) => CreateWithClausesAsync(command, []);

    public async Task<Outcome<MouInfo>> CreateWithClausesAsync(CreateMou command, IReadOnlyList<AddClause> clauses)
    {
        if (S.Exists)
            return Outcome<MouInfo>.Fail(Failure.Conflict, "the MOU exists already");
        if (clauses.Count > MouLimits.MaxClauses)
            return Outcome<MouInfo>.Fail(Failure.Invalid, $"an MOU holds at most {MouLimits.MaxClauses:N0} clauses; this one would hold {clauses.Count:N0}");
        // The clause grains first, then the MOU in one write: a crash half-way leaves clause grains nobody
        // can reach, never a half-imported text. Numbers are given in order; the grains are made 32 at a time.
        var entries = new List<ClauseEntry>();
        var numbers = new List<string>();
        foreach (var clause in clauses)
        {
            var number = clause.Number is { } given && !numbers.Contains(given, StringComparer.OrdinalIgnoreCase)
                ? given : ClauseNumbering.Next(clause.Kind, numbers, numbers.Count);
            numbers.Add(number);
            entries.Add(new ClauseEntry(Ids.New(), number));
        }
        foreach (var batch in Enumerable.Range(0, entries.Count).Chunk(32))
        {
            var created = await Task.WhenAll(batch.Select(i => GrainFactory.GetGrain<IClauseGrain>(ClauseKey.For(Id, entries[i].Id))
                .InitializeAsync(new InitClause(Id, entries[i].Id, entries[i].Number, clauses[i].Heading, clauses[i].Text, "imported", clauses[i].By))));
            if (created.FirstOrDefault(c => !c.Ok) is { } failed)
                return Outcome<MouInfo>.Fail(failed.Failure, failed.Message ?? "a clause could not be created");
            if (batch[0] == 0)
                await ((Testing.TestPoints?)ServiceProvider.GetService(typeof(Testing.TestPoints)) ?? Testing.TestPoints.Inert).ReachedAsync(Testing.TestPoints.Import);
        }
        S.Clauses = entries;
        S.Title = command.Title;
        S.Organization = command.Organization;
        S.Parties = command.Parties.Select(p => p.ToUpperInvariant()).Distinct().ToList();
        S.Confidential = command.Confidential;
        S.CreatedAt = clock.GetUtcNow();
        S.CreatedBy = command.By.Name;
        // An imported text's language (an Akoma Ntoso FRBRlanguage) is its original language from the start, in the same write.
        if (Domain.Languages.UnLanguages.Find(command.OriginalLanguage) is { } original)
            S.OriginalLanguage = original.Code;
        S.Identity = command.Identity is { } identity ? identity with { SetBy = command.By.Name, SetAt = S.CreatedAt } : null;
        await state.WriteStateAsync();
        await PublishSummaryAsync();
        await this.PublishAsync(new MouCreated(Id, S.Title, entries.Count, command.By, S.CreatedAt));
        return Outcome<MouInfo>.Success(Info());
    }

    public Task<MouInfo?> GetInfoAsync() => Task.FromResult(S.Exists ? Info() : null);

    public async Task<Outcome<ClauseView>> AddClauseAsync(AddClause command)
    {
        if (!S.Exists)
            return Outcome<ClauseView>.Fail(Failure.NotFound, "no such MOU");
        var index = S.Clauses.Count;
        if (command.After is not null)
        {
            var afterIndex = S.Clauses.FindIndex(c => c.Id == command.After);
            if (afterIndex < 0)
                return Outcome<ClauseView>.Fail(Failure.Invalid, $"after: there is no clause {command.After} in this MOU");
            index = afterIndex + 1;
        }
        if (S.Clauses.Count >= MouLimits.MaxClauses)
            return Outcome<ClauseView>.Fail(Failure.Conflict, $"this MOU holds {MouLimits.MaxClauses:N0} clauses, the most an MOU may hold");
        var numbers = S.Clauses.Select(c => c.Number).ToList();
        var number = command.Number ?? ClauseNumbering.Next(command.Kind, numbers, index);
        if (numbers.Contains(number, StringComparer.OrdinalIgnoreCase))
            return Outcome<ClauseView>.Fail(Failure.Conflict, $"number: {number} is taken");

        var entry = new ClauseEntry(Ids.New(), number);
        var clause = GrainFactory.GetGrain<IClauseGrain>(ClauseKey.For(Id, entry.Id));
        var created = await clause.InitializeAsync(new InitClause(Id, entry.Id, number, command.Heading, command.Text, "first draft", command.By));
        if (!created.Ok)
            return created;
        S.Clauses.Insert(index, entry);
        await state.WriteOrRollBackAsync(() => S.Clauses.Remove(entry), DeactivateOnIdle);
        await this.PublishAsync(new ClauseAdded(Id, entry.Id, number, command.By, clock.GetUtcNow()));
        return created;
    }

    public async Task<Outcome<bool>> RemoveClauseAsync(string clauseId, Actor by)
    {
        var entry = S.Clauses.Find(c => c.Id == clauseId);
        if (entry is null)
            return Outcome<bool>.Fail(Failure.NotFound, $"there is no clause {clauseId} in this MOU");
        var index = S.Clauses.IndexOf(entry);
        S.Clauses.RemoveAt(index);
        S.Removed.Add(entry);
        await state.WriteOrRollBackAsync(() => { S.Removed.Remove(entry); S.Clauses.Insert(index, entry); }, DeactivateOnIdle);
        await this.PublishAsync(new ClauseRemoved(Id, entry.Id, entry.Number, by, clock.GetUtcNow()));
        return Outcome<bool>.Success(true);
    }

    public async Task<Outcome<bool>> MoveClauseAsync(string clauseId, string? after, Actor by)
    {
        var from = S.Clauses.FindIndex(c => c.Id == clauseId);
        if (from < 0)
            return Outcome<bool>.Fail(Failure.NotFound, $"there is no clause {clauseId} in this MOU");
        if (after == clauseId)
            return Outcome<bool>.Fail(Failure.Invalid, "after: a clause cannot stand after itself");
        if (after is not null && !S.Clauses.Exists(c => c.Id == after))
            return Outcome<bool>.Fail(Failure.Invalid, $"after: there is no clause {after} in this MOU");
        var before = S.Clauses.ToList();
        var entry = S.Clauses[from];
        S.Clauses.RemoveAt(from);
        S.Clauses.Insert(after is null ? 0 : S.Clauses.FindIndex(c => c.Id == after) + 1, entry);
        if (S.Clauses.SequenceEqual(before))
            return Outcome<bool>.Success(false);
        await state.WriteOrRollBackAsync(() => S.Clauses = before, DeactivateOnIdle);
        return Outcome<bool>.Success(true);
    }

    public async Task<IReadOnlyList<ClauseView>> GetClausesAsync()
    {
        var views = await Task.WhenAll(S.Clauses.Select(c => GrainFactory.GetGrain<IClauseGrain>(ClauseKey.For(Id, c.Id)).GetAsync()));
        return views.OfType<ClauseView>().ToArray();
    }

    public Task<bool> HasClauseAsync(string clauseId) => Task.FromResult(HasClause(clauseId));

    public Task<MouClauseAccess?> GetClauseAccessAsync(string clauseId) =>
        Task.FromResult(S.Exists ? new MouClauseAccess(Info(), HasClause(clauseId)) : null);

    private bool HasClause(string clauseId) => ClauseIdsEverHeld().Contains(clauseId);

    /// <summary>A clause call is for one of these: the MOU's clauses and the ones removed from it (their history stays readable).</summary>
    private IEnumerable<string> ClauseIdsEverHeld() => S.Clauses.Select(c => c.Id).Concat(S.Removed.Select(c => c.Id));

    public async Task<Outcome<RevisionInfo>> PublishRevisionAsync(string symbol, Actor by, DateOnly? publishedOn = null)
    {
        if (!S.Exists)
            return Outcome<RevisionInfo>.Fail(Failure.NotFound, "no such MOU");
        if (S.Clauses.Count == 0)
            return Outcome<RevisionInfo>.Fail(Failure.Conflict, "the MOU has no clauses to publish");
        if (S.Revisions.Exists(r => string.Equals(r.Info.Label, symbol, StringComparison.OrdinalIgnoreCase)))
            return Outcome<RevisionInfo>.Fail(Failure.Conflict, $"symbol: a revision {symbol} exists already");
        var now = clock.GetUtcNow();
        var publishedAt = publishedOn is not { } day || day == DateOnly.FromDateTime(now.UtcDateTime) ? now : new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        if (publishedOn is { } on && Domain.Tracking.PastDates.IsInFuture(on, now))
            return Outcome<RevisionInfo>.Fail(Failure.Invalid, $"publishedOn: {on:yyyy-MM-dd} is in the future");
        if (S.Revisions.Count > 0 && DateOnly.FromDateTime(publishedAt.UtcDateTime) < DateOnly.FromDateTime(S.Revisions[^1].Info.PublishedAt.UtcDateTime))
            return Outcome<RevisionInfo>.Fail(Failure.Invalid,
                $"publishedOn: {S.Revisions[^1].Info.Label} was published on {S.Revisions[^1].Info.PublishedAt:yyyy-MM-dd}; a later revision cannot be dated before it");
        var clauses = (await GetClausesAsync()).Select(c => c.ToText()).ToList();
        var hash = RevisionHash.Compute(clauses.Select(c => new ClauseSnapshot(c.Id, c.Number, c.Heading, c.Text, c.Version)).ToList());
        var info = new RevisionInfo(S.Revisions.Count + 1, symbol, hash, publishedAt, by.Name, DocumentSymbol.Compose(S.Identity?.Symbol, symbol));
        var record = new RevisionRecord { Info = info, Clauses = clauses };
        S.Revisions.Add(record);
        await state.WriteOrRollBackAsync(() => S.Revisions.Remove(record), DeactivateOnIdle);
        await PublishSummaryAsync();
        // The time of the change (now), not the publication date a revision circulated earlier is recorded with.
        await this.PublishAsync(new RevisionPublished(Id, info.Number, info.Label, by, clock.GetUtcNow()));
        return Outcome<RevisionInfo>.Success(info);
    }

    public Task<RevisionSnapshot?> GetRevisionAsync(int number) =>
        Task.FromResult(Revision(number) is { } r ? new RevisionSnapshot(WithSymbol(r.Info), r.Clauses.ToArray()) : null);

    public async Task<Outcome<PositionEntry>> GivePositionAsync(int revision, string memberState, PositionKind position, string note, Actor by)
    {
        var record = Revision(revision);
        if (record is null)
            return Outcome<PositionEntry>.Fail(Failure.NotFound, $"there is no revision {revision}");
        if (record != S.Revisions[^1])
            return Outcome<PositionEntry>.Fail(Failure.Conflict, $"revision {revision} is superseded: positions are given on the latest revision ({S.Revisions.Count})");
        var party = memberState.ToUpperInvariant();
        if (!S.Parties.Contains(party))
            return Outcome<PositionEntry>.Fail(Failure.Conflict, $"{party} is not a party to this MOU");
        if (ClosedBySilence(revision) is { } closed)
            return closed;
        var entry = new PositionEntry(party, position, note, by.Name, clock.GetUtcNow());
        record.Positions.Add(entry);
        await state.WriteOrRollBackAsync(() => record.Positions.Remove(entry), DeactivateOnIdle);
        NotifySilence(revision, entry);
        await PublishSummaryAsync();
        await this.PublishAsync(new PositionGiven(Id, revision, party, position.ToString().ToLowerInvariant(), by, entry.At));
        return Outcome<PositionEntry>.Success(entry);
    }

    public Task<PositionsView?> GetPositionsAsync(int revision) =>
        Task.FromResult(Revision(revision) is { } r ? Positions(r) : null);

    private PositionsView Positions(RevisionRecord record)
    {
        var latest = record.Positions.GroupBy(p => p.MemberState).Select(g => g.Last()).OrderBy(p => p.MemberState, StringComparer.Ordinal).ToArray();
        var consensus = Consensus.Compute(S.Parties, latest.ToDictionary(p => p.MemberState, p => p.Position), S.AdoptedBySilence.Contains(record.Info.Number));
        return new PositionsView(record.Info.Number, record.Info.Hash, latest, consensus, record.Positions.ToArray());
    }

    private RevisionRecord? Revision(int number) => number >= 1 && number <= S.Revisions.Count ? S.Revisions[number - 1] : null;

    private string Status() => S.Revisions.Count == 0 ? MouStatus.Drafting
        : Positions(S.Revisions[^1]).Consensus == ConsensusState.Adopted ? MouStatus.Adopted
        : MouStatus.UnderNegotiation;

    /// <summary>
    /// Every clause call asks for the MOU's facts, so they are built once per stored version of the state (each
    /// write gives a new ETag) rather than per call; a change not yet stored is not shown, which is as it should be.
    /// </summary>
    private MouInfo Info()
    {
        if (info is { } known && state.Etag is { } etag && known.Etag == etag)
            return known.Info;
        var built = new MouInfo(Id, S.Title, S.Organization, S.Parties.ToArray(), S.Confidential,
            S.Clauses.Select(c => c.Id).ToArray(), S.Revisions.Select(r => WithSymbol(r.Info)).ToArray(), S.CreatedAt, Status(), S.Identity);
        info = state.Etag is null ? null : (state.Etag, built);
        return built;
    }

    private Task PublishSummaryAsync() =>
        GrainFactory.GetGrain<IOrganizationGrain>(S.Organization).UpsertAsync(new MouSummary(Id, S.Title, S.Organization, Status()));
}
