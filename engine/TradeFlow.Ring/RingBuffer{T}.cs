using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using TradeFlow.Ring.WaitStrategies;

namespace TradeFlow.Ring;

/// <summary>
/// A ring of preallocated, reused objects: every slot is created once by the factory and then
/// overwritten in place for ever, so publishing allocates nothing. Slot <c>s</c> holds sequence
/// <c>s &amp; (size - 1)</c>.
/// </summary>
/// <typeparam name="T">The slot type: a mutable holder, not an event (see STYLE.md, "Slots are not events").</typeparam>
public sealed class RingBuffer<T> : RingBuffer
    where T : class
{
    // Empty slots either side keep the live entries off the cache lines of the array header and of
    // whatever object the allocator put next to the array.
    private const int BufferPad = 128 / 8;
    private readonly T[] _entries;

    /// <summary>
    /// Creates a ring of <paramref name="bufferSize"/> slots (a power of two), each made by
    /// <paramref name="factory"/>, for the given producer type and wait strategy
    /// (<see cref="HybridWaitStrategy"/> by default).
    /// </summary>
    public RingBuffer(Func<T> factory, int bufferSize, ProducerType producerType = ProducerType.Multi, IWaitStrategy? waitStrategy = null)
        : this(factory, CreateSequencer(producerType, bufferSize, waitStrategy))
    {
    }

    /// <summary>Creates a ring over an existing <paramref name="sequencer"/>, with slots made by <paramref name="factory"/>.</summary>
    public RingBuffer(Func<T> factory, Sequencer sequencer)
        : base(sequencer)
    {
        ArgumentNullException.ThrowIfNull(factory);
        _entries = new T[BufferSize + (2 * BufferPad)];
        for (var i = 0; i < BufferSize; i++)
        {
            _entries[BufferPad + i] = factory() ?? throw new ArgumentException("The slot factory returned null.", nameof(factory));
        }
    }

    /// <summary>The slot for <paramref name="sequence"/>: write it between claim and publish, read it after the barrier.</summary>
    public T this[long sequence]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            // The mask keeps the index inside the live entries, so the bounds check is redundant.
            ref var first = ref MemoryMarshal.GetArrayDataReference(_entries);
            return Unsafe.Add(ref first, BufferPad + ((int)sequence & IndexMask));
        }
    }
}
