using System.Runtime.InteropServices;
using System.Text;

namespace TradeFlow.Journal.Tests.Integrity;

/// <summary>
/// The scanner's first stream-version table (by decoded name, in a dictionary), kept as the reference model that the
/// byte-keyed <see cref="TradeFlow.Journal.Integrity.StreamVersions"/> must agree with.
/// </summary>
internal sealed class DecodedStreamVersions
{
    private readonly Dictionary<string, long> _versions = new(StringComparer.Ordinal);
    private bool _trusted = true;

    public int Count => _versions.Count;

    public void Distrust()
    {
        _versions.Clear();
        _trusted = false;
    }

    public long? Advance(ReadOnlySpan<byte> streamUtf8, long version, out string stream)
    {
        var name = Encoding.UTF8.GetString(streamUtf8);
        ref var last = ref CollectionsMarshal.GetValueRefOrAddDefault(_versions, name, out var exists);
        var previous = last;
        last = version;
        stream = string.Empty;
        if (exists)
        {
            if (version == previous + 1)
            {
                return null;
            }

            stream = name;
            return previous + 1;
        }

        if (version == 0 || !_trusted)
        {
            return null;
        }

        stream = name;
        return 0;
    }
}
