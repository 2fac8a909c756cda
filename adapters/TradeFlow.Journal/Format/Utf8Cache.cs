using System.Text;

namespace TradeFlow.Journal.Format;

/// <summary>
/// Reuses the strings of repeated UTF-8 values (stream ids, type names) while reading, so that a read of
/// millions of events does not allocate the same few thousand strings over and over. Bounded: it starts
/// afresh when full. Not thread-safe: one per reader.
/// </summary>
internal sealed class Utf8Cache
{
    private const int Capacity = 4096;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private char[] _chars = new char[256];

    public Utf8Cache() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The string for <paramref name="utf8"/>, reused when seen before.</summary>
    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > _chars.Length)
        {
            _chars = new char[utf8.Length];
        }

        var count = Encoding.UTF8.GetChars(utf8, _chars);
        var chars = _chars.AsSpan(0, count);
        if (_lookup.TryGetValue(chars, out var existing))
        {
            return existing;
        }

        if (_strings.Count >= Capacity)
        {
            _strings.Clear();
        }

        var created = new string(chars);
        _strings.Add(created, created);
        return created;
    }
}
