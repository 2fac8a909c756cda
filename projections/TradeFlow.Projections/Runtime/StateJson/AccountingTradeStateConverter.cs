using System.Collections.Immutable;
using System.Text.Json;
using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;
using TradeFlow.Projections.Accounting;

namespace TradeFlow.Projections.Runtime.StateJson;

/// <summary>Writes accounting's per-trade row as the serializer does.</summary>
internal sealed class AccountingTradeStateConverter : StateRowConverter<AccountingTrade>
{
    private static readonly JsonEncodedText AccruedInterest = JsonEncodedText.Encode("accruedInterest");
    private static readonly JsonEncodedText OpenLines = JsonEncodedText.Encode("openLines");
    private static readonly JsonEncodedText Settled = JsonEncodedText.Encode("settled");
    private static readonly JsonEncodedText Closed = JsonEncodedText.Encode("closed");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, AccountingTrade value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(value);
        WriteRow(writer, value.TradeId, value.Economics, value.AssetClass, value.Notional, value.AccruedInterest, value.OpenLines,
            value.Settled, value.Closed, options);
    }

    private static void WriteRow(Utf8JsonWriter writer, TradeId tradeId, TradeEconomics economics, AssetClass assetClass, Money notional,
        decimal accruedInterest, ImmutableArray<PostingLine> openLines, bool settled, bool closed, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        TradeHead(writer, tradeId, economics, assetClass, notional, options);
        writer.WriteNumber(AccruedInterest, accruedInterest);
        Array(writer, OpenLines, openLines, options);
        writer.WriteBoolean(Settled, settled);
        writer.WriteBoolean(Closed, closed);
        writer.WriteEndObject();
    }
}
