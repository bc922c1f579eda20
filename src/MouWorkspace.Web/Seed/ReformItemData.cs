using MouWorkspace.Abstractions.Common;
using MouWorkspace.Abstractions.ReformItems;
using MouWorkspace.Domain.Tracking;
using static MouWorkspace.Domain.Tracking.ReformPillar;
using static MouWorkspace.Domain.Tracking.ReformStatus;

namespace MouWorkspace.Web.Seed;

/// <summary>
/// The reform items of the 2007 report (../shared/DOMAIN.md) with the status it gives; where the report dates a
/// step, the history carries that date, otherwise the report's own date (mid-2007) stands for "as reported".
/// </summary>
public static class ReformItemData
{
    private sealed record Step(ReformStatus Status, DateOnly On, string Note);

    private sealed record Item(string Id, string Organization, ReformPillar Pillar, string Title, string Description, DateOnly? DueOn, Step[] History);

    private static readonly DateOnly Reported = new(2007, 6, 1);

    private static Step[] AsReported(ReformStatus status, string note) => [new(status, Reported, note)];

    private static readonly Item[] Items =
    [
        new("un-staff-regulations", "un", Protection, "UN staff regulations on SEA", "Staff regulations classify sexual exploitation and abuse as serious misconduct subject to disciplinary action, including summary dismissal.", null,
            AsReported(Completed, "Staff regulations amended.")),
        new("un-non-un-personnel", "un", Protection, "Non-UN personnel bound by the 2003 bulletin", "Consultants, contractors, volunteers, military observers and civilian police are bound by ST/SGB/2003/13; contracts and letters of undertaking include the standards.", null,
            AsReported(Completed, "All contracts and letters of undertaking include the standards.")),
        new("un-conduct-discipline-teams", "un", Protection, "Conduct and Discipline Teams", "CDTs at headquarters and almost all peacekeeping missions inform communities, receive complaints and refer Category I allegations to OIOS.", null,
            [new(InProgress, new DateOnly(2006, 1, 15), "Teams deployed to missions in early 2006."), new(InProgress, Reported, "In place at almost all missions; some cover more than one.")]),
        new("un-mission-prevention", "un", Prevention, "Mission prevention measures", "Off-limits premises and areas, curfews, telephone hotlines, uniforms at all times.", null,
            AsReported(Completed, "Instituted in missions where allegations arose.")),
        new("un-case-tracking", "un", Prevention, "Case tracking system", "A secure web-based system tracks SEA cases and bars dismissed or repatriated personnel from future missions.", null,
            AsReported(InProgress, "Comprehensive database in the final stages of development.")),
        new("un-training-modules", "un", Prevention, "Training modules", "Three modules for different levels of personnel; pre-deployment training is mandatory but DPKO cannot verify it took place.", null,
            AsReported(Completed, "Implemented; verification of TCC pre-deployment training remains open.")),
        new("un-women-peacekeepers", "un", Prevention, "Women peacekeepers", "Encourage TCCs to deploy more women at all levels.", null,
            [new(InProgress, new DateOnly(2007, 1, 30), "India deployed the first all-female police unit (UNMIL)."), new(InProgress, new DateOnly(2007, 3, 15), "Brindisi conference with 30 gender experts.")]),
        new("un-implementation-by-management", "un", Prevention, "Implementation by management", "Heads of mission task managers and commanders with implementation; managers' efforts are formally evaluated.", null,
            AsReported(Completed, "Evaluation of civilian managers in place.")),
        new("un-high-level-discussion", "un", Prevention, "High-level discussion", "High-Level Conference on Eliminating Sexual Exploitation and Abuse.", null,
            [new(Completed, new DateOnly(2006, 12, 4), "Conference held with UN agencies, Member States, TCCs and NGOs.")]),
        new("un-legal-experts", "un", Prosecution, "Recommendations by legal experts", "Two panels: accountability of staff and experts on mission; whether the 2003 bulletin can bind contingents until the MOU is revised.", null,
            AsReported(InProgress, "Member States are reviewing the recommendations of both panels.")),
        new("un-oios-investigators", "un", Prosecution, "OIOS investigators in the field", "Investigative personnel covering 12 peacekeeping missions; more to be hired.", null,
            AsReported(InProgress, "Covering 12 missions; additional staff to be hired.")),
        new("un-model-mou", "un", ReformNotFinalized, "MOU between the UN and TCCs", "The model MOU revised to address SEA, negotiated in the C-34.", null,
            [new(InProgress, new DateOnly(2006, 1, 16), "Negotiation opened in the C-34."), new(Stalled, Reported, "In negotiation since January 2006 without agreement.")]),
        new("un-standards-existing-mous", "un", ReformNotFinalized, "Standards of conduct in existing MOUs", "Discussions with current TCCs on incorporating the standards into existing MOUs.", null,
            AsReported(InProgress, "Discussions with current TCCs under way.")),
        new("un-welfare-recreation", "un", ReformNotFinalized, "Welfare and recreation reform", "A comprehensive welfare and recreation strategy for mission personnel.", null,
            [new(InProgress, new DateOnly(2005, 7, 1), "Missions instructed to improve facilities within existing budgets."), new(InProgress, Reported, "Draft strategy expected to go to Member States.")]),
        new("un-victim-assistance", "un", ReformNotFinalized, "Victim assistance strategy", "A comprehensive strategy, to be presented to the Security Council.", new DateOnly(2005, 12, 31),
            [new(InProgress, new DateOnly(2005, 3, 24), "Recommended in the Zeid report."), new(Stalled, Reported, "Not finalized: assistance must not read as an admission of misconduct; missions refer victims to local services meanwhile.")]),
        new("nato-anti-trafficking-policy", "nato", Prevention, "Policy on Combating Trafficking in Human Beings", "Adopted by NATO Allies and Partners; training, support to host-country law enforcement, contract clauses.", null,
            [new(Completed, new DateOnly(2004, 6, 28), "Adopted at the Istanbul Summit.")]),
        new("nato-senior-coordinator", "nato", Prevention, "Senior coordinator on counter-trafficking", "The Assistant Secretary-General for Defence Policy and Planning oversees implementation.", null,
            [new(InProgress, new DateOnly(2006, 11, 15), "Review recommendations submitted to senior representatives."), new(Completed, Reported, "Senior Coordinator appointed.")]),
        new("osce-code-of-conduct", "osce", Prevention, "Code of Conduct for Staff and Mission Members", "Appendix 1 to PC.DEC/550/Corr.1; part of orientation training for all personnel.", null,
            [new(Completed, new DateOnly(2003, 6, 27), "Adopted by the Permanent Council.")]),
        new("osce-staff-instruction-11", "osce", Prevention, "Staff Instruction 11", "Focuses on preventing trafficking in persons; part of orientation training.", null,
            AsReported(Completed, "In force and taught in orientation training.")),
        new("osce-mc-dec-15-06", "osce", Prevention, "MC/DEC/15/06 on combating sexual exploitation of children", "Executive structures to bring child sexual exploitation into code of conduct training and awareness material.", null,
            [new(InProgress, new DateOnly(2006, 12, 5), "Decision of the Brussels Ministerial Council.")]),
    ];

    /// <summary>How many status changes seeding records for an organization's items (each an event, audited as one).</summary>
    public static int SeededChanges(string organization) => Items.Where(i => i.Organization == organization).Sum(i => i.History.Length);

    public static async Task SeedAsync(IGrainFactory grains)
    {
        foreach (var item in Items)
        {
            var by = new Actor($"demo:{item.Organization}-legal", $"{item.Organization.ToUpperInvariant()} Legal Officer", "LegalOfficer", null, item.Organization);
            var grain = grains.GetGrain<IReformItemGrain>(item.Id);
            var first = item.History[0];
            // Seeded once: an item that exists keeps its history (seeding again would repeat every status change).
            if (!(await grain.CreateAsync(new CreateReformItem(item.Title, item.Pillar, item.Organization, item.Description, item.DueOn, first.Status, first.On, first.Note, by))).Ok)
                continue;
            foreach (var step in item.History.Skip(1))
                await grain.SetStatusAsync(step.Status, step.On, step.Note, by);
        }
    }
}
