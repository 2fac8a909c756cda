using System.Numerics;
using System.Runtime.CompilerServices;

namespace TradeFlow.Ring;

/// <summary>Small arithmetic shared by the sequencers and barriers.</summary>
internal static class SequenceMath
{
    /// <summary>The smallest value among <paramref name="sequences"/>, or <paramref name="minimum"/> if it is smaller or there are none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Minimum(Sequence[] sequences, long minimum)
    {
        for (var i = 0; i < sequences.Length; i++)
        {
            var value = sequences[i].Value;
            if (value < minimum)
            {
                minimum = value;
            }
        }

        return minimum;
    }

    /// <summary>Throws unless <paramref name="bufferSize"/> is a positive power of two.</summary>
    public static void CheckBufferSize(int bufferSize)
    {
        if (bufferSize < 1 || !BitOperations.IsPow2(bufferSize))
        {
            ThrowHelper.ThrowBufferSizeNotPowerOfTwo(bufferSize);
        }
    }

    /// <summary>log2 of a power of two.</summary>
    public static int Log2(int powerOfTwo) => BitOperations.Log2((uint)powerOfTwo);
}
