using MouWorkspace.Abstractions.Common;
using MouWorkspace.Abstractions.Events;
using MouWorkspace.Grains.Events;
using MouWorkspace.Abstractions.ReformItems;
using MouWorkspace.Domain.Tracking;

namespace MouWorkspace.Grains.ReformItems;

public sealed class ReformItemGrain(
    [PersistentState("reform-item", StorageNames.Tables)] IPersistentState<ReformItemState> state,
    TimeProvider clock) : Grain, IReformItemGrain
{
    private ReformItemState S => state.State;
    private string Id => this.GetPrimaryKeyString();

    public async Task<Outcome<ReformItemView>> CreateAsync(CreateReformItem command)
    {
        if (S.Exists)
            return Outcome<ReformItemView>.Fail(Failure.Conflict, $"the reform item {Id} exists already");
        if (PastDates.IsInFuture(command.On, clock.GetUtcNow()))
            return Outcome<ReformItemView>.Fail(Failure.Invalid, $"on: {command.On:yyyy-MM-dd} is in the future");
        S.Title = command.Title;
        S.Pillar = command.Pillar;
        S.Organization = command.Organization;
        S.Description = command.Description;
        S.DueOn = command.DueOn;
        S.History.Add(new StatusChange(command.Status, command.On, command.Note, command.By.Name, command.By.Organization, clock.GetUtcNow()));
        await WriteOrRollBackAsync(() => S.History.Clear());
        await this.PublishAsync(new ReformStatusChanged(S.Organization, Id, ReformRules.ToWire(command.Status), command.By, clock.GetUtcNow()));
        return Outcome<ReformItemView>.Success(View());
    }

    public Task<ReformItemView?> GetAsync() => Task.FromResult(S.Exists ? View() : null);

    public async Task<Outcome<ReformItemView>> SetStatusAsync(ReformStatus status, DateOnly on, string note, Actor by)
    {
        if (!S.Exists)
            return Outcome<ReformItemView>.Fail(Failure.NotFound, $"there is no reform item {Id}");
        if (by.Organization != S.Organization)
            return Outcome<ReformItemView>.Fail(Failure.Forbidden, $"this item belongs to {S.Organization}; you act for {by.Organization}");
        if (PastDates.IsInFuture(on, clock.GetUtcNow()))
            return Outcome<ReformItemView>.Fail(Failure.Invalid, $"on: {on:yyyy-MM-dd} is in the future");
        var last = S.History[^1];
        if (on < last.On)
            return Outcome<ReformItemView>.Fail(Failure.Invalid, $"on: the latest change is dated {last.On:yyyy-MM-dd}; a change cannot be dated before it");
        var change = new StatusChange(status, on, note, by.Name, by.Organization, clock.GetUtcNow());
        S.History.Add(change);
        await WriteOrRollBackAsync(() => S.History.Remove(change));
        await this.PublishAsync(new ReformStatusChanged(S.Organization, Id, ReformRules.ToWire(status), by, change.RecordedAt));
        return Outcome<ReformItemView>.Success(View());
    }

    private ReformItemSummary Summary()
    {
        var current = S.History[^1];
        var overdue = ReformRules.IsOverdue(current.Status, S.DueOn, PastDates.Today(clock.GetUtcNow()));
        return new ReformItemSummary(Id, S.Title, S.Pillar, S.Organization, current.Status, S.DueOn, overdue, current.On);
    }

    private ReformItemView View() => new(Summary(), S.Description, S.History.ToArray());

    private async Task WriteOrRollBackAsync(Action rollBack)
    {
        await state.WriteOrRollBackAsync(rollBack, DeactivateOnIdle);
        await GrainFactory.GetGrain<IReformIndexGrain>(IReformIndexGrain.Key).UpsertAsync(Summary());
    }
}
