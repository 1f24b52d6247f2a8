using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Consultation.Tests.Infrastructure;

/// <summary>Keeps the server's error logs so that a failing test can say what went wrong inside.</summary>
public sealed class ServerErrors : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _errors = new();

    public string Last => _errors.LastOrDefault() ?? "(no server error logged)";

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private sealed class Logger(ServerErrors owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
                owner._errors.Enqueue($"{category}: {formatter(state, exception)} {exception}");
        }
    }
}
