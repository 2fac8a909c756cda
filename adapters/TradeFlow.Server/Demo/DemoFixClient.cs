using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;
using TradeFlow.Engine;
using TradeFlow.Fix.Codec;
using TradeFlow.Fix.Session;
using TradeFlow.Fix.Settings;
using TradeFlow.Fix.Transport;

namespace TradeFlow.Server.Demo;

/// <summary>
/// The demo's trading systems: FIX sessions CLIENT1 and CLIENT2 to TRADEFLOW on TradeFlow's own
/// <see cref="FixInitiator"/> (memory store, sequence numbers reset at Logon, as <c>bench e2e</c> connects). Each
/// command sent is awaited by its client id until the gateway answers it — a TradeCaptureReportAck (AR) for an AE,
/// an AllocationInstructionAck (P) for a J — and the time from send to answer is its ack latency.
/// </summary>
internal sealed class DemoFixClient : IApplication, IAsyncDisposable
{
    /// <summary>The gateway's CompID.</summary>
    public const string ServerCompId = "TRADEFLOW";

    /// <summary>The demo's client CompIDs.</summary>
    public static readonly IReadOnlyList<string> ClientCompIds = ["CLIENT1", "CLIENT2"];

    private const int SecondaryTradeReportID = 818;
    private static readonly TimeSpan LogonTimeout = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, Pending> _pending = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _allLoggedOn = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SessionId[] _sessions;
    private readonly FixFieldWriter[] _bodies;
    private readonly ILoggerFactory _loggers;
    private FixInitiator? _initiator;
    private int _loggedOn;
    private long _sessionRejects;

