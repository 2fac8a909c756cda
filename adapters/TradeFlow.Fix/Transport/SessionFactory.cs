using Microsoft.Extensions.Logging;
using TradeFlow.Fix.Session;
using TradeFlow.Fix.Settings;
using TradeFlow.Fix.Store;

namespace TradeFlow.Fix.Transport;

/// <summary>Builds a <see cref="FixSession"/> from its settings: the store (one file, QuickFIX's files, or memory), the dictionary check, the message log.</summary>
internal static class SessionFactory
{
    public static FixSession Create(SessionSettings settings, IApplication application, ILoggerFactory loggerFactory, TimeProvider time)
    {
        var now = time.GetUtcNow().UtcDateTime;
        IMessageStore store = settings.FileStorePath is { } path
            ? OpenFileStore(path, settings.SessionId, now)
            : new MemoryMessageStore(now);
        var logger = loggerFactory.CreateLogger("TradeFlow.Fix.Session");
        return new FixSession(settings, application, store, logger, time, DictionaryValidation.For(settings), settings.FileLogPath);
    }

    /// <summary>
    /// The one-file store (one fsync per reply batch), unless the directory already holds this session's store in
    /// QuickFIX's layout and no one-file store: a restart must resume that store's sequence numbers and messages.
    /// </summary>
    private static IMessageStore OpenFileStore(string path, SessionId sessionId, DateTime now) =>
        !File.Exists(LogMessageStore.PathFor(path, sessionId)) && File.Exists(Path.Combine(path, sessionId.FileStem + ".seqnums"))
            ? new FileMessageStore(path, sessionId, now)
            : new LogMessageStore(path, sessionId, now);
}
