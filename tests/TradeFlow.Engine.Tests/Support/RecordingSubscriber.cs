
namespace TradeFlow.Engine.Tests.Support;

/// <summary>Records what the publish stage delivers (copied: the span is only valid during the call).</summary>
internal sealed class RecordingSubscriber(Func<CommittedEvent, bool>? throwWhen = null) : IEngineSubscriber
{
    private readonly List<CommittedEvent> _events = [];

    public IReadOnlyList<CommittedEvent> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }


    public void OnCommitted(ReadOnlySpan<CommittedEvent> events)
    {
        lock (_events)
        {
            foreach (var e in events)
            {
                _events.Add(e);
            }
        }

        foreach (var e in events)
        {
            if (throwWhen?.Invoke(e) == true)
            {
                throw new InvalidOperationException("Subscriber failure (simulated).");
            }
        }
    }
}
