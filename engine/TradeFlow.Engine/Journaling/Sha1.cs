using System.Buffers.Binary;
using System.Numerics;

namespace TradeFlow.Engine.Journaling;

/// <summary>
/// SHA-1 (FIPS 180-4) in managed code, for the version-5 event ids only. The journal stage hashes one short
/// name per event (one or two 64-byte blocks); the platform's one-shot <c>SHA1.HashData</c> goes through
/// OpenSSL, whose per-call context set-up and error-queue handling measured several times the cost of the two
/// blocks' compression. This hashes on the stack and allocates nothing. The id names an event; it protects
/// nothing, so a weak hash is what RFC 9562 asks for, not a security choice. Checked against the platform's
/// SHA-1 by a property test.
/// </summary>
internal static class Sha1
{
    /// <summary>The digest size.</summary>
    public const int HashSizeInBytes = 20;

    private const int BlockSize = 64;

    /// <summary>Writes the SHA-1 of <paramref name="source"/> to the first 20 bytes of <paramref name="destination"/>.</summary>
    public static void HashData(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, HashSizeInBytes);
        var state = new State(0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0);
        Span<uint> schedule = stackalloc uint[80];
        var whole = source.Length - (source.Length % BlockSize);
        for (var offset = 0; offset < whole; offset += BlockSize)
        {
            Compress(ref state, source.Slice(offset, BlockSize), schedule);
        }

        // Padding: 0x80, zeros, then the message length in bits (big-endian), in one block or two.
        Span<byte> tail = stackalloc byte[2 * BlockSize];
        tail.Clear();
        var rest = source[whole..];
        rest.CopyTo(tail);
        tail[rest.Length] = 0x80;
        var tailLength = rest.Length + 9 <= BlockSize ? BlockSize : 2 * BlockSize;
        BinaryPrimitives.WriteUInt64BigEndian(tail[(tailLength - 8)..], (ulong)source.Length * 8);
        for (var offset = 0; offset < tailLength; offset += BlockSize)
        {
            Compress(ref state, tail.Slice(offset, BlockSize), schedule);
        }

        BinaryPrimitives.WriteUInt32BigEndian(destination, state.A);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], state.B);
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], state.C);
        BinaryPrimitives.WriteUInt32BigEndian(destination[12..], state.D);
        BinaryPrimitives.WriteUInt32BigEndian(destination[16..], state.E);
    }

    private static void Compress(ref State state, ReadOnlySpan<byte> block, Span<uint> w)
    {
        for (var t = 0; t < 16; t++)
        {
            w[t] = BinaryPrimitives.ReadUInt32BigEndian(block[(t * 4)..]);
        }

        for (var t = 16; t < 80; t++)
        {
            w[t] = BitOperations.RotateLeft(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
        }

        uint a = state.A, b = state.B, c = state.C, d = state.D, e = state.E;
        for (var t = 0; t < 80; t++)
        {
            uint f, k;
            if (t < 20)
            {
                f = (b & c) | (~b & d);
                k = 0x5A827999;
            }
            else if (t < 40)
            {
                f = b ^ c ^ d;
                k = 0x6ED9EBA1;
            }
            else if (t < 60)
            {
                f = (b & c) | (b & d) | (c & d);
                k = 0x8F1BBCDC;
            }
            else
            {
                f = b ^ c ^ d;
                k = 0xCA62C1D6;
            }

            var temp = BitOperations.RotateLeft(a, 5) + f + e + k + w[t];
            e = d;
            d = c;
            c = BitOperations.RotateLeft(b, 30);
            b = a;
            a = temp;
        }

        state = new State(state.A + a, state.B + b, state.C + c, state.D + d, state.E + e);
    }

    private readonly record struct State(uint A, uint B, uint C, uint D, uint E);
}
