using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace TradeFlow.Engine.Journaling;

/// <summary>
/// Deterministic event ids: a name-based UUID (RFC 9562 version 5, SHA-1) of the command's source key and
/// the event's index within the command, in TradeFlow's namespace. A resent capture therefore maps to the
/// same ids, which is what makes the store's idempotent append recognise it even if the engine did not.
/// Allocation-free: the name is encoded on the stack (or a rented buffer for very long keys), and hashed by OpenSSL's
/// SHA-1 where it loads (<see cref="OpenSslSha1"/>), else by the managed <see cref="Sha1"/>: the same digest.
/// </summary>
internal static class EventIds
{
    /// <summary>TradeFlow's namespace for event ids (a fixed, random UUID).</summary>
    public static readonly Guid Namespace = new("6f1c2a4e-5b7d-4c3e-9a1f-2d8e7b6c5a40");

    private const int StackLimit = 512;

    /// <summary>The id of event <paramref name="index"/> of the command with <paramref name="sourceKey"/>.</summary>
    /// <remarks>Skips zeroing its 512-byte stack buffer: only the bytes written are hashed.</remarks>
    [SkipLocalsInit]
    public static Guid For(string sourceKey, int index)
    {
        // The hash input is built once: namespace bytes, then the name "sourceKey#index" (RFC 9562 §5.5).
        var length = 16 + Encoding.UTF8.GetMaxByteCount(sourceKey.Length) + 12;
        byte[]? rented = null;
        var input = length <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            Namespace.TryWriteBytes(input, bigEndian: true, out _);
            var written = 16 + Encoding.UTF8.GetBytes(sourceKey, input[16..]);
            input[written++] = (byte)'#';
            index.TryFormat(input[written..], out var digits, default, CultureInfo.InvariantCulture);
            return FromHash(input[..(written + digits)]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>A version-5 UUID of <paramref name="name"/> in <paramref name="namespaceId"/> (RFC 9562 §5.5).</summary>
    [SkipLocalsInit]
    public static Guid NameBased(Guid namespaceId, ReadOnlySpan<byte> name)
    {
        byte[]? rented = null;
        var total = 16 + name.Length;
        var input = total <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(total));
        try
        {
            // The RFC hashes the namespace in network byte order, then the name.
            namespaceId.TryWriteBytes(input, bigEndian: true, out _);
            name.CopyTo(input[16..]);
            return FromHash(input[..total]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    // SHA-1 of namespace + name, truncated to 128 bits, with the version (5) and variant (RFC) bits set.
    [SkipLocalsInit]
    private static Guid FromHash(ReadOnlySpan<byte> input)
    {
        Span<byte> hash = stackalloc byte[Sha1.HashSizeInBytes];
        if (OpenSslSha1.Instance is { } openSsl)
        {
            openSsl.HashData(input, hash);
        }
        else
        {
            Sha1.HashData(input, hash);
        }

        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }
}
