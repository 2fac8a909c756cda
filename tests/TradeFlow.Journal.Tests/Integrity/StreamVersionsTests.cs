using System.Text;
using FsCheck;
using FsCheck.Fluent;
using TradeFlow.Journal.Integrity;

namespace TradeFlow.Journal.Tests.Integrity;

/// <summary>
/// The integrity scan's stream-version table, keyed by the stream id's bytes: it reports exactly what the first,
/// decoded-name dictionary reported, for any sequence of records, gaps included.
/// </summary>
public sealed class StreamVersionsTests
{
    // Valid ids (ASCII, multi-byte, long, empty) and invalid UTF-8 that decodes to the same text as another id.
    private static readonly byte[][] Names =
    [
        "trade-T000001"u8.ToArray(), "trade-T000002"u8.ToArray(), "trade-T000010"u8.ToArray(), "book-é"u8.ToArray(),
        "日本-1"u8.ToArray(), Encoding.UTF8.GetBytes(new string('x', 300)), [], [0xFF], [0xFE], "\uFFFD"u8.ToArray(),
        [(byte)'a', 0xC0, 0x80], [(byte)'a', 0xFF, 0xFF],
    ];

    [Fact]
    public void Any_sequence_of_stream_versions_and_gaps_is_judged_as_by_decoded_names()
    {
        var step =
            from name in Gen.Choose(0, Names.Length - 1)
            from version in Gen.Frequency((6, Gen.Constant(-1)), (2, Gen.Choose(0, 5)))
            from distrust in Gen.Frequency((40, Gen.Constant(false)), (1, Gen.Constant(true)))
            select (name, version, distrust);

        Prop.ForAll(step.ListOf().ToArbitrary(), steps =>
        {
            var table = new StreamVersions();
            var model = new DecodedStreamVersions();
            var next = new long[Names.Length];
            foreach (var (name, version, distrust) in steps)
            {
                if (distrust)
                {
                    table.Distrust();
                    model.Distrust();
                }

                // Mostly the next version of the id (-1), sometimes any small one.
                var v = version < 0 ? next[name]++ : version;
                var expected = model.Advance(Names[name], v, out var expectedStream);
                var actual = table.Advance(Names[name], v, out var actualStream);
                if (expected != actual || expectedStream != actualStream || model.Count != table.Count)
                {
                    return false;
                }
            }

            return true;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(500));
    }

    [Fact]
    public void A_hundred_thousand_streams_keep_their_versions_across_the_table_growing()
    {
        var table = new StreamVersions();
        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < 100_000; i++)
            {
                Assert.Null(table.Advance(Encoding.ASCII.GetBytes($"trade-{i}"), round, out _));
            }
        }

        Assert.Equal(100_000, table.Count);
        Assert.Equal(3, table.Advance("trade-99999"u8, 5, out var stream));
        Assert.Equal("trade-99999", stream);
    }

    [Fact]
    public void A_stream_first_seen_at_a_later_version_is_reported_until_versions_are_distrusted()
    {
        var table = new StreamVersions();

        Assert.Equal(0, table.Advance("trade-1"u8, 4, out var stream));
        Assert.Equal("trade-1", stream);

        table.Distrust();
        Assert.Equal(0, table.Count);
        Assert.Null(table.Advance("trade-2"u8, 4, out _));
        Assert.Equal(5, table.Advance("trade-2"u8, 7, out _));
    }
}
