namespace TradeFlow.EventSourcing.Tests;

public sealed class StreamNameTests
{
    [Theory]
    [InlineData("trade-T000000000042")]
    [InlineData("a")]
    [InlineData("book-FX Spot/Desk 1")]
    public void Ordinary_stream_ids_are_valid(string stream) => Assert.True(StreamName.IsValid(stream));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("trade-\u0000")]
    [InlineData("trade-\t1")]
    public void Empty_or_control_character_ids_are_invalid(string? stream) => Assert.False(StreamName.IsValid(stream));

    [Fact]
    public void An_id_with_a_lone_surrogate_is_invalid() => Assert.False(StreamName.IsValid("trade-" + (char)0xD800));

    [Fact]
    public void An_id_longer_than_the_bound_is_invalid()
    {
        Assert.True(StreamName.IsValid(new string('x', StreamName.MaxLength)));
        Assert.False(StreamName.IsValid(new string('x', StreamName.MaxLength + 1)));
        Assert.Throws<ArgumentException>(() => StreamName.Validate(new string('x', StreamName.MaxLength + 1)));
    }
}
