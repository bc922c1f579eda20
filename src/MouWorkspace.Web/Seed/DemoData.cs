using MouWorkspace.Domain.States;
using MouWorkspace.Abstractions.Clauses;
using MouWorkspace.Abstractions.Common;
using MouWorkspace.Abstractions.Mous;
using MouWorkspace.Domain.Numbering;
using MouWorkspace.Domain.Positions;

namespace MouWorkspace.Web.Seed;

/// <summary>The demo texts: written for the demo from the 2007 report's themes, not copied from any real MOU.</summary>
public static class DemoData
{
    public static readonly string[] Organizations = ["un", "nato", "osce"];

    /// <summary>The publication days of the demo texts' Rev.1 (historical, as the report dates them; invented for the UN draft).</summary>
    public static readonly DateOnly UnRev1PublishedOn = new(2006, 12, 1);

    private static readonly Dictionary<string, DateOnly> SimpleRev1PublishedOn = new()
    {
        ["nato"] = new(2004, 6, 28), // the policy adopted at the Istanbul Summit
        ["osce"] = new(2006, 12, 5), // MC/DEC/15/06, Brussels Ministerial Council
    };

    // The seeded records are signed by the demo users of the sign-in page, as they sign in (same id and name), so that
    // "Delegate of France" on a seeded comment is the person who signs in as France (issue 15.21).
    private static readonly Actor UnSecretariat = As("un-secretariat");
    private static readonly Actor UnLegal = As("un-legal");

    internal static Actor As(string demoUser)
    {
        var user = Auth.DemoUsers.Find(demoUser) ?? throw new InvalidOperationException($"no demo user {demoUser}");
        return new($"local:{user.Key}", user.Name, user.Role, user.MemberState, user.Organization);
    }

    private static Actor Delegate(string state, string organization = "un") =>
        Auth.DemoUsers.All.FirstOrDefault(u => u.MemberState == state && u.Organization == organization) is { } user
            ? As(user.Key)
            : new($"local:{state.ToLowerInvariant()}", $"Delegate of {MemberStates.Find(state)?.Name ?? state}", "Delegate", state, organization);

    public static Task SeedAsync(IGrainFactory grains, string organization, CancellationToken ct) => organization switch
    {
        "un" => SeedUnAsync(grains),
        "nato" => SeedSimpleAsync(grains, "nato", "NATO Policy on Combating Trafficking in Human Beings (June 2004)", ["FRA", "USA", "DEU", "POL", "TUR"], NatoClauses),
        "osce" => SeedSimpleAsync(grains, "osce", "OSCE Code of Conduct for Mission Members (Staff Instruction 11, MC/DEC/15/06)", ["AUT", "FRA", "FIN", "RUS", "USA"], OsceClauses),
        _ => Task.CompletedTask,
    };

    private static async Task SeedUnAsync(IGrainFactory grains)
    {
        var mou = grains.GetGrain<IMouGrain>("un-model-mou");
        await mou.CreateAsync(new CreateMou("un", "Model MOU between the United Nations and [Participating State] contributing resources to peacekeeping operations",
            ["FRA", "IND", "MAR", "NPL", "PAK", "TUN", "URY"], false, UnSecretariat));
        var ids = new Dictionary<string, string>();
        foreach (var (key, kind, heading, text) in UnClauses)
        {
            var clause = await mou.AddClauseAsync(new AddClause(heading, text, null, kind, UnSecretariat));
            ids[key] = clause.Value!.Id;
        }
        IClauseGrain Clause(string key) => grains.GetGrain<IClauseGrain>(ClauseKey.For("un-model-mou", ids[key]));

        var training = Clause("training");
        var comment = await training.AddCommentAsync("France prefers a binding obligation: \"shall\".", "[shall][should]", null, Delegate("FRA"));
        await training.AddCommentAsync("India can accept \"shall\" if certification is by the Government.", null, comment.Value!.Id, Delegate("IND"));
        await training.AddProposalAsync("Troop-contributing countries shall certify that all members of their national contingents have received pre-deployment training on the standards of conduct.", "NAM", Delegate("MAR"));

        // Rev.1 as circulated in the C-34 (negotiations opened in January 2006), before the 2007 adoptions of TccData:
        // an adoption cannot be dated before its revision was published (issue 15.17).
        await mou.PublishRevisionAsync("Rev.1", UnSecretariat, UnRev1PublishedOn);
        await mou.GivePositionAsync(1, "FRA", PositionKind.Agree, "", Delegate("FRA"));
        await mou.GivePositionAsync(1, "IND", PositionKind.Reserve, "Subject to confirmation by capital on OP4.", Delegate("IND"));

        await training.SaveDraftAsync(
            "Troop-contributing countries shall [certify][ensure] that all members of their national contingents have received pre-deployment training on the standards of conduct, including on sexual exploitation and abuse.",
            "Folds in the proposal made on behalf of the Non-Aligned Movement; certification still bracketed.", 1, UnLegal);
        var jurisdiction = Clause("jurisdiction");
        await jurisdiction.SaveDraftAsync(
            "Military members of national contingents are subject to the exclusive jurisdiction of the Government, which shall inform the Secretary-General within [90][120] days of the outcome of any investigation.",
            "Adds the reporting deadline requested in the informal consultations.", 1, UnLegal);
        await Clause("definitions").SetAgreementAsync(Domain.Clauses.Agreement.Agreed, UnSecretariat);
        await Clause("pp1").SetAgreementAsync(Domain.Clauses.Agreement.Agreed, UnSecretariat);
        await Clause("pp2").SetAgreementAsync(Domain.Clauses.Agreement.AdReferendum, UnSecretariat);
    }

