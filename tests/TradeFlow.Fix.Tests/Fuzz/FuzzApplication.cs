using System.Collections.Concurrent;
using TradeFlow.Fix.Codec;
using TradeFlow.Fix.Session;

namespace TradeFlow.Fix.Tests.Fuzz;

/// <summary>
/// The fuzzed acceptor's application: takes the message types TradeFlow books (D, F, G, AE, J) and answers every
/// other application type with <see cref="UnsupportedMessageTypeException"/> (so the session sends a j), as the
/// trade-capture application does. It records only the MsgSeqNum of what it took, per session, so 100,000
/// messages cost no clones.
/// </summary>
internal sealed class FuzzApplication : IApplication
{
    private static readonly HashSet<string> Taken = [MsgTypes.NewOrderSingle, MsgTypes.OrderCancelRequest,
        MsgTypes.OrderCancelReplaceRequest, MsgTypes.TradeCaptureReport, MsgTypes.AllocationInstruction];

    private readonly ConcurrentDictionary<SessionId, ConcurrentQueue<int>> _taken = new();
    private readonly ConcurrentDictionary<SessionId, SemaphoreSlim> _logouts = new();

    /// <summary>The MsgSeqNums FromApp took on <paramref name="session"/>, in arrival order.</summary>
    public IReadOnlyCollection<int> TakenBy(SessionId session) => _taken.GetOrAdd(session, _ => new());

    /// <summary>Completes when <paramref name="session"/> has reported one more logout (the connection is detached by then).</summary>
    public async Task WaitForLogoutAsync(SessionId session)
    {
        if (!await Logouts(session).WaitAsync(TimeSpan.FromSeconds(30)))
        {
            throw new TimeoutException($"{session} did not log out within 30 s");
        }
    }

    public void OnCreate(SessionId sessionId)
    {
    }

    public void OnLogon(SessionId sessionId)
    {
    }

    public void OnLogout(SessionId sessionId) => Logouts(sessionId).Release();

    public void ToAdmin(FixMessage message, SessionId sessionId)
    {
    }

    public void FromAdmin(FixMessage message, SessionId sessionId)
    {
    }

    public void ToApp(FixMessage message, SessionId sessionId)
    {
    }

    public void FromApp(FixMessage message, SessionId sessionId)
    {
        if (!Taken.Contains(message.MsgTypeString))
        {
            throw new UnsupportedMessageTypeException();
        }

        _taken.GetOrAdd(sessionId, _ => new()).Enqueue(message.MsgSeqNum);
    }

    private SemaphoreSlim Logouts(SessionId session) => _logouts.GetOrAdd(session, _ => new SemaphoreSlim(0));
}
