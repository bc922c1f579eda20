using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace MouWorkspace.Web.Tests.Storage;

/// <summary>Shows Azurite's logs (including its output, at Debug) in the test's output.</summary>
sealed class TestOutputLogger(ITestOutputHelper output) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(
        LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        try
        {
            output.WriteLine($"{DateTime.Now:HH:mm:ss.fff} {logLevel}: {formatter(state, exception)}");
        }
        catch (InvalidOperationException)
        {
            // The test is over; late lines from a stopping process are dropped.
        }
    }
}
