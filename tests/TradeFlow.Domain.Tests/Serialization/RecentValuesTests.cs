using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using TradeFlow.Domain.Serialization;
using TradeFlow.Domain.Serialization.Converters;
using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.Tests.Serialization;

// replay9: the event readers remember, per thread, the ids they parsed by their exact text. Whatever the sequence of
// texts — repeats, near-misses one character apart, invalid ones, escaped ones, numbers — each read must give what the
// converter alone gives for that token: the same value, or the same error.
public class RecentValuesTests
{
    private static readonly string[] Leis =
        ["784F5XWPLTWKTBV3E584", "7LTWFZYICNSX8D621K86", "G5GSEF7VJP5I7OUK5573", "R0MUWSFPU8MPRO8K5P83"];

    private static readonly string[] Isins = ["US0378331005", "DE0007164600", "GB0002634946", "US91282CLW90", "EUR/USD"];

    private static readonly string[] Dates = ["2025-03-14", "2025-03-15", "2025-03-17", "2024-02-29", "2025-12-31"];

    // One character off (the check digits fail, or the date does not exist), longer than the cache keys, or spelt with an escape.
    private static Gen<string> Variants(string[] valid) => Gen.OneOf(
        Gen.Elements(valid),
        from text in Gen.Elements(valid)
        from at in Gen.Choose(0, text.Length - 1)
        from c in Gen.Elements('0', '1', '9', 'A', 'Z', '-', 'é')
        select text[..at] + c + text[(at + 1)..],
        Gen.Elements(valid).Select(t => t + t),
        Gen.Elements(valid).Select(t => t[..^1]),
        Gen.Elements("", "2025-02-30", "2025-3-14", "XS"));

    // Many distinct valid texts, so that some share a slot of the direct-mapped cache and evict each other.
    private static readonly Gen<string> ManyLeis =
        from chars in Gen.ArrayOf(Gen.Elements("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".ToCharArray()), 18)
        let prefix = new string(chars)
        select prefix + CounterpartyId.ComputeCheckDigits(prefix);

    private static readonly Gen<string> ManyDates =
        Gen.Choose(0, 40_000).Select(days => new DateOnly(2000, 1, 1).AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void Counterparties_read_through_the_recent_texts_are_what_the_converter_reads()
    {
        Agrees(Gen.OneOf(Variants(Leis), ManyLeis), new CounterpartyIdJsonConverter());
    }

    [Fact]
    public void Counterparties_that_share_their_first_sixteen_characters_are_never_taken_for_one_another()
    {
        // 1,296 valid LEIs differing only in characters 17–20 (two of the prefix and the two check digits) cannot all
        // have slots of their own among 256: some evict others, which a key checking fewer bytes would take as a hit.
        const string alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        var converter = new CounterpartyIdJsonConverter();
        var stem = Leis[0][..16];
        var leis = (from x in alphabet from y in alphabet select $"{stem}{x}{y}").Select(p => p + CounterpartyId.ComputeCheckDigits(p)).ToArray();
        foreach (var lei in leis.Concat(leis.Reverse()))
        {
            var token = JsonSerializer.Serialize(lei);
            Assert.Equal(Read(token, (ref Utf8JsonReader r) => converter.Read(ref r, typeof(CounterpartyId), JsonSerializerOptions.Default)),
                Read(token, (ref Utf8JsonReader r) => RecentValues<CounterpartyId>.Read(ref r, converter, JsonSerializerOptions.Default)));
        }
    }

    [Fact]
    public void Instruments_books_and_traders_read_through_the_recent_texts_are_what_the_converter_reads()
    {
        Agrees(Variants(Isins), new InstrumentIdJsonConverter());
        Agrees(Variants(["EQ-NY", "EQ-LDN", "FX-LDN", "RATES-LDN"]), new BookIdJsonConverter());
        Agrees(Variants(["JSMITH", "AKUMAR", "A", "ABCDEFGHIJKLMNOPQRSTUVWX"]), new TraderIdJsonConverter());
    }

    [Fact]
    public void Business_dates_read_through_the_recent_texts_are_what_the_converter_reads()
    {
        Agrees(Gen.OneOf(Variants(Dates), ManyDates), new BusinessDateJsonConverter());
    }

    private static void Agrees<T>(Gen<string> texts, SpanValueConverter<T> converter)
        where T : struct
    {
        // Each text as a plain string, as a string with its first letter escaped, or as a bare number when it is one.
        var tokens = from text in texts
                     from form in Gen.Choose(0, 2)
                     select Token(text, form);
        Prop.ForAll(Gen.ListOf(tokens).Select(l => l.ToArray()).ToArbitrary(), json =>
        {
            foreach (var token in json)
            {
                Assert.Equal(Read(token, (ref Utf8JsonReader r) => converter.Read(ref r, typeof(T), JsonSerializerOptions.Default)),
                    Read(token, (ref Utf8JsonReader r) => RecentValues<T>.Read(ref r, converter, JsonSerializerOptions.Default)));
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    private static string Token(string text, int form) =>
        form == 1 && text.Length > 0 ? $"\"\\u{(int)text[0]:X4}{text[1..]}\""
        : form == 2 && text.Length > 0 && text.All(char.IsAsciiDigit) ? text
        : JsonSerializer.Serialize(text);

    private delegate T Reader<T>(ref Utf8JsonReader reader);

    private static string Read<T>(string token, Reader<T> read)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(token));
        reader.Read();
        try
        {
            return $"value {read(ref reader)}";
        }
        catch (JsonException ex)
        {
            return $"error {ex.Message}";
        }
    }
}
