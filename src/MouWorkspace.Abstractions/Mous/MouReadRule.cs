namespace MouWorkspace.Abstractions.Mous;

/// <summary>
/// Who may read an MOU, written once. Every read of an MOU or of anything in it goes through this rule: the API
/// (<c>MouAccess</c>), the pages (which call the API), search (the readers written on each document and the check of
/// each hit) and notifications (checked again at delivery and before mail).
/// <list type="bullet">
/// <item>An administrator reads everything.</item>
/// <item>Otherwise an MOU is for its organization's users only.</item>
/// <item>A confidential round — its text, revisions, positions, exports, translations, search hits, notifications,
/// even its place in the organization's list — is for its parties' delegates and the staff (secretariat, legal
/// officers) only: never for observers or for delegates of a state that is not a party.</item>
/// </list>
/// </summary>
public static class MouReadRule
{
    public readonly record struct Reader(string? Organization, bool Admin, bool Staff, bool Delegate, string? MemberState);

    public static bool CanRead(Reader reader, MouInfo mou) => CanRead(reader, mou.Organization, mou.Confidential, mou.Parties);

    public static bool CanRead(Reader reader, string organization, bool confidential, IReadOnlyCollection<string> parties)
    {
        if (reader.Admin)
            return true;
        if (reader.Organization != organization)
            return false;
        return !confidential || reader.Staff || IsParty(reader, parties);
    }

    public static bool IsParty(Reader reader, IReadOnlyCollection<string> parties) =>
        reader.Delegate && reader.MemberState is { } state && parties.Contains(state);
}
