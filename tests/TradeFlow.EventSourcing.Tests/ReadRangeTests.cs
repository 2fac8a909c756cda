using TradeFlow.EventSourcing.Storage;

namespace TradeFlow.EventSourcing.Tests;

public sealed class ReadRangeTests
{
    [Fact]
    public void Forwards_from_before_the_first_index_starts_at_the_first() =>
        Assert.Equal(new ReadRange(1, 5, 1), ReadRange.Of(1, 5, 0, Direction.Forwards, long.MaxValue));

    [Fact]
    public void Backwards_from_beyond_the_end_starts_at_the_last() =>
        Assert.Equal(new ReadRange(4, 3, -1), ReadRange.Of(0, 5, long.MaxValue, Direction.Backwards, 3));

    [Fact]
    public void An_empty_sequence_reads_nothing() =>
        Assert.Equal(0, ReadRange.Of(0, 0, 0, Direction.Forwards, 10).Count);

    [Fact]
    public void Backwards_from_before_the_first_index_reads_nothing() =>
        Assert.Equal(0, ReadRange.Of(1, 5, 0, Direction.Backwards, 10).Count);
}
