using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace TradeFlow.Journal.Integrity;

/// <summary>
/// The last version seen of every stream, looked up by the stream id's characters without allocating a string per
/// record. After a gap the scanner could not read (a missing segment, an unreadable record header), versions are no
/// longer trusted: a stream first seen after it may start at any version, so one gap is not reported a thousand times.
/// </summary>
internal sealed class StreamVersions
{
    /// <summary>The most a <see cref="Reserve"/> hint sets aside (~4M streams, ~110 MB of table); a larger store grows past it.</summary>
    public const int MaxReserved = 1 << 22;

    private readonly Dictionary<string, long> _versions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private char[] _chars = new char[256];
    private bool _trusted = true;

    public StreamVersions() => _lookup = _versions.GetAlternateLookup<ReadOnlySpan<char>>();

    public int Count => _versions.Count;

    /// <summary>Makes room for <paramref name="streams"/> streams at once (a hint; at most <see cref="MaxReserved"/>).</summary>
    public void Reserve(long streams)
    {
        if (streams > 0)
        {
            _versions.EnsureCapacity((int)Math.Min(streams, MaxReserved));
        }
    }

    public void Distrust()
    {
        _versions.Clear();
        _trusted = false;
    }

    /// <summary>Records <paramref name="version"/> of the stream; returns the expected version when it is not the next one, else null.</summary>
    /// <remarks>
    /// One hash lookup per record (find or add, then write through the returned reference) rather than a lookup and a
    /// store; the stream's name is materialised only for a new stream (the dictionary's key) or a problem report.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public long? Advance(ReadOnlySpan<byte> streamUtf8, long version, out string stream)
    {
        if (Encoding.UTF8.GetMaxCharCount(streamUtf8.Length) > _chars.Length)
        {
            _chars = new char[Encoding.UTF8.GetMaxCharCount(streamUtf8.Length)];
        }

        var chars = _chars.AsSpan(0, Encoding.UTF8.GetChars(streamUtf8, _chars));
        ref var last = ref CollectionsMarshal.GetValueRefOrAddDefault(_lookup, chars, out var exists);
        var previous = last;
        last = version;
        stream = string.Empty;
        if (exists)
        {
            if (version == previous + 1)
            {
                return null;
            }

            stream = chars.ToString();
            return previous + 1;
        }

        if (version == 0 || !_trusted)
        {
            return null;
        }

        stream = chars.ToString();
        return 0;
    }
}
