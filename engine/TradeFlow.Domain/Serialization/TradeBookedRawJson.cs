using System.Buffers;
using System.Text.Json;
using TradeFlow.Domain.Events;
using TradeFlow.Domain.Trades;

namespace TradeFlow.Domain.Serialization;

/// <summary>
/// A booking's whole payload built as raw UTF-8 and handed to the writer in one <c>WriteRawValue</c>: the journal
/// thread's booking writer spent most of its time in <see cref="Utf8JsonWriter"/>'s per-property work (separators,
/// depth and validation state, name copies) over ~30 members, on every capture (docs/benchmarks.md, pass
/// <c>engine14</c>). The bytes are the ones <see cref="TradeBookedJsonWriter"/> writes through the writer — same order,
/// names, omitted nulls, the converters' text and the writer's own time format — and anything a piece cannot vouch
/// for (text the encoder would escape, a value its repeated-value cache is too full to hold, a booking over
/// <see cref="BufferSize"/> bytes on either path) returns false having written nothing, and the booking goes through
/// the writer as before. Properties in the tests compare whole bookings with the generated serializer.
/// </summary>
internal static class TradeBookedRawJson
{
    // A booking is ~600 bytes; one with long warnings that does not fit goes through the writer. Both paths build
    // into at most this many bytes, so whether a booking is taken raw does not depend on the output's free space.
    internal const int BufferSize = 2048;

    [ThreadStatic]
    private static byte[]? t_buffer;

    /// <summary>
    /// Writes <paramref name="booked"/> (whose side and asset class the caller checked are named), its repeated values
    /// copied from <paramref name="texts"/>, or returns false having written nothing.
    /// </summary>
    public static bool TryWrite(Utf8JsonWriter writer, TradeBooked booked, TradeEconomics e, TradeBookedValueTexts texts)
    {
        var buffer = t_buffer ??= new byte[BufferSize];
        if (!TryBuild(buffer, booked, e, texts, out var length))
        {
            return false;
        }

        writer.WriteRawValue(buffer.AsSpan(0, length), skipInputValidation: true);
        return true;
    }

    /// <summary>
    /// Writes <paramref name="booked"/> straight into <paramref name="output"/> (the same bytes a writer over it would
    /// hold after <see cref="TryWrite(Utf8JsonWriter, TradeBooked, TradeEconomics, TradeBookedValueTexts)"/>, without the
    /// writer or the copy), or returns false having advanced nothing.
    /// </summary>
    public static bool TryWrite(IBufferWriter<byte> output, TradeBooked booked, TradeEconomics e, TradeBookedValueTexts texts)
    {
        // Cut to the buffer's size: the output (a 64 KB journal segment) often has far more room.
        if (!TryBuild(output.GetSpan(BufferSize)[..BufferSize], booked, e, texts, out var length))
        {
            return false;
        }

        output.Advance(length);
        return true;
    }

    private static bool TryBuild(Span<byte> buffer, TradeBooked booked, TradeEconomics e, TradeBookedValueTexts texts,
        out int length)
    {
        var json = new JsonBytes(buffer);
        json.Raw("{\"tradeId\":"u8);
        json.TradeId(booked.TradeId);
        json.Raw(",\"effectiveTime\":"u8);
        json.Time(booked.EffectiveTime);
        json.Raw(",\"economics\":"u8);
        Economics(ref json, e, texts);
        json.Raw(",\"assetClass\":\""u8);
        json.Raw(TradeBookedJsonWriter.AssetClassNames[(int)booked.AssetClass].EncodedUtf8Bytes);
        json.Raw("\",\"notional\":"u8);
        json.Money(booked.Notional);
        if (booked.ParentTradeId is { } parent)
        {
            json.Raw(",\"parentTradeId\":"u8);
            json.TradeId(parent);
        }

        if (booked.NovatedFromTradeId is { } novated)
        {
            json.Raw(",\"novatedFromTradeId\":"u8);
            json.TradeId(novated);
        }

        if (booked.Enrichment is { } enrichment)
        {
            json.Raw(",\"enrichment\":"u8);
            Enrichment(ref json, enrichment);
        }

        json.Raw("}"u8);
        length = json.Written.Length;
        return !json.Failed;
    }

    private static void Economics(ref JsonBytes json, TradeEconomics e, TradeBookedValueTexts texts)
    {
        json.Raw("{\"instrument\":"u8);
        Repeated(ref json, texts.Instruments, e.Instrument);
        json.Raw(",\"side\":\""u8);
        json.Raw(TradeBookedJsonWriter.SideNames[(int)e.Side].EncodedUtf8Bytes);
        json.Raw("\",\"quantity\":"u8);
        json.Decimal(e.Quantity.Value);
        json.Raw(",\"price\":"u8);
        json.Decimal(e.Price.Value);
        json.Raw(",\"counterparty\":"u8);
        Repeated(ref json, texts.Counterparties, e.Counterparty);
        json.Raw(",\"book\":"u8);
        Repeated(ref json, texts.Books, e.Book);
        json.Raw(",\"trader\":"u8);
        Repeated(ref json, texts.Traders, e.Trader);
        json.Raw(",\"tradeDate\":"u8);
        Repeated(ref json, texts.Dates, e.TradeDate);
        json.Raw(",\"settlementDate\":"u8);
        Repeated(ref json, texts.Dates, e.SettlementDate);
        json.Raw("}"u8);
    }

    // The members in the generated order; each after the first takes a comma, as the writer puts one between members.
    private static void Enrichment(ref JsonBytes json, TradeEnrichment enrichment)
    {
        json.Raw("{"u8);
        if (enrichment.NotionalInBase is { } inBase)
        {
            json.Raw("\"notionalInBase\":"u8);
            json.Money(inBase);
            json.Raw(","u8);
        }

        if (enrichment.ExposureContribution is { } exposure)
        {
            json.Raw("\"exposureContribution\":"u8);
            json.Money(exposure);
            json.Raw(","u8);
        }

        if (enrichment.CounterpartyLimitId is { } limit)
        {
            json.Raw("\"counterpartyLimitId\":"u8);
            json.Text(limit);
            json.Raw(","u8);
        }

        json.Raw("\"complianceWarnings\":["u8);
        var warnings = enrichment.ComplianceWarnings;
        for (var i = 0; i < warnings.Length; i++)
        {
            if (i > 0)
            {
                json.Raw(","u8);
            }

            if (warnings[i] is { } warning)
            {
                json.Text(warning);
            }
            else
            {
                // The writer writes a null element as null; left to it.
                json.Fail();
            }
        }

        json.Raw("]}"u8);
    }

    private static void Repeated<T>(ref JsonBytes json, RepeatedJsonValues<T> cache, T value)
        where T : struct, IEquatable<T>
    {
        if (!cache.TryGetText(value, out var text))
        {
            // Past the cache's capacity: the writer's path writes it through the converter.
            json.Fail();
            return;
        }

        json.Raw(text);
    }
}
