namespace TradeFlow.EventSourcing;

/// <summary>
/// One stream's part of a multi-stream append: the stream, its own expectation and its events.
/// The events are a <see cref="ReadOnlyMemory{T}"/> so that the journal stage can slice one reused
/// per-batch array per stream without allocating.
/// </summary>
public readonly struct StreamAppend
{
    /// <summary>Creates a stream append over a slice of events.</summary>
    public StreamAppend(string stream, ExpectedVersion expected, ReadOnlyMemory<EventData> events)
    {
        StreamName.Validate(stream);
        Stream = stream;
        Expected = expected;
        Events = events;
    }

    /// <summary>Creates a stream append over an array of events (not copied: do not change it until the append returns).</summary>
    public StreamAppend(string stream, ExpectedVersion expected, EventData[] events)
        : this(stream, expected, new ReadOnlyMemory<EventData>(events ?? throw new ArgumentNullException(nameof(events))))
    {
    }

    /// <summary>Creates a stream append over a list of events (copied unless it is an array).</summary>
    public StreamAppend(string stream, ExpectedVersion expected, IReadOnlyList<EventData> events)
        : this(stream, expected, ToMemory(events))
    {
    }

    /// <summary>The stream to append to.</summary>
    public string Stream { get; }

    /// <summary>The expectation for this stream.</summary>
    public ExpectedVersion Expected { get; }

    /// <summary>The events to append, in order.</summary>
    public ReadOnlyMemory<EventData> Events { get; }

    internal static ReadOnlyMemory<EventData> ToMemory(IReadOnlyList<EventData> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events is EventData[] array)
        {
            return array;
        }

        var copy = new EventData[events.Count];
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] = events[i];
        }

        return copy;
    }
}
