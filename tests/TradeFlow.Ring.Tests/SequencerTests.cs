using FsCheck;
using FsCheck.Fluent;
using TradeFlow.Ring.WaitStrategies;

namespace TradeFlow.Ring.Tests;

public sealed class SequencerTests
{
    public static TheoryData<ProducerType> ProducerTypes => [ProducerType.Single, ProducerType.Multi];

    private static RingBuffer<Support.TestSlot> NewRing(ProducerType type, int size, out Sequence consumer)
    {
        var ring = new RingBuffer<Support.TestSlot>(() => new(), size, type, new BusySpinWaitStrategy());
        consumer = new Sequence();
        ring.AddGatingSequences(consumer);
        return ring;
    }

    [Theory]
    [MemberData(nameof(ProducerTypes))]
    public void Claims_are_consecutive_and_publishing_moves_the_cursor(ProducerType type)
    {
        var ring = NewRing(type, 8, out _);

        Assert.Equal(0, ring.Next());
        ring.Publish(0);
        Assert.Equal(3, ring.Next(3));
        ring.Publish(1, 3);

        Assert.Equal(3, ring.Cursor);
        Assert.Equal(3, ring.Sequencer.GetHighestPublishedSequence(0, 3));
        Assert.Equal(4, ring.RemainingCapacity);
    }

    [Theory]
    [MemberData(nameof(ProducerTypes))]
    public void Try_next_on_a_full_ring_reports_busy_until_the_consumer_moves(ProducerType type)
    {
        var ring = NewRing(type, 4, out var consumer);
        for (var i = 0; i < 4; i++)
        {
            Assert.True(ring.TryNext(out var sequence));
            ring.Publish(sequence);
        }

        Assert.False(ring.TryNext(out _));
        Assert.False(ring.TryNext(1, out _));
        Assert.Equal(0, ring.RemainingCapacity);
        Assert.Equal(3, ring.Cursor);

        consumer.SetValue(1);

        Assert.False(ring.TryNext(3, out _));
        Assert.True(ring.TryNext(2, out var last));
        Assert.Equal(5, last);
        Assert.False(ring.TryNext(out _));
    }

    [Theory]
    [MemberData(nameof(ProducerTypes))]
    public void A_claim_of_zero_or_more_than_the_ring_is_refused(ProducerType type)
    {
        var ring = NewRing(type, 4, out _);

        Assert.Throws<ArgumentOutOfRangeException>(() => ring.Next(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ring.Next(5));
        Assert.Throws<ArgumentOutOfRangeException>(() => ring.TryNext(0, out _));
    }

    [Theory]
    [MemberData(nameof(ProducerTypes))]
    public void A_producer_waits_on_a_full_ring_and_resumes_when_the_consumer_frees_a_slot(ProducerType type)
    {
        var ring = NewRing(type, 2, out var consumer);
        ring.Publish(ring.Next());
        ring.Publish(ring.Next());
        long claimed = -1;
        var producer = new Thread(() => Volatile.Write(ref claimed, ring.Next())) { IsBackground = true };

        producer.Start();
        Assert.False(producer.Join(TimeSpan.FromMilliseconds(50)), "The producer must wait while the ring is full.");
        consumer.SetValue(0);

        Assert.True(producer.Join(Support.Wait.Timeout));
        Assert.Equal(2, Volatile.Read(ref claimed));
    }

    [Fact]
    public void A_multi_producer_consumer_reads_only_up_to_the_first_unpublished_slot()
    {
        var ring = NewRing(ProducerType.Multi, 8, out _);
        var first = ring.Next();
        var second = ring.Next();
        var third = ring.Next();

        ring.Publish(third);
        ring.Publish(first);

        Assert.Equal(2, ring.Cursor);
        Assert.Equal(first, ring.Sequencer.GetHighestPublishedSequence(0, 2));
        Assert.False(ring.IsAvailable(second));
        ring.Publish(second);
        Assert.Equal(third, ring.Sequencer.GetHighestPublishedSequence(0, 2));
    }

    [Fact]
    public void The_multi_producer_highest_published_sequence_is_the_longest_published_prefix_on_any_lap()
    {
        var cases = from sizeLog in Gen.Choose(0, 6)
                    from laps in Gen.Choose(0, 3)
                    from claimed in Gen.Choose(1, 1 << sizeLog)
                    from published in Gen.Choose(0, claimed)
                    from seed in Gen.Choose(0, int.MaxValue)
                    select (Size: 1 << sizeLog, Laps: laps, Claimed: claimed, Published: published, Seed: seed);

        Prop.ForAll(Arb.From(cases), c =>
        {
            var ring = NewRing(ProducerType.Multi, c.Size, out var consumer);
            for (var lap = 0; lap < c.Laps; lap++)
            {
                var hi = ring.Next(c.Size);
                ring.Publish(hi - c.Size + 1, hi);
                consumer.SetValue(hi);
            }

            var start = ring.Cursor + 1;
            ring.Next(c.Claimed);
            var order = Enumerable.Range(0, c.Claimed).ToArray();
            new Random(c.Seed).Shuffle(order);
            foreach (var offset in order.Take(c.Published))
            {
                ring.Publish(start + offset);
            }

            var publishedSet = order.Take(c.Published).ToHashSet();
            var prefix = 0;
            while (publishedSet.Contains(prefix))
            {
                prefix++;
            }

            return ring.Sequencer.GetHighestPublishedSequence(start, start + c.Claimed - 1) == start + prefix - 1;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Gating_sequences_added_to_a_running_ring_start_at_the_cursor_and_can_be_removed()
    {
        var ring = NewRing(ProducerType.Single, 8, out var consumer);
        ring.Publish(ring.Next(5));
        consumer.SetValue(4);
        var late = new Sequence();

        ring.AddGatingSequences(late);

        Assert.Equal(4, late.Value);
        Assert.True(ring.RemoveGatingSequence(late));
        Assert.False(ring.RemoveGatingSequence(late));
        Assert.Equal(4, ring.GetMinimumGatingSequence());
    }
}
