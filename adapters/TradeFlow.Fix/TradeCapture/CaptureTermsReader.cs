using System.Diagnostics.CodeAnalysis;
using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;
using TradeFlow.Fix.Codec;

namespace TradeFlow.Fix.TradeCapture;

/// <summary>
/// Reads a trade's economics out of a FIX message into <see cref="TradeTerms"/>: the instrument (SecurityID 48
/// with SecurityIDSource 22 = 4 ISIN, else Symbol 55 for an FX pair such as <c>EUR/USD</c>), the bank's side,
/// book (Account 1) and parties (NoPartyIDs 453: the contra firm's LEI and the trader), quantity and price from
/// the tags the message type uses, TradeDate 75 (else the date of TransactTime 60) and SettlDate 64 (optional:
/// the engine derives it from the instrument's cycle). Every refusal names the tag.
/// </summary>
internal static class CaptureTermsReader
{
    private const char IsinSource = '4';

    /// <summary>Where one message type keeps the fields that differ between AE and D/G.</summary>
    /// <param name="Side">The bank's side (54).</param>
    /// <param name="Book">The book's code (Account 1).</param>
    /// <param name="Parties">The parties block.</param>
    /// <param name="QuantityTag">LastQty 32 (AE) or OrderQty 38 (D, G).</param>
    /// <param name="PriceTag">LastPx 31 (AE) or Price 44 (D, G).</param>
    public readonly record struct SideFields(char Side, string? Book, CaptureParties Parties, int QuantityTag, int PriceTag);

    /// <summary>The terms the message states; false with the refusal when a value is missing or invalid.</summary>
    public static bool TryRead(FixMessage message, in SideFields side, [NotNullWhen(true)] out TradeTerms? terms,
        out CaptureRejection rejection)
    {
        terms = null;
        if (!TryReadInstrument(message, out var instrument, out rejection)
            || !TryReadSide(side.Side, out var direction, out rejection)
            || !TryReadParties(side, out var book, out var counterparty, out var trader, out rejection)
            || !TryReadAmounts(message, side, out var quantity, out var price, out rejection)
            || !TryReadDates(message, out var tradeDate, out var settlementDate, out rejection))
        {
            return false;
        }

        terms = new TradeTerms(instrument, direction, quantity, price, counterparty, book, trader, tradeDate, settlementDate);
        return true;
    }

    /// <summary>The business-effective time of the capture: TransactTime (60), which every capture carries.</summary>
    public static bool TryReadEffectiveTime(FixMessage message, out DateTimeOffset time, out CaptureRejection rejection)
    {
        rejection = default;
        if (message.TryGetUtcTimestamp(Tags.TransactTime, out var utc))
        {
            time = new DateTimeOffset(utc, TimeSpan.Zero);
            return true;
        }

        time = default;
        rejection = new CaptureRejection(Tags.TransactTime, CaptureRejectReason.Other, "TransactTime (60) is required");
        return false;
    }

    private static bool TryReadInstrument(FixMessage message, out InstrumentId instrument, out CaptureRejection rejection)
    {
        rejection = default;
        if (message.TryGetValue(Tags.SecurityID, out _))
        {
            var isin = RepeatedFieldText.Get(message, Tags.SecurityID)!;
            if (!message.TryGetChar(Tags.SecurityIDSource, out var source) || source != IsinSource)
            {
                return Refuse(Tags.SecurityIDSource, CaptureRejectReason.UnknownInstrument,
                    "SecurityIDSource (22) must be 4 (ISIN)", out instrument, out rejection);
            }

            return InstrumentId.TryParse(isin, out instrument)
                || Refuse(Tags.SecurityID, CaptureRejectReason.UnknownInstrument,
                    $"SecurityID (48) '{isin}' is not a valid ISIN", out instrument, out rejection);
        }

        var symbol = RepeatedFieldText.Get(message, Tags.Symbol);
        if (symbol is not null && InstrumentId.TryParse(symbol, out instrument))
        {
            return true;
        }

        return Refuse(Tags.Symbol, CaptureRejectReason.UnknownInstrument,
            symbol is null ? "The instrument needs SecurityID (48) with SecurityIDSource 4, or an FX pair in Symbol (55)"
                : $"Symbol (55) '{symbol}' is not an FX pair; give the ISIN in SecurityID (48)",
            out instrument, out rejection);
    }

