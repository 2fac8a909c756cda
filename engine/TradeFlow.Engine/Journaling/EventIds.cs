using System.Diagnostics.CodeAnalysis;
using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TradeFlow.Engine.Journaling;

/// <summary>
/// Deterministic event ids: a name-based UUID (RFC 9562 version 5, SHA-1) of the command's source key and
/// the event's index within the command, in TradeFlow's namespace. A resent capture therefore maps to the
/// same ids, which is what makes the store's idempotent append recognise it even if the engine did not.
/// Allocation-free: the name is encoded on the stack (or a rented buffer for very long keys).
/// </summary>
internal static class EventIds
{
    /// <summary>TradeFlow's namespace for event ids (a fixed, random UUID).</summary>
    public static readonly Guid Namespace = new("6f1c2a4e-5b7d-4c3e-9a1f-2d8e7b6c5a40");

    private const int StackLimit = 512;

    /// <summary>The id of event <paramref name="index"/> of the command with <paramref name="sourceKey"/>.</summary>
    public static Guid For(string sourceKey, int index)
    {
        var length = Encoding.UTF8.GetMaxByteCount(sourceKey.Length) + 12;
        byte[]? rented = null;
        var name = length <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            var written = Encoding.UTF8.GetBytes(sourceKey, name);
            name[written++] = (byte)'#';
            index.TryFormat(name[written..], out var digits, default, CultureInfo.InvariantCulture);
            return NameBased(Namespace, name[..(written + digits)]);
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
    [SuppressMessage("Security", "CA5350:Do Not Use Weak Cryptographic Algorithms",
        Justification = "RFC 9562 defines version-5 UUIDs with SHA-1; the hash names an id, it protects nothing.")]
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
            Span<byte> hash = stackalloc byte[SHA1.HashSizeInBytes];
            SHA1.HashData(input[..total], hash);
            hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
            hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
            return new Guid(hash[..16], bigEndian: true);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
