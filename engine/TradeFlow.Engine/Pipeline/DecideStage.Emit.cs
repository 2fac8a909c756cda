using TradeFlow.Domain.Events;
using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;
using TradeFlow.EventSourcing;

namespace TradeFlow.Engine.Pipeline;

/// <summary>Routing each event to its stream with the right expected version, and folding it into the state.</summary>
internal sealed partial class DecideStage
{
    private const string TradeStreamPrefix = "trade-";
    private const string RejectionStreamPrefix = "rejections-";

    /// <summary>The stream of a booked trade, <c>trade-T000000000042</c> (one string per trade, kept in its state).</summary>
    public static string TradeStream(TradeId id) =>
        string.Create(TradeStreamPrefix.Length + TradeId.TextLength, id, static (span, tradeId) =>
        {
            TradeStreamPrefix.CopyTo(span);
            tradeId.TryFormat(span[TradeStreamPrefix.Length..], out _);
        });

    // Streams: a booking opens trade-{id} (NoStream); an event of a booked trade goes to its stream at the
    // trade's version (Trade.Version counts every event, rejections included); a refusal that addresses no
    // booked trade (a refused capture, or a command naming an unknown id) goes to rejections-{id}, so a trade
    // stream only ever exists for a booked trade and can never collide with a later booking of that id.
    // A booking arrives enriched: the decider built it through the stage's BookingEnricher.
    private void Emit(ITradeEvent evt, TradeCommandKind kind, DecisionOutput output)
    {
        string stream;
        ExpectedVersion expected;
        if (evt is TradeBooked booked)
        {
            stream = TradeStream(booked.TradeId);
            expected = ExpectedVersion.NoStream;
        }
        else if (_state.TryGetTrade(evt.TradeId, out var live))
        {
            stream = live.Stream;
            expected = ExpectedVersion.At(live.Version - 1);
        }
        else if (evt is TradeRejected)
        {
            stream = RejectionStreamPrefix + evt.TradeId.ToString();
            expected = ExpectedVersion.Any;
        }
        else
        {
            throw new InvalidOperationException($"The decider produced {evt.GetType().Name} for trade {evt.TradeId}, which is not booked.");
        }

        output.Add(evt, stream, expected);
        _state.Apply(evt, stream, kind);
    }
}
