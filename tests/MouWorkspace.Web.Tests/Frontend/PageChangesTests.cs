using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MouWorkspace.Application.Clauses;
using MouWorkspace.Application.Discussion;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using MouWorkspace.Abstractions.Clauses;
using MouWorkspace.Abstractions.Common;
using MouWorkspace.Web.Audit;
using MouWorkspace.Web.Frontend;
using MouWorkspace.Web.Tests.Infrastructure;

namespace MouWorkspace.Web.Tests.Frontend;

/// <summary>
/// The clause page's changes go through the application services in-process (issue 16.3), not over loopback HTTP. What
/// the API did around them stays: the same audit record (action, target, status, content hash, who), the change's event
/// not audited a second time, the same refusals.
/// </summary>
[Collection("api")]
public sealed class PageChangesTests(ApiFixture fixture)
{
    [Fact]
    public void Every_change_a_page_makes_in_process_is_an_operation_of_the_api()
    {
        var mapped = fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? [])
                .Select(m => $"{m} /{e.RoutePattern.RawText!.Trim('/')}"))
            .ToHashSet();
        foreach (var operation in PageOperations.All)
            Assert.True(mapped.Contains(operation.Action), $"{operation.Action} is not an endpoint of the API");
    }

    [Fact]
    public async Task A_change_made_on_a_page_is_on_record_exactly_as_the_same_change_made_through_the_api()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var sec = await fixture.App.ClientAsync("Secretariat", name: "Page audit secretariat " + tag);
        var france = await fixture.App.ClientAsync("Delegate", "FRA", name: "Page audit France " + tag);
        var mou = await sec.CreateMouAsync("un", "FRA", "IND");
        var secPage = Page(sec);
        var francePage = Page(france);
        using var scope = fixture.App.Services.CreateScope();
        var clauses = scope.ServiceProvider.GetRequiredService<ClauseService>();
        var discussion = scope.ServiceProvider.GetRequiredService<DiscussionService>();

        // One change through the API (on clause a), the same change on the page (on clause b): the two records are alike but for the target.
        var before = (await AuditAsync(sec, mou)).Count;
        var added = new AddClauseRequest("Training", "States shall train all personnel.", null, "operative");
        var a = (await (await sec.PostAsJsonAsync($"/api/mous/{mou}/clauses", added)).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var b = (await secPage.ChangeAsync(PageOperations.AddClause, [mou], added, c => clauses.AddAsync(mou, added, c))).Id;
        await AssertAlikeAsync(PageOperations.AddClause, before, null);

        var draft = new SaveDraftRequest("States shall train and certify all personnel.", "France's wording");
        await (await sec.PutTextAsync($"/api/mous/{mou}/clauses/{a}", draft.Text!, "\"1\"", draft.Rationale!)).JsonAsync(HttpStatusCode.OK);
        await secPage.ChangeAsync(PageOperations.SaveDraft, [mou, b], draft, c => clauses.SaveDraftAsync(mou, b, 1, draft, c));
        await AssertAlikeAsync(PageOperations.SaveDraft, before += 2, (a, b));

        var comment = new CommentRequest("France can accept this.", null, "certify");
        var onA = (await (await france.PostAsJsonAsync($"/api/mous/{mou}/clauses/{a}/comments", comment)).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var onB = (await francePage.ChangeAsync(PageOperations.AddComment, [mou, b], comment, c => discussion.AddCommentAsync(mou, b, comment, c))).Id;
        await AssertAlikeAsync(PageOperations.AddComment, before += 2, (a, b));

        var resolve = new ResolveRequest(true);
        await (await france.PutAsJsonAsync($"/api/mous/{mou}/clauses/{a}/comments/{onA}/resolved", resolve)).JsonAsync(HttpStatusCode.OK);
        await francePage.ChangeAsync(PageOperations.ResolveComment, [mou, b, onB], resolve, c => discussion.ResolveAsync(mou, b, onB, resolve, c));
        await AssertAlikeAsync(PageOperations.ResolveComment, before += 2, (a, b), (onA, onB));

        var proposal = new ProposalRequest("States shall train, certify and vet all personnel.", null);
        await (await france.PostAsJsonAsync($"/api/mous/{mou}/clauses/{a}/proposals", proposal)).JsonAsync(HttpStatusCode.Created);
        await francePage.ChangeAsync(PageOperations.Propose, [mou, b], proposal, c => discussion.ProposeAsync(mou, b, proposal, c));
        await AssertAlikeAsync(PageOperations.Propose, before += 2, (a, b));

        var move = new MoveClauseRequest(null);
        await (await sec.PutAsJsonAsync($"/api/mous/{mou}/clauses/{a}/place", move)).JsonAsync(HttpStatusCode.NoContent);
        await secPage.ChangeAsync(PageOperations.MoveClause, [mou, b], move, c => clauses.MoveAsync(mou, b, move, c));
        await AssertAlikeAsync(PageOperations.MoveClause, before += 2, (a, b));

        var agreement = new AgreementRequest("ad-ref");
        await (await sec.PutAsJsonAsync($"/api/mous/{mou}/clauses/{a}/agreement", agreement)).JsonAsync(HttpStatusCode.OK);
        await secPage.ChangeAsync(PageOperations.SetAgreement, [mou, b], agreement, c => clauses.SetAgreementAsync(mou, b, agreement, c));
        await AssertAlikeAsync(PageOperations.SetAgreement, before += 2, (a, b));

        await (await sec.DeleteAsync($"/api/mous/{mou}/clauses/{a}")).JsonAsync(HttpStatusCode.NoContent);
        await secPage.ChangeAsync(PageOperations.RemoveClause, [mou, b], null, c => clauses.RemoveAsync(mou, b, c));
        await AssertAlikeAsync(PageOperations.RemoveClause, before += 2, (a, b));

        // A change made outside any request is audited from its event, in the MOU's order of events: once its record is
        // there, every earlier event of the MOU has been consumed, and none of the page's changes was audited twice.
        var third = await sec.AddClauseAsync(mou, "A third clause.");
        var grains = fixture.App.Services.GetRequiredService<IGrainFactory>();
        await grains.GetGrain<IClauseGrain>(ClauseKey.For(mou, third)).AddCommentAsync("Fence " + tag, null, null, new Actor("system:test", "Test", "", null, "un"));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        List<JsonElement> records;
        while (!(records = await AuditAsync(sec, mou)).Any(r => r.GetProperty("action").GetString()!.StartsWith(AuditConsumerPrefix, StringComparison.Ordinal)))
        {
            Assert.True(DateTime.UtcNow < deadline, "the fence's event was never audited");
            await Task.Delay(100);
        }
        Assert.Equal([$"{AuditConsumerPrefix}comment.added"], records.Select(r => r.GetProperty("action").GetString()!).Where(a => a.StartsWith(AuditConsumerPrefix, StringComparison.Ordinal)));

        async Task AssertAlikeAsync(ApiOperation operation, int count, (string A, string B)? clause, (string A, string B)? item = null)
        {
            var all = await AuditAsync(sec, mou);
            Assert.Equal(count + 2, all.Count);
            var (api, page) = (all[^2], all[^1]);
            Assert.Equal(operation.Action, api.GetProperty("action").GetString());
            foreach (var field in new[] { "userId", "name", "role", "memberState", "organization", "action", "status", "contentHash" })
                Assert.True(api.GetProperty(field).ToString() == page.GetProperty(field).ToString(), $"{operation.Action}: {field} {api.GetProperty(field)} ≠ {page.GetProperty(field)}");
            Assert.Equal(operation.Status, page.GetProperty("status").GetInt32());
            var target = api.GetProperty("target").GetString()!;
            if (clause is { } c)
                target = target.Replace($"clauseId={c.A}", $"clauseId={c.B}", StringComparison.Ordinal);
            if (item is { } i)
                target = target.Replace(i.A, i.B, StringComparison.Ordinal);
            Assert.Equal(target, page.GetProperty("target").GetString());
        }
    }

    [Fact]
    public async Task A_page_change_is_refused_to_a_role_the_api_refuses_and_then_nothing_is_stored_or_recorded()
    {
        var sec = await fixture.App.ClientAsync("Secretariat");
        var mou = await sec.CreateMouAsync("un", "FRA", "IND");
        var clause = await sec.AddClauseAsync(mou, "The Government shall exercise jurisdiction.");
        var observer = Page(await fixture.App.ClientAsync("Observer"));
        var delegatePage = Page(await fixture.App.ClientAsync("Delegate", "FRA"));
        using var scope = fixture.App.Services.CreateScope();
        var clauses = scope.ServiceProvider.GetRequiredService<ClauseService>();
        var discussion = scope.ServiceProvider.GetRequiredService<DiscussionService>();
        var before = (await AuditAsync(sec, mou)).Count;

        var draft = new SaveDraftRequest("The Government shall not exercise jurisdiction.", "");
        var refused = await Assert.ThrowsAsync<ApiError>(() =>
            delegatePage.ChangeAsync(PageOperations.SaveDraft, [mou, clause], draft, c => clauses.SaveDraftAsync(mou, clause, 1, draft, c)));
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        var comment = new CommentRequest("An observer's comment.", null, null);
        Assert.Equal(HttpStatusCode.Forbidden, (await Assert.ThrowsAsync<ApiError>(() =>
            observer.ChangeAsync(PageOperations.AddComment, [mou, clause], comment, c => discussion.AddCommentAsync(mou, clause, comment, c)))).Status);
        var proposal = new ProposalRequest("The Government shall exercise exclusive jurisdiction.", null);
        Assert.Equal(HttpStatusCode.Forbidden, (await Assert.ThrowsAsync<ApiError>(() =>
            observer.ChangeAsync(PageOperations.Propose, [mou, clause], proposal, c => discussion.ProposeAsync(mou, clause, proposal, c)))).Status);
        // A stale version is the API's 412, which the clause page turns into its "someone saved meanwhile" panel.
        var stale = await Assert.ThrowsAsync<ApiError>(() =>
            Page(sec).ChangeAsync(PageOperations.SaveDraft, [mou, clause], draft, c => clauses.SaveDraftAsync(mou, clause, 7, draft, c)));
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.Status);

        var stored = await (await sec.GetAsync($"/api/mous/{mou}/clauses/{clause}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, stored.GetProperty("version").GetInt32());
        Assert.Empty((await (await sec.GetAsync($"/api/mous/{mou}/clauses/{clause}/comments")).JsonAsync(HttpStatusCode.OK)).EnumerateArray());
        Assert.Equal(before, (await AuditAsync(sec, mou)).Count);
    }

    private const string AuditConsumerPrefix = MouWorkspace.Grains.Events.AuditConsumer.ActionPrefix;

    private static async Task<List<JsonElement>> AuditAsync(HttpClient sec, string mou) =>
        [.. (await (await sec.GetAsync($"/api/mous/{mou}/audit")).JsonAsync(HttpStatusCode.OK)).EnumerateArray()];

    /// <summary>The page's services for the user a client's token names (the same claims the circuit's user would hold).</summary>
    private PageServices Page(HttpClient client)
    {
        var token = new JsonWebToken(client.DefaultRequestHeaders.Authorization!.Parameter!);
        var user = new ClaimsPrincipal(new ClaimsIdentity(token.Claims, "test", "name", "roles"));
        var services = fixture.App.Services;
        return new PageServices(new SignedIn(user), services.GetRequiredService<AuditRecords>(),
            services.GetRequiredService<IOptions<JsonOptions>>(), NullLogger<PageServices>.Instance);
    }

    private sealed class SignedIn(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }
}
