using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TradeFlow.Ring;

/// <summary>
/// A cache-line padded 64-bit counter shared between threads: a producer's cursor, a consumer's
/// progress, or a gating sequence. Reads are acquires and writes are releases, so whatever a thread
/// wrote before <see cref="SetValue"/> is visible to a thread that reads the new value with
/// <see cref="Value"/>.
/// </summary>
/// <remarks>
/// The explicit layout keeps 56 bytes on either side of the value (plus the object header before
/// it), so the value sits alone on its 64-byte cache line even when the allocator places another
/// hot object right next to it: a producer bumping its cursor never invalidates the line a
/// consumer is spinning on (false sharing). A test checks the offsets by reflection and the
/// object's real size by allocating one.
/// </remarks>
[StructLayout(LayoutKind.Explicit, Size = Padding + sizeof(long) + Padding)]
public sealed class Sequence
{
    /// <summary>The value of a sequence before anything was claimed, published or processed.</summary>
    public const long InitialValue = -1;

    /// <summary>Bytes of padding either side of the value.</summary>
    internal const int Padding = 56;

    [FieldOffset(Padding)]
    private long _value;

    // The runtime honours a class's field offsets but not the trailing part of its declared Size,
    // so this field, never read, is what actually reserves the 56 bytes after the value.
#pragma warning disable CS0169 // Never used: it exists only for its place in the layout.
    [FieldOffset(Padding + sizeof(long) + Padding - sizeof(long))]
    private readonly long _trailingPadding;
#pragma warning restore CS0169

    /// <summary>Creates a sequence starting at <paramref name="initialValue"/> (default -1).</summary>
    public Sequence(long initialValue = InitialValue)
    {
        // A plain store is enough: the object is handed to other threads through a thread start
        // or a volatile publication of the array that holds it, both of which are releases.
        _value = initialValue;
    }

    /// <summary>The current value, read with acquire semantics (<c>Volatile.Read</c>).</summary>
    public long Value
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Volatile.Read(ref _value);
    }

    /// <summary>Sets the value with release semantics: earlier writes (the slot's data) become visible first.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void SetValue(long value) => Volatile.Write(ref _value, value);

    /// <summary>
    /// Sets the value and then issues a full fence, so that later reads on this thread cannot be
    /// satisfied before the store is visible (a StoreLoad barrier, which a release store alone is not).
    /// </summary>
    public void SetValueVolatile(long value)
    {
        Volatile.Write(ref _value, value);
        Interlocked.MemoryBarrier();
    }

    /// <summary>Atomically sets the value to <paramref name="newValue"/> if it equals <paramref name="expectedValue"/>.</summary>
    /// <returns>True if the value was replaced.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool CompareAndSet(long expectedValue, long newValue)
        => Interlocked.CompareExchange(ref _value, newValue, expectedValue) == expectedValue;

    /// <summary>Atomically adds one and returns the new value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long IncrementAndGet() => Interlocked.Increment(ref _value);

    /// <summary>Atomically adds <paramref name="increment"/> and returns the new value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long AddAndGet(long increment) => Interlocked.Add(ref _value, increment);

    /// <summary>The current value, in invariant culture.</summary>
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
