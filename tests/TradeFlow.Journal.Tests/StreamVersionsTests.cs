using System.Runtime.InteropServices;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using TradeFlow.Journal.Integrity;

namespace TradeFlow.Journal.Tests;

/// <summary>
/// The integrity scan's stream-version table keeps short ASCII ids in a byte-keyed table of its own and every other
/// id in a dictionary of decoded strings. Whatever the ids — short, long, empty, non-ASCII, invalid UTF-8 (which
/// decodes to the same text as other invalid bytes), ids differing only by a trailing zero byte — and whatever the
/// versions, it answers exactly what the single dictionary it replaced answered.
/// </summary>
public sealed class StreamVersionsTests
{
    private static readonly byte[][] Ids =
    [
        "trade-T000000000001"u8.ToArray(),
        "trade-T000000000002"u8.ToArray(),
        "trade-T00000000001"u8.ToArray(),
        "trade-T0000000000001"u8.ToArray(),
        "t"u8.ToArray(),
        [],
        [0],
        [(byte)'t', 0],
        "abcdefgh"u8.ToArray(),
        "abcdefgh\0"u8.ToArray(),
        "abcdefghijklmnop"u8.ToArray(),
        "abcdefghijklmnopq"u8.ToArray(),
        "trade-é"u8.ToArray(),
        [(byte)'t', 0xFF],
        [(byte)'t', 0x80],
        [(byte)'t', 0xC3],
        "a-stream-id-well-beyond-nineteen-bytes"u8.ToArray(),
        "a-stream-id-well-beyond-nineteen-byteS"u8.ToArray(),
    ];

    [Fact]
    public void Any_sequence_of_ids_versions_and_gaps_gets_the_answers_the_dictionary_gave()
    {
        var step = Gen.OneOf(
            Gen.Choose(0, Ids.Length - 1).SelectMany(id => Gen.Frequency((6, Gen.Constant(-1)), (1, Gen.Choose(0, 5))).Select(v => (Id: id, Version: v))),
            Gen.Constant((Id: -1, Version: 0)));
        var property = Prop.ForAll(Arb.From(Gen.Choose(0, 3000).SelectMany(reserve => Gen.ListOf(step).Select(steps => (reserve, steps.ToArray())))), input =>
        {
            var (reserve, steps) = input;
            var table = new StreamVersions();
            var reference = new LegacyStreamVersions();
            table.Reserve(reserve);
            var next = new Dictionary<int, long>();
            foreach (var (id, version) in steps)
            {
                if (id < 0)
                {
                    table.Distrust();
                    reference.Distrust();
                    continue;
                }

                // -1: the version after the last one given for this id (mostly a clean run), else as generated.
                var v = version >= 0 ? version : next.GetValueOrDefault(id);
                next[id] = v + 1;
                var expected = reference.Advance(Ids[id], v, out var expectedStream);
                var actual = table.Advance(Ids[id], v, out var actualStream);
                Assert.Equal(expected, actual);
                Assert.Equal(expected is null ? string.Empty : expectedStream, actualStream);
                Assert.Equal(reference.Count, table.Count);
            }
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), property);
    }

    [Fact]
    public void Many_streams_grow_the_table_and_each_keeps_its_own_version()
    {
        var table = new StreamVersions();
        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < 50_000; i++)
            {
                Assert.Null(table.Advance(Encoding.ASCII.GetBytes($"trade-T{i:D12}"), round, out _));
            }
        }

        Assert.Equal(50_000, table.Count);
        Assert.Equal(3, table.Advance("trade-T000000000007"u8, 5, out var stream));
        Assert.Equal("trade-T000000000007", stream);
    }

    /// <summary>The table as it was: one dictionary keyed by the decoded id.</summary>
    private sealed class LegacyStreamVersions
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
            stream = name;
            if (exists)
            {
                return version == previous + 1 ? null : previous + 1;
            }

            return version == 0 || !_trusted ? null : 0;
        }
    }
}