    private static bool TryReadSide(char side, out Side direction, out CaptureRejection rejection)
    {
        rejection = default;
        direction = side switch { '1' => Side.Buy, '2' => Side.Sell, _ => default };
        return direction != default
            || Refuse(Tags.Side, CaptureRejectReason.Other, $"Side (54) '{side}' is not supported: 1 (buy) or 2 (sell)",
                out direction, out rejection);
    }

    private static bool TryReadParties(in SideFields side, out BookId book, out CounterpartyId counterparty,
        out TraderId trader, out CaptureRejection rejection)
    {
        counterparty = default;
        trader = default;
        if (side.Book is null || !BookId.TryParse(side.Book, out book))
        {
            return Refuse(Tags.Account, CaptureRejectReason.InvalidParty,
                side.Book is null ? "Account (1) must name the book" : $"Account (1) '{side.Book}' is not a book code",
                out book, out rejection);
        }

        var lei = side.Parties.CounterpartyLei;
        if (lei is null || !CounterpartyId.TryParse(lei, out counterparty))
        {
            return Refuse(Tags.PartyID, CaptureRejectReason.InvalidParty,
                lei is null ? "The counterparty must be a PartyRole 17 (contra firm) party with PartyIDSource N (LEI)"
                    : $"PartyID (448) '{lei}' is not a valid LEI",
                out counterparty, out rejection);
        }

        var code = side.Parties.Trader;
        if (code is null || !TraderId.TryParse(code, out trader))
        {
            return Refuse(Tags.PartyID, CaptureRejectReason.InvalidParty,
                code is null ? "The trader must be a PartyRole 12 (executing trader) or 11 party"
                    : $"PartyID (448) '{code}' is not a trader code",
                out trader, out rejection);
        }

        rejection = default;
        return true;
    }

    private static bool TryReadAmounts(FixMessage message, in SideFields side, out Quantity quantity, out Price price,
        out CaptureRejection rejection)
    {
        price = default;
        if (!message.TryGetDecimal(side.QuantityTag, out var qty) || !Quantity.TryCreate(qty, out quantity) || qty == 0)
        {
            return Refuse(side.QuantityTag, CaptureRejectReason.Other,
                $"Quantity ({side.QuantityTag}) must be a positive number", out quantity, out rejection);
        }

        if (!message.TryGetDecimal(side.PriceTag, out var px) || !Price.TryCreate(px, out price))
        {
            return Refuse(side.PriceTag, CaptureRejectReason.Other,
                $"Price ({side.PriceTag}) must be a positive number", out price, out rejection);
        }

        rejection = default;
        return true;
    }

    private static bool TryReadDates(FixMessage message, out BusinessDate tradeDate, out BusinessDate? settlementDate,
        out CaptureRejection rejection)
    {
        rejection = default;
        settlementDate = null;
        if (message.TryGetUtcDate(Tags.TradeDate, out var trade))
        {
            tradeDate = BusinessDate.FromDateOnly(trade);
        }
        else if (message.TryGetUtcTimestamp(Tags.TransactTime, out var transact))
        {
            tradeDate = BusinessDate.FromDateOnly(DateOnly.FromDateTime(transact));
        }
        else
        {
            return Refuse(Tags.TradeDate, CaptureRejectReason.Other, "TradeDate (75) or TransactTime (60) is required",
                out tradeDate, out rejection);
        }

        if (message.TryGetUtcDate(Tags.SettlDate, out var settle))
        {
            settlementDate = BusinessDate.FromDateOnly(settle);
        }
        else if (message.Contains(Tags.SettlDate))
        {
            return Refuse(Tags.SettlDate, CaptureRejectReason.Other, "SettlDate (64) must be a date (YYYYMMDD)",
                out tradeDate, out rejection);
        }

        return true;
    }

    private static bool Refuse<T>(int tag, CaptureRejectReason reason, string text, out T value, out CaptureRejection rejection)
    {
        value = default!;
        rejection = new CaptureRejection(tag, reason, text);
        return false;
    }
}
