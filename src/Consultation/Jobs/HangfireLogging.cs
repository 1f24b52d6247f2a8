using Hangfire.Logging;
using HangfireLevel = Hangfire.Logging.LogLevel;
using MsLevel = Microsoft.Extensions.Logging.LogLevel;

namespace Consultation.Jobs;

/// <summary>
/// Hangfire binds its class loggers once per process to a global provider. This one forwards to the logger
/// factory of the host that runs now, so a second host in the same process (tests) never logs into a
/// disposed factory of the first.
/// </summary>
internal sealed class HangfireLogging : ILogProvider
{
    public static readonly HangfireLogging Provider = new();
    private volatile ILoggerFactory? _factory;

    public void Use(ILoggerFactory factory) => _factory = factory;

    public ILog GetLogger(string name) => new ForwardingLog(this, name);

    private sealed class ForwardingLog(HangfireLogging owner, string name) : ILog
    {
        public bool Log(HangfireLevel level, Func<string>? messageFunc, Exception? exception = null)
        {
            try
            {
                if (owner._factory?.CreateLogger(name) is not { } logger || !logger.IsEnabled(Map(level)))
                    return false;
                if (messageFunc is not null)
                    logger.Log(Map(level), exception, "{Message}", messageFunc());
                return true;
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }

    private static MsLevel Map(HangfireLevel level) => level switch
    {
        HangfireLevel.Trace => MsLevel.Trace,
        HangfireLevel.Debug => MsLevel.Debug,
        HangfireLevel.Info => MsLevel.Information,
        HangfireLevel.Warn => MsLevel.Warning,
        HangfireLevel.Error => MsLevel.Error,
        _ => MsLevel.Critical,
    };
}
