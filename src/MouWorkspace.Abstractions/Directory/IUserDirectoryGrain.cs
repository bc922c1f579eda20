namespace MouWorkspace.Abstractions.Directory;

/// <summary>
/// What a tenant's tokens cannot carry: the member state and organization of a user (and the e-mail address
/// notifications go to), kept by an Admin.
/// One grain (key <see cref="Key"/>); the list is small (delegates and staff, not the public).
/// </summary>
[Alias("mou.IUserDirectoryGrain")]
public interface IUserDirectoryGrain : IGrainWithStringKey
{
    const string Key = "directory";

    Task<IReadOnlyList<DirectoryEntry>> ListAsync();

    Task<DirectoryEntry?> FindAsync(string userId);

    Task<DirectoryEntry> UpsertAsync(DirectoryEntry entry);

    Task<bool> RemoveAsync(string userId);
}

[GenerateSerializer, Immutable, Alias("mou.directory-entry")]
public sealed record DirectoryEntry(
    [property: Id(0)] string UserId,
    [property: Id(1)] string Name,
    [property: Id(2)] string? MemberState,
    [property: Id(3)] string Organization,
    [property: Id(4)] DateTimeOffset UpdatedAt,
    [property: Id(5)] string UpdatedBy,
    [property: Id(6)] string? Email = null);
