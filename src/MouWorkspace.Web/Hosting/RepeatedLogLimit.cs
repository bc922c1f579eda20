using System.Collections.Concurrent;

namespace MouWorkspace.Web.Hosting;

/// <summary>
/// A failure that repeats (storage timing out for every grain that activates, every request of an outage) is
/// logged once per <see cref="Window"/> and kind, not once per grain or request: a restart storm with 10,000
/// grains wrote millions of identical traces. The kind is the category, event, message template and exception
/// type of a Warning or Error with an exception; the next one after the window says how many were left out.
/// Critical entries (an audit record lost) and entries without an exception are never held back.
/// </summary>
public static class RepeatedLogLimit
{
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(30);

    /// <summary>Wraps every logging provider registered so far (call it after the providers are added).</summary>
    public static void LimitRepeatedFailures(this ILoggingBuilder logging)
    {
        var services = logging.Services;
        foreach (var descriptor in services.Where(d => d.ServiceType == typeof(ILoggerProvider) && !d.IsKeyedService).ToList())
        {
            services.Remove(descriptor);
            services.AddSingleton<ILoggerProvider>(sp => new Provider(Create(sp, descriptor), TimeProvider.System));
        }
    }

    private static ILoggerProvider Create(IServiceProvider services, ServiceDescriptor descriptor) =>
        (ILoggerProvider)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));

    internal sealed class Provider(ILoggerProvider inner, TimeProvider clock) : ILoggerProvider, ISupportExternalScope
    {
        private readonly ConcurrentDictionary<(string, int, string?, Type), Seen> seen = new();

        public ILogger CreateLogger(string categoryName) => new Limited(inner.CreateLogger(categoryName), categoryName, this);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => (inner as ISupportExternalScope)?.SetScopeProvider(scopeProvider);

        public void Dispose() => inner.Dispose();

        /// <summary>-1: hold it back; otherwise log it, with that many left out before it.</summary>
        internal int Admit(string category, EventId eventId, string? template, Type exception)
        {
            var entry = seen.GetOrAdd((category, eventId.Id, template, exception), _ => new Seen());
            var now = clock.GetUtcNow();
            lock (entry)
            {
                if (entry.Since is { } since && now - since < Window)
                {
                    entry.Held++;
                    return -1;
                }
                var held = entry.Held;
                (entry.Since, entry.Held) = (now, 0);
                return held;
            }
        }

        private sealed class Seen
        {
            public DateTimeOffset? Since;
            public int Held;
        }
    }

    private sealed class Limited(ILogger inner, string category, Provider limit) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (exception is null || logLevel is not (LogLevel.Warning or LogLevel.Error) || !inner.IsEnabled(logLevel))
            {
                inner.Log(logLevel, eventId, state, exception, formatter);
                return;
            }
            var template = state is IReadOnlyList<KeyValuePair<string, object?>> values
                ? values.FirstOrDefault(v => v.Key == "{OriginalFormat}").Value as string
                : null;
            var held = limit.Admit(category, eventId, template, exception.GetType());
            if (held < 0)
                return;
            inner.Log(logLevel, eventId, state, exception, formatter);
            if (held > 0)
                inner.Log(logLevel, eventId, $"{held} more like the above in the last {Window.TotalSeconds:0} s were not logged", null, (s, _) => s);
        }
    }
}
