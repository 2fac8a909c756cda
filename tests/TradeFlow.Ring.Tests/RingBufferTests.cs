namespace TradeFlow.Ring.Tests;

public sealed class RingBufferTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(1000)]
    [InlineData(-8)]
    public void A_size_that_is_not_a_power_of_two_is_refused(int size)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RingBuffer<Support.TestSlot>(() => new(), size));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ValueRingBuffer<long>(size));
    }

    [Fact]
    public void Every_slot_is_made_once_up_front_and_reused_on_each_lap()
    {
        var made = 0;
        var ring = new RingBuffer<Support.TestSlot>(() => { made++; return new(); }, 8);

        Assert.Equal(8, made);
        Assert.Same(ring[3], ring[3 + 8]);
        Assert.Same(ring[0], ring[8 * 1000]);
        Assert.NotSame(ring[0], ring[1]);
        Assert.Equal(8, ring.BufferSize);
    }

    [Fact]
    public void A_factory_returning_null_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new RingBuffer<Support.TestSlot>(() => null!, 4));
    }

    [Fact]
    public void A_value_ring_hands_out_references_into_its_slots()
    {
        var ring = new ValueRingBuffer<long>(4, ProducerType.Single);

        var sequence = ring.Next();
        ring[sequence] = 42;
        ring.Publish(sequence);
        ref var slot = ref ring[sequence + 4];
        slot++;

        Assert.Equal(43, ring[0]);
        Assert.Equal(0, ring.Cursor);
        Assert.True(ring.IsAvailable(0));
    }
}
