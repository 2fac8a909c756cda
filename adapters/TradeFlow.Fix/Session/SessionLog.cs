using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;

namespace TradeFlow.Fix.Session;

/// <summary>
/// A session's events and messages: events go to <see cref="ILogger"/>; with FileLogPath set, every message in and
/// out and every event is also appended to QuickFIX-style files (<c>FIX.4.4-S-T.messages.current.log</c>,
/// <c>.event.current.log</c>) so operations staff find what they are used to. Lines are flushed to the OS, not fsync'd:
/// the message store, not the log, is the durable record.
/// </summary>
internal sealed partial class SessionLog : IDisposable
{
    private readonly ILogger _logger;
    private readonly SessionId _sessionId;
    private readonly TimeProvider _time;
    private readonly Lock _sync = new();
    private readonly StreamWriter? _messages;
    private readonly StreamWriter? _events;
    private bool _closed;

    public SessionLog(ILogger logger, SessionId sessionId, string? fileLogPath, TimeProvider time)
    {
        _logger = logger;
        _sessionId = sessionId;
        _time = time;
        if (fileLogPath is not null)
        {
            Directory.CreateDirectory(fileLogPath);
            var stem = Path.Combine(fileLogPath, sessionId.FileStem);
            _messages = new StreamWriter(stem + ".messages.current.log", append: true, Encoding.ASCII) { AutoFlush = true };
            _events = new StreamWriter(stem + ".event.current.log", append: true, Encoding.ASCII) { AutoFlush = true };
        }
    }

    public void Incoming(ReadOnlySpan<byte> message) => Message(message, incoming: true);

    public void Outgoing(ReadOnlySpan<byte> message) => Message(message, incoming: false);

    public void Event(string text)
    {
        LogEvent(_logger, _sessionId, text);
        Append(_events, text);
    }

    public void Warning(string text)
    {
        LogWarning(_logger, _sessionId, text);
        Append(_events, text);
    }

    public void Error(Exception exception, string text)
    {
        LogError(_logger, exception, _sessionId, text);
        Append(_events, text + ": " + exception.Message);
    }

    public void Dispose()
    {
        lock (_sync)
        {
            _closed = true;
            _messages?.Dispose();
            _events?.Dispose();
        }
    }

    private void Message(ReadOnlySpan<byte> message, bool incoming)
    {
        if (_messages is null && !_logger.IsEnabled(LogLevel.Trace))
        {
            return;
        }

        var text = Encoding.ASCII.GetString(message);
        if (_logger.IsEnabled(LogLevel.Trace))
        {
            var readable = text.Replace('\u0001', '|');
            LogMessage(_logger, _sessionId, incoming ? "IN " : "OUT", readable);
        }

        Append(_messages, text);
    }

    private void Append(StreamWriter? writer, string text)
    {
        if (writer is null)
        {
            return;
        }

        var stamp = _time.GetUtcNow().UtcDateTime.ToString("yyyyMMdd-HH:mm:ss.fff", CultureInfo.InvariantCulture);
        lock (_sync)
        {
            if (_closed)
            {
                return; // a line from a thread still ending after Dispose: the logger has had it, the files are closed
            }

            writer.Write(stamp);
            writer.Write(" : ");
            writer.WriteLine(text);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{SessionId}: {Text}")]
    private static partial void LogEvent(ILogger logger, SessionId sessionId, string text);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{SessionId}: {Text}")]
    private static partial void LogWarning(ILogger logger, SessionId sessionId, string text);

    [LoggerMessage(Level = LogLevel.Error, Message = "{SessionId}: {Text}")]
    private static partial void LogError(ILogger logger, Exception exception, SessionId sessionId, string text);

    [LoggerMessage(Level = LogLevel.Trace, Message = "{SessionId} {Direction} {Message}")]
    private static partial void LogMessage(ILogger logger, SessionId sessionId, string direction, string message);
}
