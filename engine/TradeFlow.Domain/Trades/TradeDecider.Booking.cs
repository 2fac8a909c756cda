using TradeFlow.Domain.Calendars;
using TradeFlow.Domain.Events;
using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.Trades;

/// <summary>Booking and amendment: validating terms against reference data and resolving the settlement date.</summary>
public static partial class TradeDecider
{
    /// <summary>
    /// Validates a capture's terms as deciding it would, without its id or any state: true with what the booking will
    /// hold when the terms are valid; false when they are not (deciding the command then gives the reasons). Pure and
    /// thread-safe over immutable reference data.
    /// </summary>
    public static bool TryValidateBooking(BookTrade command, ReferenceDataSet data, out ValidatedBooking validated)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(data);
        // Only whether the terms are valid: the reasons (and the id that names the trade in them) are the decider's, which
        // validates invalid terms again, so no sentence is formatted here.
        ValidateTerms(command.Terms, command.Kind, default, null, data, out var economics, out var instrument, discardReasons: true);
        if (economics is null)
        {
            validated = default;
            return false;
        }

        validated = new ValidatedBooking(command, data, economics, instrument!.AssetClass,
            instrument.GrossAmount(economics.Quantity, economics.Price));
        return true;
    }

    private static DecisionResult DecideBook(BookTrade command, in DecisionContext context)
    {
        var id = context.NextTradeId;
        if (context.ValidatedBooking is { } valid && valid.IsFor(command, context.ReferenceData))
        {
            // Validated ahead (TryValidateBooking) for this very command and reference data: the same event the lines
            // below build. A validation of anything else is ignored, and the terms validated here.
            return DecisionResult.Accept(new TradeBooked(id, command.EffectiveTime, valid.Economics, valid.AssetClass,
                valid.Notional, Enrichment: context.EnrichmentOf(command.Kind, valid.Economics)), tradeIdsUsed: 1);
        }

        var reasons = ValidateTerms(command.Terms, command.Kind, id, null, context.ReferenceData,
            out var economics, out var instrument);
        if (reasons is not null)
        {
            return Reject(command, id, [.. reasons], context);
        }

        var booked = new TradeBooked(id, command.EffectiveTime, economics!, instrument!.AssetClass,
            instrument.GrossAmount(economics!.Quantity, economics.Price),
            Enrichment: context.EnrichmentOf(command.Kind, economics));
        return DecisionResult.Accept(booked, tradeIdsUsed: 1);
    }

    private static DecisionResult DecideAmend(Trade trade, AmendTrade command, in DecisionContext context)
    {
        var reasons = ValidateTerms(command.Terms, command.Kind, trade.Id, trade, context.ReferenceData,
            out var economics, out var instrument);
        if (command.Terms.Instrument != trade.Economics.Instrument)
        {
            Add(ref reasons, RejectionCode.InstrumentChange, RejectionMessages.ForCommand(command.Kind, trade.Id, trade,
                $"the instrument cannot change from {trade.Economics.Instrument} to {command.Terms.Instrument}; cancel and rebook"));
        }

        if (reasons is not null)
        {
            return Reject(command, trade.Id, [.. reasons], context);
        }

        return Accept(new TradeAmended(trade.Id, command.EffectiveTime, trade.Economics, economics!,
            instrument!.GrossAmount(economics!.Quantity, economics.Price)));
    }

    // Collects every problem rather than stopping at the first, so a trader fixes a capture in one go. Economics are
    // non-null exactly when the terms are valid (the reasons are null then, and always when discarded).
    private static List<RejectionReason>? ValidateTerms(TradeTerms terms, TradeCommandKind kind, TradeId id, Trade? trade,
        ReferenceDataSet data, out TradeEconomics? economics, out Instrument? instrument, bool discardReasons = false)
    {
        ArgumentNullException.ThrowIfNull(terms);
        economics = null;
        var failures = new RejectionCollector(kind, id, trade, discardReasons);

        if (!data.TryGetInstrument(terms.Instrument, out instrument))
        {
            failures.Fail(RejectionCode.UnknownInstrument, $"instrument {terms.Instrument} is not in the reference data");
        }

        CheckParties(terms.Counterparty, terms.Book, ref failures, data);
        if (!data.TryGetTrader(terms.Trader, out var trader))
        {
            failures.Fail(RejectionCode.UnknownTrader, $"trader {terms.Trader} is not in the reference data");
        }
        else if (!trader.IsActive)
        {
            failures.Fail(RejectionCode.InactiveTrader, $"trader {terms.Trader} is inactive");
        }

        if (terms.Quantity.IsZero)
        {
            failures.Fail(RejectionCode.InvalidQuantity, "the quantity must be greater than zero");
        }

        if (!Enum.IsDefined(terms.Side))
        {
            failures.Fail(RejectionCode.InvalidCommand, $"side {terms.Side} is neither Buy nor Sell");
        }

        var settlementDate = instrument is null ? null : ResolveSettlementDate(terms, instrument, data, ref failures);
        if (!failures.HasFailed)
        {
            economics = new TradeEconomics(terms.Instrument, terms.Side, terms.Quantity, terms.Price, terms.Counterparty,
                terms.Book, terms.Trader, terms.TradeDate, settlementDate!.Value);
        }

        return failures.Reasons;
    }

    private static void CheckParties(CounterpartyId counterpartyId, BookId bookId, ref RejectionCollector failures,
        ReferenceDataSet data)
    {
        if (!data.TryGetCounterparty(counterpartyId, out var counterparty))
        {
            failures.Fail(RejectionCode.UnknownCounterparty, $"counterparty {counterpartyId} is not in the reference data");
        }
        else if (!counterparty.IsActive)
        {
            failures.Fail(RejectionCode.InactiveCounterparty, $"counterparty {counterpartyId} ({counterparty.Name}) is inactive");
        }

        if (!data.TryGetBook(bookId, out var book))
        {
            failures.Fail(RejectionCode.UnknownBook, $"book {bookId} is not in the reference data");
        }
        else if (!book.IsActive)
        {
            failures.Fail(RejectionCode.InactiveBook, $"book {bookId} is closed");
        }
    }

    private static BusinessDate? ResolveSettlementDate(TradeTerms terms, Instrument instrument, ReferenceDataSet data,
        ref RejectionCollector failures)
    {
        if (terms.SettlementDate is { } given)
        {
            if (given < terms.TradeDate)
            {
                failures.Fail(RejectionCode.InvalidDates, $"settlement date {given} is before trade date {terms.TradeDate}");
            }

            return given;
        }

        if (instrument.AssetClass == AssetClass.FxForward)
        {
            failures.Fail(RejectionCode.InvalidDates, $"an FX forward on {instrument.Id} needs an explicit value date");
            return null;
        }

        // Validated at load: every instrument has a settlement calendar.
        data.TryGetSettlementCalendar(instrument.Id, out var calendar);
        return SettlementDates.SettlementDate(terms.TradeDate, instrument.SettlementCycleDays, calendar);
    }
}
