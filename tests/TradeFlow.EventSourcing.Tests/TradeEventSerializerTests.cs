using System.Text;
using TradeFlow.Domain.Events;
using TradeFlow.Domain.Values;
using TradeFlow.EventSourcing.InMemory;
using TradeFlow.EventSourcing.Serialization;
using TradeFlow.Testing.Builders;

namespace TradeFlow.EventSourcing.Tests;

public sealed class TradeEventSerializerTests
{
    private static readonly DateTimeOffset Recorded = new(2025, 3, 14, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_trade_history_written_to_the_store_reads_back_as_the_same_domain_events()
    {
        var driver = new LifecycleDriver();
        var id = driver.Book(new BookTradeBuilder().WithSourceKey("SRC-1").Build());
        driver.Send(new Domain.Trades.ConfirmTrade(id, "SRC-2", driver.Tick(), "CONF-1"));
        driver.Send(new Domain.Trades.CancelTrade(id, "SRC-3", driver.Tick(), "booked in error"));
        var history = driver.StreamOf(id);
        var factory = new EventDataFactory(TradeEventSerializer.Instance);
        using var store = new InMemoryEventStore();
        var stream = $"trade-{id}";

        var data = history.Select(e => factory.Create(e, new EventContext(Guid.NewGuid(), Recorded, e.EffectiveTime))).ToArray();
        store.AppendMultiple([new StreamAppend(stream, ExpectedVersion.NoStream, data)]).EnsureSuccess();

        var readBack = store.ReadStream(stream, Direction.Forwards, 0).Select(factory.Deserialize).ToList();
        Assert.Equal(history, readBack);
        Assert.Equal(["TradeBooked", "TradeConfirmed", "TradeCancelled"], store.ReadStream(stream, Direction.Forwards, 0).Select(r => r.Type));
    }

    [Fact]
    public void A_stored_v1_cancellation_is_upcast_on_read_and_never_rewritten()
    {
        var id = TradeId.FromInt64(7);
        var v1Payload = Encoding.UTF8.GetBytes("""{"tradeId":"T000000000007","effectiveTime":"2025-03-14T14:30:00+00:00"}""");
        using var store = new InMemoryEventStore();
        var stored = new EventData(Guid.NewGuid(), "TradeCancelled", 1, v1Payload, Recorded, Recorded);
        store.AppendMultiple([new StreamAppend("trade-T000000000007", ExpectedVersion.NoStream, new[] { stored })]).EnsureSuccess();

        var recorded = store.ReadStream("trade-T000000000007", Direction.Forwards, 0).Single();
        var evt = Assert.IsType<TradeCancelled>(new EventDataFactory(TradeEventSerializer.Instance).Deserialize(recorded));

        Assert.Equal(id, evt.TradeId);
        Assert.Equal(TradeCancelled.ReasonNotRecorded, evt.Reason);
        Assert.Equal(1, recorded.SchemaVersion);
        Assert.Equal(v1Payload, recorded.Payload.ToArray());
    }
}
