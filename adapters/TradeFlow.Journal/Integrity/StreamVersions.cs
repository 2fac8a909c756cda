using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace TradeFlow.Journal.Integrity;

/// <summary>
/// The last version seen of every stream, looked up by the stream id's bytes without allocating a string per
/// record. After a gap the scanner could not read (a missing segment, an unreadable record header), versions are no
/// longer trusted: a stream first seen after it may start at any version, so one gap is not reported a thousand times.
/// </summary>
/// <remarks>
/// Two tables, one key space: short ASCII ids (every id the engine writes) in <see cref="ShortStreamTable"/>, keyed by
/// their bytes; any other id in a dictionary keyed by its decoded characters, as before — so an id that is not valid
/// UTF-8 is the same stream as any other that decodes to the same text. The two cannot hold the same stream: an
/// ASCII id decodes to ASCII characters, any other to at least one character that is not.
/// </remarks>
internal sealed class StreamVersions
{
    /// <summary>The most a <see cref="Reserve"/> hint sets aside (~4M streams, 256 MB of slots); a larger store grows past it.</summary>
    public const int MaxReserved = 1 << 22;

    private readonly ShortStreamTable _short = new();
    private readonly Dictionary<string, long> _versions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private char[] _chars = new char[256];
    private bool _trusted = true;

    public StreamVersions() => _lookup = _versions.GetAlternateLookup<ReadOnlySpan<char>>();

    public int Count => _short.Count + _versions.Count;

    /// <summary>Makes room for <paramref name="streams"/> streams at once (a hint; at most <see cref="MaxReserved"/>).</summary>
    public void Reserve(long streams)
    {
        if (streams > 0)
        {
            _short.Reserve((int)Math.Min(streams, MaxReserved));
        }
    }

    /// <summary>Faults the table's memory in now (safe beside <see cref="Advance"/> on another thread).</summary>
    public void Prefault() => _short.Prefault();

    public void Distrust()
    {
        _short.Clear();
        _versions.Clear();
        _trusted = false;
    }

    /// <summary>Hints the processor to fetch the slot of the short stream id with this <see cref="ShortStreamTable.Hash"/> (a record or so ahead).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void PrefetchSlot(uint hash) => _short.PrefetchSlot(hash);

    /// <summary>Records <paramref name="version"/> of the stream; returns the expected version when it is not the next one, else null.</summary>
    /// <remarks>
    /// One lookup per record (find or add, then write through the returned reference) rather than a lookup and a
    /// store; the stream's name is materialised only for a new long or non-ASCII stream (the dictionary's key) or a
    /// problem report.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public long? Advance(ReadOnlySpan<byte> streamUtf8, long version, out string stream)
    {
        stream = string.Empty;
        var isShort = streamUtf8.Length <= ShortStreamTable.MaxLength && Ascii.IsValid(streamUtf8);
        ref var last = ref isShort ? ref _short.GetOrAdd(streamUtf8, out var exists) : ref Find(streamUtf8, out exists);
        var previous = last;
        last = version;
        if (exists)
        {
            if (version == previous + 1)
            {
                return null;
            }

            stream = Encoding.UTF8.GetString(streamUtf8);
            return previous + 1;
        }

        if (version == 0 || !_trusted)
        {
            return null;
        }

        stream = Encoding.UTF8.GetString(streamUtf8);
        return 0;
    }

    private ref long Find(ReadOnlySpan<byte> streamUtf8, out bool exists)
    {
        if (Encoding.UTF8.GetMaxCharCount(streamUtf8.Length) > _chars.Length)
        {
            _chars = new char[Encoding.UTF8.GetMaxCharCount(streamUtf8.Length)];
        }

        var chars = _chars.AsSpan(0, Encoding.UTF8.GetChars(streamUtf8, _chars));
        return ref CollectionsMarshal.GetValueRefOrAddDefault(_lookup, chars, out exists);
    }
}
