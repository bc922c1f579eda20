namespace MouWorkspace.Domain;

public sealed record Organization(string Code, string Name);

/// <summary>The organizations whose texts the workspace keeps (../shared/DOMAIN.md).</summary>
public static class Organizations
{
    public static IReadOnlyList<Organization> All { get; } =
    [
        new("un", "United Nations (DPKO, Special Committee on Peacekeeping Operations)"),
        new("nato", "North Atlantic Treaty Organization"),
        new("osce", "Organization for Security and Co-operation in Europe"),
    ];

    public static Organization? Find(string? code) =>
        All.FirstOrDefault(o => string.Equals(o.Code, code, StringComparison.OrdinalIgnoreCase));
}
