using MouWorkspace.Abstractions.Directory;

namespace MouWorkspace.Grains.Directory;

[GenerateSerializer, Alias("mou.directory-state")]
public sealed class UserDirectoryState
{
    [Id(0)] public List<DirectoryEntry> Users { get; set; } = [];
}

public sealed class UserDirectoryGrain(
    [PersistentState("directory", StorageNames.Tables)] IPersistentState<UserDirectoryState> state) : Grain, IUserDirectoryGrain
{
    public Task<IReadOnlyList<DirectoryEntry>> ListAsync() =>
        Task.FromResult<IReadOnlyList<DirectoryEntry>>(state.State.Users.OrderBy(u => u.Name, StringComparer.Ordinal).ToArray());

    public Task<DirectoryEntry?> FindAsync(string userId) =>
        Task.FromResult(state.State.Users.Find(u => u.UserId == userId));

    public async Task<DirectoryEntry> UpsertAsync(DirectoryEntry entry)
    {
        var index = state.State.Users.FindIndex(u => u.UserId == entry.UserId);
        var before = index >= 0 ? state.State.Users[index] : null;
        if (index >= 0)
            state.State.Users[index] = entry;
        else
            state.State.Users.Add(entry);
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            if (before is null)
                state.State.Users.Remove(entry);
            else
                state.State.Users[index] = before;
            throw;
        }
        return entry;
    }

    public async Task<bool> RemoveAsync(string userId)
    {
        var removed = state.State.Users.RemoveAll(u => u.UserId == userId) > 0;
        if (removed)
            await state.WriteStateAsync();
        return removed;
    }
}
