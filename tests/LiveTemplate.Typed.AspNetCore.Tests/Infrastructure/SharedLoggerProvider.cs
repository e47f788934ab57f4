using LiveTemplate.Typed.Testing;
using Microsoft.Extensions.Logging;

namespace LiveTemplate.Typed.AspNetCore.Tests.Infrastructure;

/// <summary>Sends every category's log to one <see cref="RecordingLogger"/>.</summary>
public sealed class SharedLoggerProvider(RecordingLogger logger) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => logger;

    public void Dispose()
    {
    }
}
