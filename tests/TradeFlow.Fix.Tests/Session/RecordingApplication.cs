using System.Collections.Concurrent;
using TradeFlow.Fix.Codec;
using TradeFlow.Fix.Session;

namespace TradeFlow.Fix.Tests.Session;

/// <summary>An application that records what it is given and can be told to refuse things.</summary>
internal sealed class RecordingApplication : IApplication
{
    public ConcurrentQueue<FixMessage> Received { get; } = new();

    public TaskCompletionSource LoggedOn { get; private set; } = NewSignal();

    public TaskCompletionSource LoggedOut { get; private set; } = NewSignal();

    /// <summary>What FromApp does with a message; null accepts it.</summary>
    public Action<FixMessage>? OnFromApp { get; set; }

    public void OnCreate(SessionId sessionId)
    {
    }

    public void OnLogon(SessionId sessionId) => LoggedOn.TrySetResult();

    /// <summary>Runs in OnLogout after <see cref="LoggedOut"/> is signalled (an application that fails there, say).</summary>
    public Action? LogoutHook { get; set; }

    public void OnLogout(SessionId sessionId)
    {
        LoggedOut.TrySetResult();
        LogoutHook?.Invoke();
    }

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
        OnFromApp?.Invoke(message);
        Received.Enqueue(message.Clone());
    }

    public void ResetSignals()
    {
        LoggedOn = NewSignal();
        LoggedOut = NewSignal();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
