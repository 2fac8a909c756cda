using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using TradeFlow.Ring.WaitStrategies;

namespace TradeFlow.Ring;

/// <summary>
/// A ring of value-type slots stored inline in one array, accessed by reference: no object per
/// slot and no pointer to chase, at the price of the slots' size being fixed. Slot <c>s</c> holds
/// sequence <c>s &amp; (size - 1)</c>.
/// </summary>
/// <typeparam name="T">The slot type, a mutable struct.</typeparam>
public sealed class ValueRingBuffer<T> : RingBuffer
    where T : struct
{
    private static readonly int BufferPad = (128 + Unsafe.SizeOf<T>() - 1) / Unsafe.SizeOf<T>();
    private readonly T[] _entries;

    /// <summary>
    /// Creates a ring of <paramref name="bufferSize"/> default-initialised slots (a power of two)
    /// for the given producer type and wait strategy (<see cref="HybridWaitStrategy"/> by default).
    /// </summary>
    public ValueRingBuffer(int bufferSize, ProducerType producerType = ProducerType.Multi, IWaitStrategy? waitStrategy = null)
        : this(CreateSequencer(producerType, bufferSize, waitStrategy))
    {
    }

    /// <summary>Creates a ring of default-initialised slots over an existing <paramref name="sequencer"/>.</summary>
    public ValueRingBuffer(Sequencer sequencer)
        : base(sequencer)
    {
        _entries = new T[BufferSize + (2 * BufferPad)];
    }

    /// <summary>A reference to the slot for <paramref name="sequence"/>: write through it between claim and publish.</summary>
    public ref T this[long sequence]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            ref var first = ref MemoryMarshal.GetArrayDataReference(_entries);
            return ref Unsafe.Add(ref first, BufferPad + ((int)sequence & IndexMask));
        }
    }
}
