using System.Text;
using TradeFlow.Domain.Events;
using TradeFlow.Domain.Serialization;

namespace TradeFlow.Domain.Tests.Serialization;

/// <summary>
/// The payload check's shapes read from the event records' declarations are, member by member, the shapes the
/// serializer's metadata gives: names, order, which may be left out, how each value is checked, nested records.
/// </summary>
public sealed class DeclaredPayloadShapeTests
{
    private static string Describe(PayloadShape shape) =>
        $"{shape.ClrType.Name}{{{string.Join(", ", shape.Members.Select(m => $"{Encoding.UTF8.GetString(m.Name)}{(m.Optional ? "?" : "")} {Describe(m.Value)}"))}}}";

    private static string Describe(PayloadValue value) => value.Kind switch
    {
        PayloadValueKind.Object => Describe(value.Shape!),
        PayloadValueKind.Array => $"[{Describe(value.Element!)}]",
        PayloadValueKind.Enum => $"{value.ClrType.Name}({string.Join("|", value.EnumNames.Select(Encoding.UTF8.GetString))})",
        PayloadValueKind.DomainValue => $"{value.ClrType.Name}:{value.Domain}",
        _ => $"{value.ClrType.Name}:{value.Kind}",
    };

    public static TheoryData<Type> CurrentEventTypes() => [.. CurrentEvents.Types.Select(e => e.Type)];

    [Theory]
    [MemberData(nameof(CurrentEventTypes))]
    public void Every_current_event_types_declared_shape_is_the_one_its_serializer_metadata_gives(Type type)
    {
        var metadata = PayloadShape.From(DomainJsonContext.Default.GetTypeInfo(type)!, DomainJsonContext.Default);
        var declared = DeclaredPayloadShape.From(type);

        Assert.NotNull(metadata);
        Assert.NotNull(declared);
        Assert.Equal(Describe(metadata), Describe(declared));
    }

    [Fact]
    public void The_description_compared_names_every_member_nested_records_and_optional_ones_included()
    {
        var booked = Describe(DeclaredPayloadShape.From(typeof(TradeBooked))!);

        Assert.StartsWith("TradeBooked{\"tradeId\": TradeId:TradeId, \"effectiveTime\": DateTimeOffset:Time, \"economics\": TradeEconomics{", booked, StringComparison.Ordinal);
        Assert.Contains("\"parentTradeId\":? TradeId:TradeId", booked, StringComparison.Ordinal);
        Assert.Contains("\"side\": Side(Buy|Sell)", booked, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(typeof(string))]
    [InlineData(typeof(List<TradeBooked>))]
    [InlineData(typeof(object))]
    [InlineData(typeof(Uri))]
    [InlineData(typeof(Plain))]
    public void A_type_not_among_the_domains_records_is_left_to_the_metadata(Type type)
    {
        Assert.Null(DeclaredPayloadShape.From(type));
    }

    [Theory]
    [InlineData(typeof(RenamedOnTheWire))]
    [InlineData(typeof(WithComputedMember))]
    [InlineData(typeof(WithPlainMember))]
    public void A_record_with_what_its_declaration_cannot_settle_is_left_to_the_metadata(Type type)
    {
        Assert.NotNull(DeclaredPayloadShape.From(typeof(Plain), typeof(Plain).Assembly));
        Assert.Null(DeclaredPayloadShape.From(type, typeof(Plain).Assembly));
    }

    [Fact]
    public void A_record_of_plain_members_is_read_in_declared_order_with_its_nullable_ones_optional()
    {
        Assert.Equal("Plain{\"name\": String:Text, \"note\":? String:Text, \"count\": Int32:Int32, \"limit\":? Int32:Int32}", Describe(DeclaredPayloadShape.From(typeof(Plain), typeof(Plain).Assembly)!));
    }

    /// <summary>Members the declaration settles.</summary>
    public sealed record Plain(string Name, string? Note, int Count, int? Limit);

    /// <summary>Renamed on the wire: only the metadata knows the name.</summary>
    public sealed record RenamedOnTheWire([property: System.Text.Json.Serialization.JsonPropertyName("x")] string Name);

    /// <summary>A member of a type outside the records (a class with a converter of its own): not modelled.</summary>
    public sealed record WithPlainMember(string Name, Uri Link);

    /// <summary>A member written but never read back: the metadata's derivation refuses it too.</summary>
    public sealed record WithComputedMember(string Name)
    {
        /// <summary>Written, not settable.</summary>
        public int Length => Name.Length;
    }
}
