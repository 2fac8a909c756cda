using Microsoft.Extensions.Logging;
using TradeFlow.Fix.Session;
using TradeFlow.Fix.Settings;
using TradeFlow.Fix.Store;

namespace TradeFlow.Fix.Transport;

/// <summary>Builds a <see cref="FixSession"/> from its settings: the store (file or memory), the dictionary check, the message log.</summary>
internal static class SessionFactory
{
    public static FixSession Create(SessionSettings settings, IApplication application, ILoggerFactory loggerFactory, TimeProvider time)
    {
        var now = time.GetUtcNow().UtcDateTime;
        IMessageStore store = settings.FileStorePath is { } path
            ? new FileMessageStore(path, settings.SessionId, now)
            : new MemoryMessageStore(now);
        var logger = loggerFactory.CreateLogger("TradeFlow.Fix.Session");
        return new FixSession(settings, application, store, logger, time, DictionaryValidation.For(settings), settings.FileLogPath);
    }
}
