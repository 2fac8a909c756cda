using System.Collections.Immutable;
using TradeFlow.Domain.Events;
using TradeFlow.Domain.Trades;
using TradeFlow.EventSourcing;

namespace TradeFlow.Engine.Pipeline;

/// <summary>The decide stage's part of a slot: the events to append (a reused array), the outcome, and the warnings journaled with it.</summary>
internal sealed class DecisionOutput
{
    private PendingEvent[] _events = new PendingEvent[4];

    /// <summary>How many events the command appends (0 for a duplicate or a failed command).</summary>
    public int Count { get; private set; }

    /// <summary>The outcome, without its position (the journal stage knows that).</summary>
    public CommandOutcome Outcome { get; set; }

    /// <summary>The command's kind, journaled in the metadata (recovery needs it).</summary>
    public TradeCommandKind Kind { get; set; }

    /// <summary>Warnings journaled in the first event's metadata, so a recovered duplicate answers with them.</summary>
    public ImmutableArray<string> Warnings { get; set; }

    /// <summary>The events to append, in order.</summary>
    public ReadOnlySpan<PendingEvent> Events => _events.AsSpan(0, Count);

    /// <summary>Clears the part before the stage writes it.</summary>
    public void Reset()
    {
        Array.Clear(_events, 0, Count);
        Count = 0;
        Outcome = default;
        Kind = default;
        Warnings = [];
    }

    /// <summary>Adds an event to append.</summary>
    public void Add(ITradeEvent evt, string stream, ExpectedVersion expected)
    {
        if (Count == _events.Length)
        {
            Array.Resize(ref _events, _events.Length * 2);
        }

        _events[Count++] = new PendingEvent(evt, stream, expected);
    }

    /// <summary>Drops event references once answered.</summary>
    public void Release()
    {
        Array.Clear(_events, 0, Count);
        Count = 0;
        Warnings = [];
    }
}