    private DemoFixClient()
    {
        _sessions = [.. ClientCompIds.Select(c => new SessionId("FIX.4.4", c, ServerCompId))];
        _bodies = [.. ClientCompIds.Select(_ => new FixFieldWriter())];
        _loggers = LoggerFactory.Create(logging => logging
            .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace)
            .AddSimpleConsole(console => console.SingleLine = true)
            .SetMinimumLevel(LogLevel.Warning));
    }

    /// <summary>How many sessions there are.</summary>
    public int Sessions => _sessions.Length;

    /// <summary>Session-level and business-level rejects (3, j) received: messages the gateway could not even parse.</summary>
    public long SessionRejects => Interlocked.Read(ref _sessionRejects);

    /// <summary>Connects every session to the gateway at 127.0.0.1:<paramref name="port"/> and waits for their Logons.</summary>
    /// <exception cref="TimeoutException">A session did not log on within 30 s.</exception>
    public static async Task<DemoFixClient> ConnectAsync(int port, CancellationToken cancellationToken)
    {
        var client = new DemoFixClient();
        var sessions = SessionSettingsLoader.Parse(InitiatorConfig(port), "demo-initiator.cfg");
        client._initiator = new FixInitiator(sessions, client, client._loggers);
        client._initiator.Start();
        await client._allLoggedOn.Task.WaitAsync(LogonTimeout, cancellationToken).ConfigureAwait(false);
        return client;
    }

    /// <summary>The initiator's sessions: CLIENT1 and CLIENT2 to TRADEFLOW at 127.0.0.1:<paramref name="port"/>.</summary>
    public static string InitiatorConfig(int port) =>
        string.Create(CultureInfo.InvariantCulture, $"""
            [DEFAULT]
            ConnectionType=initiator
            BeginString=FIX.4.4
            TargetCompID={ServerCompId}
            SocketConnectHost=127.0.0.1
            SocketConnectPort={port}
            HeartBtInt=30
            ReconnectInterval=1
            ResetOnLogon=Y
            NonStopSession=Y
            UseDataDictionary=N

            """) + string.Concat(ClientCompIds.Select(c => $"[SESSION]\nSenderCompID={c}\n"));

    /// <summary>
    /// Sends <paramref name="command"/> on session <paramref name="session"/> (mod <see cref="Sessions"/>) and returns
    /// the task of its answer; <paramref name="terms"/> are the trade's current economics.
    /// </summary>
    public Task<DemoAnswer> Send(int session, TradeCommand command, TradeTerms terms)
    {
        var (msgType, clientId) = DemoFixMessages.Identify(command);
        var tradeId = command is ExistingTradeCommand existing ? existing.TradeId : default;
        var pending = new Pending(tradeId);
        if (!_pending.TryAdd(Key(msgType, clientId), pending))
        {
            throw new InvalidOperationException($"{msgType} {clientId} is already awaiting its answer");
        }

        var index = session % _sessions.Length;
        var body = _bodies[index];
        lock (body)
        {
            DemoFixMessages.Write(command, terms, body);
            pending.SentAt = Stopwatch.GetTimestamp();
            _initiator!.Sessions[_sessions[index]].Send(msgType, body);
        }

        return pending.Answer.Task;
    }

    /// <summary>Logs every session out and closes the connections.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_initiator is { } initiator)
        {
            await initiator.StopAsync().ConfigureAwait(false);
            await initiator.DisposeAsync().ConfigureAwait(false);
        }

        foreach (var pending in _pending.Values)
        {
            pending.Answer.TrySetResult(DemoAnswer.Failed("no answer before the session closed"));
        }

        _loggers.Dispose();
    }

    /// <inheritdoc/>
    public void FromApp(FixMessage message, SessionId sessionId)
    {
        ArgumentNullException.ThrowIfNull(message);
        var now = Stopwatch.GetTimestamp();
        switch (message.MsgTypeString)
        {
            case MsgTypes.TradeCaptureReportAck:
                var accepted = message.TryGetInt(Tags.TrdRptStatus, out var status) && status == 0;
                var reported = message.GetString(SecondaryTradeReportID) is { } id && TradeId.TryParse(id, out var tradeId) ? tradeId : default;
                Complete(Key(MsgTypes.TradeCaptureReport, message.GetString(Tags.TradeReportID)), accepted, reported, message.GetString(Tags.Text), now);
                break;
            case MsgTypes.AllocationInstructionAck:
                var allocated = message.TryGetInt(Tags.AllocStatus, out var allocStatus) && allocStatus == 0;
                Complete(Key(MsgTypes.AllocationInstruction, message.GetString(Tags.AllocID)), allocated, default, message.GetString(Tags.Text), now);
                break;
            case MsgTypes.BusinessMessageReject:
                Interlocked.Increment(ref _sessionRejects);
                break;
        }
    }

    /// <inheritdoc/>
    public void FromAdmin(FixMessage message, SessionId sessionId)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.MsgTypeString == MsgTypes.Reject)
        {
            Interlocked.Increment(ref _sessionRejects);
        }
    }

    /// <inheritdoc/>
    public void OnLogon(SessionId sessionId)
    {
        if (Interlocked.Increment(ref _loggedOn) == _sessions.Length)
        {
            _allLoggedOn.TrySetResult();
        }
    }

    /// <inheritdoc/>
    public void OnCreate(SessionId sessionId)
    {
    }

    /// <inheritdoc/>
    public void OnLogout(SessionId sessionId)
    {
    }

    /// <inheritdoc/>
    public void ToAdmin(FixMessage message, SessionId sessionId)
    {
    }

    /// <inheritdoc/>
    public void ToApp(FixMessage message, SessionId sessionId)
    {
    }

    private void Complete(string key, bool accepted, TradeId tradeId, string? text, long now)
    {
        if (!_pending.TryRemove(key, out var pending))
        {
            return;
        }

        var status = accepted ? CommandStatus.Accepted : CommandStatus.Rejected;
        var reasons = accepted ? [] : DemoAnswer.SplitReasons(text);
        pending.Answer.TrySetResult(new DemoAnswer(status, tradeId == default ? pending.TradeId : tradeId, reasons, now - pending.SentAt,
            accepted ? DemoAnswer.CountWarnings(text) : 0));
    }

    private static string Key(string msgType, string? clientId) => msgType + ":" + clientId;

    /// <summary>A command awaiting its answer.</summary>
    private sealed class Pending(TradeId tradeId)
    {
        public TradeId TradeId { get; } = tradeId;

        public long SentAt { get; set; }

        public TaskCompletionSource<DemoAnswer> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
