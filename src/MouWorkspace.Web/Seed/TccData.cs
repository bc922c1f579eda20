using MouWorkspace.Abstractions.Common;
using MouWorkspace.Abstractions.Tracking;

namespace MouWorkspace.Web.Seed;

/// <summary>
/// The seven TCCs the report names, with plausible (invented) adoptions of the model MOU's Rev.1 and the report's
/// 29 repatriated personnel facing disciplinary or criminal action, spread over them (the split is illustrative).
/// </summary>
public static class TccData
{
    private static readonly Actor UnLegal = DemoData.As("un-legal");

    private static readonly (string Code, DateOnly? AdoptedOn, DateOnly? TrainingOn, int Disciplined)[] Countries =
    [
        ("FRA", new(2007, 3, 1), new(2006, 10, 2), 3),
        ("IND", new(2007, 4, 16), new(2006, 11, 20), 8),
        ("MAR", null, null, 5),
        ("NPL", new(2007, 5, 7), null, 4),
        ("PAK", null, new(2007, 1, 8), 5),
        ("TUN", null, null, 2),
        ("URY", new(2007, 2, 12), new(2006, 9, 4), 2),
    ];

    public const int ReportedTotal = 29;

    public static async Task SeedAsync(IGrainFactory grains)
    {
        foreach (var (code, adoptedOn, trainingOn, disciplined) in Countries)
        {
            var tcc = grains.GetGrain<ITccGrain>(code);
            if (adoptedOn is { } on)
                await tcc.RecordAdoptionAsync(new RecordAdoption("un-model-mou", 1, on, true, null, "Note verbale confirming acceptance of Rev.1 (demo)", UnLegal));
            if (trainingOn is { } trained)
                await tcc.CertifyTrainingAsync(trained, null, "Government certification of pre-deployment training on the standards of conduct (demo)", UnLegal);
            await tcc.ReportDisciplineAsync(2006, disciplined, "Repatriated personnel facing disciplinary or criminal action (2007 report: 29 in total for the seven states; split illustrative)", UnLegal);
        }
    }
}
