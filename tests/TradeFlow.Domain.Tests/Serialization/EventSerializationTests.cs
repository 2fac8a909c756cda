using System.Text;
using System.Text.Json;
using TradeFlow.Domain.Events;
using TradeFlow.Domain.Serialization;
using TradeFlow.Testing.Snapshots;

namespace TradeFlow.Domain.Tests.Serialization;

public class EventSerializationTests
{
    private static readonly DomainEventSerializer Serializer = DomainEventSerializer.Instance;

    public static TheoryData<string> EventNames() => [.. SampleEvents.All.Select(e => e.GetType().Name)];

    [Fact]
    public void Every_registered_event_type_has_a_sample()
    {
        Assert.Equal(
            DomainEventRegistry.EventTypes.Select(t => t.Type).OrderBy(t => t.Name),
            SampleEvents.All.Select(e => e.GetType()).OrderBy(t => t.Name));
    }

    [Theory]
    [MemberData(nameof(EventNames))]
    public void Every_event_round_trips_through_json_unchanged(string eventName)
    {
        var evt = SampleEvents.All.Single(e => e.GetType().Name == eventName);

        var bytes = Serializer.SerializeToUtf8Bytes(evt);
        var back = Serializer.Deserialize(DomainEventRegistry.TypeNameOf(evt), DomainEventRegistry.SchemaVersionOf(evt), bytes);

        // Records with arrays compare arrays by reference, so equality is checked on the canonical form too.
        Assert.IsType(evt.GetType(), back);
        Assert.Equal(Encoding.UTF8.GetString(bytes), Encoding.UTF8.GetString(Serializer.SerializeToUtf8Bytes(back)));
        Assert.Equal(evt.TradeId, back.TradeId);
        Assert.Equal(evt.EffectiveTime, back.EffectiveTime);
    }

    [Fact]
    public void Events_without_arrays_are_equal_after_a_round_trip()
    {
        foreach (var evt in SampleEvents.All.Where(e => e is TradeAmended or TradeCancelled or TradeConfirmed
                     or TradeNovated or TradePartiallyTerminated or SettlementMatched or SettlementSettled
                     or SettlementFailed or TradeMatured))
        {
            var back = Serializer.Deserialize(DomainEventRegistry.TypeNameOf(evt), DomainEventRegistry.SchemaVersionOf(evt),
                Serializer.SerializeToUtf8Bytes(evt));
            Assert.Equal(evt, back);
        }
    }

    [Fact]
    public void The_serialized_form_of_every_event_matches_the_snapshot()
    {
        var text = new StringBuilder();
        foreach (var evt in SampleEvents.All)
        {
            text.AppendLine($"## {DomainEventRegistry.QualifiedNameOf(evt)}")
                .AppendLine(IndentedJson.Format(Serializer.SerializeToUtf8Bytes(evt)))
                .AppendLine();
        }

        Snapshot.Verify(text.ToString(), [Scrubber.Guids]);
    }

    [Fact]
    public void Value_types_are_written_as_strings()
    {
        var json = Encoding.UTF8.GetString(Serializer.SerializeToUtf8Bytes(SampleEvents.All[0]));

        Assert.Contains("\"tradeId\":\"T000000000042\"", json, StringComparison.Ordinal);
        Assert.Contains("\"instrument\":\"US91282CLW90\"", json, StringComparison.Ordinal);
        Assert.Contains("\"price\":\"98.765625\"", json, StringComparison.Ordinal);
        Assert.Contains("\"notional\":\"1975312.50 USD\"", json, StringComparison.Ordinal);
        Assert.Contains("\"settlementDate\":\"2025-03-17\"", json, StringComparison.Ordinal);
        Assert.Contains("\"assetClass\":\"GovernmentBond\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_returns_the_stable_name_and_version_and_writes_to_the_buffer()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();

        var (name, version) = Serializer.Serialize(new TradeCancelled(SampleEvents.All[0].TradeId, default, "x"), buffer);

        Assert.Equal(("TradeCancelled", 2), (name, version));
        Assert.True(buffer.WrittenCount > 0);
    }

    [Fact]
    public void An_unknown_type_or_version_is_refused_naming_it()
    {
        var ex = Assert.Throws<UnknownEventTypeException>(() => Serializer.Deserialize("TradeBooked", 9, "{}"u8));

        Assert.Contains("TradeBooked.v9", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_value_is_refused_naming_the_event_type()
    {
        var ex = Assert.Throws<JsonException>(() => Serializer.Deserialize("TradeMatured", 1,
            """{"tradeId":"T0042","effectiveTime":"2025-03-14T14:30:15+00:00"}"""u8));

        Assert.Contains("TradeMatured.v1", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'T0042' is not a valid TradeId", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_non_event_cannot_be_serialized()
    {
        Assert.Throws<ArgumentException>(() => DomainEventRegistry.TypeNameOf("not an event"));
    }
}
