using System.Text;
using TradeFlow.Domain.Events;
using TradeFlow.Domain.Serialization;
using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.Tests.Serialization;

public class UpcastingTests
{
    [Fact]
    public void A_v1_cancellation_without_a_reason_is_read_as_v2_with_the_reason_marked_not_recorded()
    {
        // As journaled before v2 added the reason.
        var v1 = """{"tradeId":"T000000000042","effectiveTime":"2024-11-05T16:02:00+00:00"}"""u8;

        var evt = DomainEventSerializer.Instance.Deserialize("TradeCancelled", 1, v1);

        Assert.Equal(new TradeCancelled(TradeId.FromInt64(42), new DateTimeOffset(2024, 11, 5, 16, 2, 0, TimeSpan.Zero),
            "not recorded (v1 event)"), evt);
    }

    [Fact]
    public void Cancellations_are_written_as_v2_only()
    {
        var evt = new TradeCancelled(TradeId.FromInt64(1), default, "Duplicate booking");

        Assert.Equal("TradeCancelled.v2", DomainEventRegistry.QualifiedNameOf(evt));
        Assert.Contains("\"reason\":\"Duplicate booking\"",
            Encoding.UTF8.GetString(DomainEventSerializer.Instance.SerializeToUtf8Bytes(evt)), StringComparison.Ordinal);
    }

    [Fact]
    public void Both_cancellation_versions_are_readable()
    {
        Assert.True(DomainEventRegistry.CanRead("TradeCancelled", 1));
        Assert.True(DomainEventRegistry.CanRead("TradeCancelled", 2));
        Assert.False(DomainEventRegistry.CanRead("TradeCancelled", 3));
    }
}
