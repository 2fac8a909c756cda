using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using TradeFlow.Domain.Serialization;

namespace TradeFlow.Domain.Tests.Serialization;

// replay9: a settlement instruction's account and agent BIC are read through this thread's recent texts. Whatever the
// sequence of tokens — repeats, near-misses, escapes, non-ASCII, invalid UTF-8, texts past the key length, more
// distinct texts than slots — each read must give what GetString gives for that token: an equal string, or the same error.
public class RecentStringsTests
{
    private static readonly string[] Known = ["GB29NWBK60161331926819", "DE89370400440532013000", "GSCMUS33", "DEUTDEFF", "BARCGB22", "x"];

    private static readonly Gen<byte[]> Tokens = Gen.OneOf(
        Gen.Elements(Known).Select(Quoted),
        from text in Gen.Elements(Known)
        from at in Gen.Choose(0, text.Length - 1)
        from c in Gen.Elements('0', 'Z', 'é', '"', '\\', '€')
        select Quoted(text[..at] + c + text[(at + 1)..]),
        Gen.Elements(Known).Select(t => Quoted(string.Concat(Enumerable.Repeat(t, 4)))),
        Gen.Elements(Known).Select(t => Encoding.UTF8.GetBytes($"\"\\u{(int)t[0]:X4}{t[1..]}\"")),
        Gen.Choose(0, 100_000).Select(i => Quoted($"ACC-{i}")),
        // Raw (unescaped) non-ASCII and invalid UTF-8 bytes: the cache must give back an error whenever GetString does.
        from text in Gen.Elements(Known)
        from c in Gen.Elements("é", "€", "ü")
        select Encoding.UTF8.GetBytes("\"" + text + c + "\""),
        Gen.Elements<byte[]>([0x22, 0x22], [0x22, 0x61, 0x62, 0xFF, 0xFE, 0x63, 0x64, 0x22], [0x22, 0xC3, 0x22], [0x22, 0x41, 0xE2, 0x82, 0x22]));

    [Fact]
    public void Any_sequence_of_string_tokens_reads_as_GetString_reads_it()
    {
        Prop.ForAll(Gen.ListOf(Tokens).Select(l => l.ToArray()).ToArbitrary(), tokens =>
        {
            foreach (var token in tokens)
            {
                Assert.Equal(Read(token, (ref Utf8JsonReader r) => r.GetString()!), Read(token, RecentStrings.Read));
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_repeated_text_is_the_string_read_the_first_time()
    {
        var token = Quoted("GB29NWBK60161331926819");
        var first = ReadString(token);
        var again = ReadString(token);

        Assert.Equal("GB29NWBK60161331926819", first);
        Assert.Same(first, again);
    }

    private static string ReadString(byte[] token)
    {
        var reader = new Utf8JsonReader(token);
        reader.Read();
        return RecentStrings.Read(ref reader);
    }

    private static byte[] Quoted(string text) => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(text));

    private delegate string Reader(ref Utf8JsonReader reader);

    private static string Read(byte[] token, Reader read)
    {
        try
        {
            var reader = new Utf8JsonReader(token);
            reader.Read();
            return $"value {read(ref reader)}";
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return $"error {ex.GetType().Name}";
        }
    }
}
