using System.Buffers;
using System.Collections.Immutable;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using TradeFlow.Domain.Trades;
using TradeFlow.Engine.Journaling;
using TradeFlow.Engine.Tests.EngineNine;

namespace TradeFlow.Engine.Tests;

/// <summary>The metadata's raw-bytes path writes exactly what engine9's writer wrote (the journal's bytes and chain hashes depend on it).</summary>
public sealed class EventMetadataBytesTests
{
    // Keys as gateways build them, plus every printable ASCII character, controls, and non-ASCII text.
    private static readonly Gen<char> KeyChars = Gen.OneOf(
        Gen.Elements("FIX-A:571=T1/#_.-".ToCharArray()),
        Gen.Choose(0, 127).Select(c => (char)c),
        Gen.Elements('é', 'ü', '€', '中', '\u2028', '\uD83D', '\u00A0'),
        Gen.Choose('a', 'z').Select(c => (char)c));

    private static readonly Gen<ImmutableArray<string>> Warnings = Gen.OneOf(
        Gen.Constant(default(ImmutableArray<string>)),
        Gen.Constant(ImmutableArray<string>.Empty),
        Gen.Elements("SOFT_LIMIT: 91% of limit", "wash <trade> & \"quote\"", "é").ListOf().Select(l => l.ToImmutableArray()));

    [Fact]
    public void The_metadata_of_any_event_is_byte_for_byte_what_engine_nine_wrote()
    {
        var keys = Gen.OneOf(
            KeyChars.ArrayOf().Select(cs => new string(cs)),
            Gen.Choose(150, 260).Select(n => new string('k', n)));
        var kinds = Gen.Choose(-1, Enum.GetValues<TradeCommandKind>().Max(k => (int)k) + 2).Select(k => (TradeCommandKind)k);
        var indexes = Gen.OneOf(Gen.Choose(0, 12), Gen.Elements(int.MaxValue, 1_000_000));
        var events = keys.SelectMany(key => kinds.SelectMany(kind => indexes.SelectMany(index =>
            Warnings.Select(warnings => (key, kind, index, warnings)))));
        Prop.ForAll(events.ToArbitrary(), e => Written(EventMetadata.Write, e.key, e.kind, e.index, e.warnings)
                .SequenceEqual(Written(EngineNineEventMetadata.Write, e.key, e.kind, e.index, e.warnings)))
            .Check(Config.QuickThrowOnFailure.WithMaxTest(2_000));
    }

    [Fact]
    public void A_source_key_holding_any_single_ASCII_or_common_non_ASCII_character_is_written_as_engine_nine_wrote_it()
    {
        var characters = Enumerable.Range(0, 128).Select(c => (char)c).Concat("é€中\u2028\u00A0");
        foreach (var c in characters)
        {
            var key = "FIX-A:571=" + c + "T1";
            Assert.Equal(Written(EngineNineEventMetadata.Write, key, TradeCommandKind.Book, 0, default),
                Written(EventMetadata.Write, key, TradeCommandKind.Book, 0, default));
        }
    }

    [Fact]
    public void The_raw_metadata_reads_back_as_the_values_written()
    {
        var bytes = Written(EventMetadata.Write, "FIX-A:571=T1", TradeCommandKind.Amend, 3, ImmutableArray<string>.Empty);

        Assert.True(EventMetadata.TryRead(bytes, out var values));
        Assert.Equal(new EventMetadataValues("FIX-A:571=T1", TradeCommandKind.Amend, 3, ImmutableArray<string>.Empty), values);
    }

    // As the journal stage writes it: one writer reused, reset onto the output for each event.
    private static byte[] Written(Action<Utf8JsonWriter, string, TradeCommandKind, int, ImmutableArray<string>> write,
        string key, TradeCommandKind kind, int index, ImmutableArray<string> warnings)
    {
        var output = new ArrayBufferWriter<byte>();
        using var writer = new Utf8JsonWriter(new ArrayBufferWriter<byte>());
        writer.Reset(output);
        try
        {
            write(writer, key, kind, index, warnings);
        }
        catch (ArgumentException e)
        {
            // Text the writer refuses (a lone surrogate) must be refused by both, the same way.
            return System.Text.Encoding.UTF8.GetBytes("refused: " + e.GetType().Name);
        }

        return output.WrittenSpan.ToArray();
    }
}