    private static async Task SeedSimpleAsync(IGrainFactory grains, string organization, string title, string[] parties, (ClauseKind Kind, string Heading, string Text)[] clauses)
    {
        var secretariat = As($"{organization}-secretariat");
        var mou = grains.GetGrain<IMouGrain>($"{organization}-code");
        await mou.CreateAsync(new CreateMou(organization, title, parties, false, secretariat));
        foreach (var (kind, heading, text) in clauses)
            await mou.AddClauseAsync(new AddClause(heading, text, null, kind, secretariat));
        await mou.PublishRevisionAsync("Rev.1", secretariat, SimpleRev1PublishedOn[organization]);
    }

    private static readonly (string Key, ClauseKind Kind, string Heading, string Text)[] UnClauses =
    [
        ("pp1", ClauseKind.Preambular, "Purpose", "Recognizing that sexual exploitation and abuse by peacekeeping personnel undermines the mandate of the mission and the trust of the population it serves,"),
        ("pp2", ClauseKind.Preambular, "Bulletin", "Recalling the Secretary-General's bulletin ST/SGB/2003/13 on special measures for protection from sexual exploitation and sexual abuse,"),
        ("pp3", ClauseKind.Preambular, "Responsibility", "Affirming that the [primary][exclusive] responsibility for the conduct of members of national contingents rests with the troop-contributing country,"),
        ("definitions", ClauseKind.Operative, "Standards of conduct", "The standards of conduct set out in annex H form an integral part of this Memorandum and bind all members of the national contingent."),
        ("training", ClauseKind.Operative, "Pre-deployment training", "Troop-contributing countries [shall][should] ensure that all members of their national contingents receive pre-deployment training on the standards of conduct."),
        ("jurisdiction", ClauseKind.Operative, "Jurisdiction", "Military members of national contingents are subject to the exclusive jurisdiction of the Government in respect of any crimes or offences committed while on assignment with the mission."),
        ("investigation", ClauseKind.Operative, "Investigations", "The Government shall [forward allegations to][consult with] the Office of Internal Oversight Services on Category I allegations and [ensure][endeavour to ensure] that national investigation officers are deployed [without delay]."),
        ("accountability", ClauseKind.Operative, "Commanders' accountability", "Commanders of national contingents shall be held accountable for [failing to take][not taking] measures to prevent sexual exploitation and abuse [by members of their contingents]."),
        ("welfare", ClauseKind.Operative, "Welfare and recreation", "The United Nations and the Government shall cooperate to provide adequate welfare and recreation facilities for members of the national contingent."),
    ];

    private static readonly (ClauseKind, string, string)[] NatoClauses =
    [
        (ClauseKind.Preambular, "Zero tolerance", "Recognizing that trafficking in human beings runs counter to the values of the Alliance,"),
        (ClauseKind.Operative, "Training", "Nations shall provide awareness training on trafficking in human beings to all personnel before deployment to NATO-led operations."),
        (ClauseKind.Operative, "Senior coordinator", "A senior coordinator shall [monitor][oversee] the implementation of this policy and report [annually] to the North Atlantic Council."),
    ];

    private static readonly (ClauseKind, string, string)[] OsceClauses =
    [
        (ClauseKind.Preambular, "Commitment", "Recalling the commitment of participating States to combat trafficking in human beings (MC/DEC/15/06),"),
        (ClauseKind.Operative, "Code of conduct", "Mission members shall not engage in or facilitate trafficking in human beings or sexual exploitation."),
        (ClauseKind.Operative, "Staff Instruction 11", "Violations of this code are misconduct under Staff Instruction 11 and [may][shall] lead to disciplinary action, including dismissal."),
    ];
}
