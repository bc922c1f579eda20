namespace MouWorkspace.Grains;

public static class StateWrites
{
    /// <summary>
    /// A write that fails (storage down, etag conflict) must not leave the change in memory, or the next reader
    /// would see something that was never acknowledged; an etag conflict means another activation wrote, so the
    /// grain deactivates and reloads from storage on the next call.
    /// </summary>
    public static async Task WriteOrRollBackAsync<T>(this IPersistentState<T> state, Action rollBack, Action deactivate)
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            rollBack();
            deactivate();
            throw;
        }
    }
}
