using System.Reflection;
using System.Runtime.InteropServices;

namespace TradeFlow.Ring.Tests;

public sealed class SequenceTests
{
    [Fact]
    public void The_value_sits_56_bytes_into_a_120_byte_layout_so_it_owns_its_cache_line()
    {
        var layout = typeof(Sequence).StructLayoutAttribute!;
        var fields = typeof(Sequence).GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public);
        var value = typeof(Sequence).GetField("_value", BindingFlags.Instance | BindingFlags.NonPublic)!;

        Assert.Equal(LayoutKind.Explicit, layout.Value);
        Assert.Equal(120, layout.Size);
        Assert.Equal(56, value.GetCustomAttribute<FieldOffsetAttribute>()!.Value);
        Assert.Equal(56, (int)Marshal.OffsetOf<Sequence>("_value"));
        Assert.Equal(112, fields.Max(f => f.GetCustomAttribute<FieldOffsetAttribute>()!.Value));
        Assert.All(fields, f => Assert.Equal(typeof(long), f.FieldType));
    }

    [Fact]
    public void A_sequence_object_really_occupies_56_bytes_either_side_of_its_value()
    {
        _ = new Sequence();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var sequence = new Sequence();
        var size = GC.GetAllocatedBytesForCurrentThread() - before;
        GC.KeepAlive(sequence);

        // Object header and method table pointer (16 bytes on 64-bit), then 56 + 8 + 56.
        Assert.Equal((2 * IntPtr.Size) + 120, size);
    }

    [Fact]
    public void A_new_sequence_starts_before_the_first_slot()
    {
        Assert.Equal(-1, new Sequence().Value);
        Assert.Equal(41, new Sequence(41).Value);
    }

    [Fact]
    public void Compare_and_set_replaces_only_the_expected_value()
    {
        var sequence = new Sequence(5);

        Assert.False(sequence.CompareAndSet(4, 10));
        Assert.Equal(5, sequence.Value);
        Assert.True(sequence.CompareAndSet(5, 10));
        Assert.Equal(10, sequence.Value);
    }

    [Fact]
    public void Increments_from_many_threads_are_never_lost()
    {
        var sequence = new Sequence(0);

        Parallel.For(0, 4, _ =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                sequence.IncrementAndGet();
            }
        });

        Assert.Equal(40_000, sequence.Value);
        Assert.Equal(40_005, sequence.AddAndGet(5));
    }

    [Fact]
    public void Set_value_and_set_value_volatile_both_store()
    {
        var sequence = new Sequence();
        sequence.SetValue(7);
        Assert.Equal(7, sequence.Value);
        sequence.SetValueVolatile(8);
        Assert.Equal("8", sequence.ToString());
    }
}
