using System.Diagnostics;
using TradeFlow.Fix.Codec;
using TradeFlow.Fix.Session;

namespace TradeFlow.Server.Bench;

/// <summary>
/// The load side's FIX application: notes each session's Logon, and records every order's final ExecutionReport
/// (OrdStatus 39 = 2 filled, i.e. booked, or 8 rejected) in the <see cref="BenchLedger"/> by its ClOrdID. The
/// intermediate "new" report (39=0) is not an answer: the booking is final only when filled.
/// </summary>
internal sealed class BenchApplication : IApplication
{
    private readonly BenchOrderFlow _flow;
    private readonly BenchLedger _ledger;
    private readonly int _sessions;
    private readonly TaskCompletionSource _allLoggedOn = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _loggedOn;

    /// <summary>Creates the application of a run over <paramref name="sessions"/> sessions.</summary>
    public BenchApplication(BenchOrderFlow flow, BenchLedger ledger, int sessions)
    {
        _flow = flow;
        _ledger = ledger;
        _sessions = sessions;
    }

    /// <summary>Completes when every session has logged on once.</summary>
    public Task AllLoggedOn => _allLoggedOn.Task;

    /// <inheritdoc />
    public void OnCreate(SessionId sessionId)
    {
    }

    /// <inheritdoc />
    public void OnLogon(SessionId sessionId)
    {
        if (Interlocked.Increment(ref _loggedOn) == _sessions)
        {
            _allLoggedOn.TrySetResult();
        }
    }

    /// <inheritdoc />
    public void OnLogout(SessionId sessionId)
    {
    }

    /// <inheritdoc />
    public void ToAdmin(FixMessage message, SessionId sessionId)
    {
    }

    /// <inheritdoc />
    public void FromAdmin(FixMessage message, SessionId sessionId)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.MsgType.SequenceEqual("3"u8))
        {
            _ledger.SessionRejected();
        }
    }

    /// <inheritdoc />
    public void ToApp(FixMessage message, SessionId sessionId)
    {
    }

    /// <inheritdoc />
    public void FromApp(FixMessage message, SessionId sessionId)
    {
        ArgumentNullException.ThrowIfNull(message);
        var now = Stopwatch.GetTimestamp();
        if (message.MsgType.SequenceEqual("j"u8))
        {
            _ledger.SessionRejected();
            return;
        }

        if (!message.MsgType.SequenceEqual("8"u8)
            || !message.TryGetChar(Tags.OrdStatus, out var status) || status is not ('2' or '8')
            || !message.TryGetValue(Tags.ClOrdID, out var clOrdId) || !_flow.TryParseNumber(clOrdId, out var number))
        {
            return;
        }

        _ledger.Answered(number, booked: status == '2', now, status == '8' ? message.GetString(58) : null);
    }
}
