namespace MouWorkspace.Application;

/// <summary>
/// Grain references for the hot paths (every clause call, every audit record). <c>GetGrain&lt;T&gt;(key)</c> resolves
/// the interface's grain type through its attributes on every call (a sixth of a clause read's own CPU in the
/// profile); here it is resolved once per interface and the reference is made from the grain id directly.
/// </summary>
public static class GrainRefs
{
    public static T Get<T>(this IGrainFactory grains, string key) where T : IGrainWithStringKey
    {
        var (type, interfaceType) = Resolved<T>.Types ??= Resolve<T>(grains);
        return (T)grains.GetGrain(GrainId.Create(type, key), interfaceType);
    }

    private static (GrainType, GrainInterfaceType) Resolve<T>(IGrainFactory grains) where T : IGrainWithStringKey
    {
        var sample = (GrainReference)(object)grains.GetGrain<T>("resolve");
        return (sample.GrainId.Type, sample.InterfaceType);
    }

    private static class Resolved<T>
    {
        public static (GrainType, GrainInterfaceType)? Types;
    }
}
