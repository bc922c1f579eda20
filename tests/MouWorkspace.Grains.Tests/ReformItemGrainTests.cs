using MouWorkspace.Abstractions.Common;
using MouWorkspace.Abstractions.ReformItems;
using MouWorkspace.Domain.Tracking;

namespace MouWorkspace.Grains.Tests;

[Collection("tracking-cluster")]
public sealed class ReformItemGrainTests(TrackingClusterFixture fixture)
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private async Task<IReformItemGrain> NewItemAsync(ReformStatus status = ReformStatus.InProgress, DateOnly? dueOn = null, string organization = "un")
    {
        var item = fixture.Grains.GetGrain<IReformItemGrain>("test-" + Ids.New());
        var created = await item.CreateAsync(new CreateReformItem("Victim assistance strategy", ReformPillar.ReformNotFinalized, organization,
            "A comprehensive strategy.", dueOn, status, new DateOnly(2005, 1, 10), "started", Actors.Legal with { Organization = organization }));
        Assert.True(created.Ok, created.Message);
        return item;
    }

    [Fact]
    public async Task Status_changes_are_appended_with_who_when_and_why()
    {
        var item = await NewItemAsync();
        var changed = await item.SetStatusAsync(ReformStatus.Stalled, new DateOnly(2006, 5, 1), "no agreement on scope", Actors.Secretariat);
        Assert.True(changed.Ok, changed.Message);
        var view = (await item.GetAsync())!;
        Assert.Equal(ReformStatus.Stalled, view.Summary.Status);
        Assert.Equal([ReformStatus.InProgress, ReformStatus.Stalled], view.History.Select(h => h.Status));
        Assert.Equal(("Secretariat", "no agreement on scope", new DateOnly(2006, 5, 1)), (view.History[1].By, view.History[1].Note, view.History[1].On));
    }

    [Fact]
    public async Task Future_dates_and_dates_before_the_latest_change_are_refused()
    {
        var item = await NewItemAsync();
        Assert.Equal(Failure.Invalid, (await item.SetStatusAsync(ReformStatus.Completed, Today.AddDays(2), "", Actors.Legal)).Failure);
        Assert.Equal(Failure.Invalid, (await item.SetStatusAsync(ReformStatus.Completed, new DateOnly(2004, 12, 31), "", Actors.Legal)).Failure);
        Assert.Single((await item.GetAsync())!.History);
    }

    [Fact]
    public async Task Staff_of_another_organization_cannot_change_the_status()
    {
        var item = await NewItemAsync(organization: "nato");
        Assert.Equal(Failure.Forbidden, (await item.SetStatusAsync(ReformStatus.Completed, Today, "", Actors.Legal)).Failure);
        Assert.Equal(Failure.NotFound, (await fixture.Grains.GetGrain<IReformItemGrain>("none-" + Ids.New()).SetStatusAsync(ReformStatus.Completed, Today, "", Actors.Legal)).Failure);
    }

    [Fact]
    public async Task Overdue_means_past_due_and_not_completed()
    {
        var late = await NewItemAsync(dueOn: new DateOnly(2005, 12, 31));
        Assert.True((await late.GetAsync())!.Summary.Overdue);
        var notYetDue = await NewItemAsync(dueOn: Today.AddDays(30));
        Assert.False((await notYetDue.GetAsync())!.Summary.Overdue);
        var noDueDate = await NewItemAsync();
        Assert.False((await noDueDate.GetAsync())!.Summary.Overdue);

        Assert.True((await late.SetStatusAsync(ReformStatus.Completed, Today, "finalized at last", Actors.Legal)).Ok);
        Assert.False((await late.GetAsync())!.Summary.Overdue);
        var indexed = (await fixture.Grains.GetGrain<IReformIndexGrain>(IReformIndexGrain.Key).ListAsync()).Single(i => i.Id == late.GetPrimaryKeyString());
        Assert.Equal((ReformStatus.Completed, false), (indexed.Status, indexed.Overdue));
    }

    [Fact]
    public async Task An_item_is_created_once()
    {
        var item = await NewItemAsync();
        var again = await item.CreateAsync(new CreateReformItem("x", ReformPillar.Protection, "un", "", null, ReformStatus.NotStarted, Today, "", Actors.Legal));
        Assert.Equal(Failure.Conflict, again.Failure);
    }
}
