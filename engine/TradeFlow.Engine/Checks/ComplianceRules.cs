using System.Globalization;
using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Trades;

namespace TradeFlow.Engine.Checks;

/// <summary>
/// The compliance checks of a capture or amendment: restricted list, trader mandate (book, asset class,
/// maximum notional), fat-finger price band against the reference mark, counterparty known and active.
/// Pure functions of the terms and reference data; every failure is a code and a sentence. Allocates only
/// when something fails (the reason) or warns.
/// </summary>
internal static class ComplianceRules
{
    /// <summary>Runs every check, adding failures to <paramref name="failures"/> and warnings to <paramref name="warnings"/>.</summary>
    public static void Check(TradeTerms terms, ReferenceDataSet data, PriceBands bands, List<RejectionReason> failures,
        List<string> warnings)
    {
        data.TryGetInstrument(terms.Instrument, out var instrument);
        if (data.RestrictedList.IsRestricted(terms.Instrument, out var restriction))
        {
            failures.Add(new RejectionReason(RejectionCode.RestrictedInstrument,
                $"Instrument {terms.Instrument} is on the restricted list: {restriction}"));
        }

        CheckCounterparty(terms, data, failures);
        if (instrument is not null)
        {
            CheckMandate(terms, instrument, data, failures);
            CheckPriceBand(terms, instrument, data, bands, failures, warnings);
        }
    }

    private static void CheckCounterparty(TradeTerms terms, ReferenceDataSet data, List<RejectionReason> failures)
    {
        if (!data.TryGetCounterparty(terms.Counterparty, out var counterparty))
        {
            failures.Add(new RejectionReason(RejectionCode.UnknownCounterparty,
                $"Counterparty {terms.Counterparty} is not a known counterparty"));
        }
        else if (!counterparty.IsActive)
        {
            failures.Add(new RejectionReason(RejectionCode.InactiveCounterparty,
                $"Counterparty {terms.Counterparty} ({counterparty.Name}) is not active"));
        }
    }

    private static void CheckMandate(TradeTerms terms, Instrument instrument, ReferenceDataSet data,
        List<RejectionReason> failures)
    {
        // An unknown trader is the lifecycle rules' UnknownTrader; the mandate cannot be checked without one.
        if (!data.TryGetTrader(terms.Trader, out var trader))
        {
            return;
        }

        var mandate = trader.Mandate;
        if (!mandate.AllowsBook(terms.Book))
        {
            failures.Add(new RejectionReason(RejectionCode.MandateBook,
                $"Trader {terms.Trader}'s mandate does not cover book {terms.Book}"));
        }

        if (!mandate.AllowsAssetClass(instrument.AssetClass))
        {
            failures.Add(new RejectionReason(RejectionCode.MandateAssetClass,
                $"Trader {terms.Trader}'s mandate does not cover asset class {instrument.AssetClass}"));
        }

        var notional = instrument.GrossAmount(terms.Quantity, terms.Price);
        if (data.FxRates.TryConvert(notional, mandate.MaxNotional.Currency, out var inMandateCurrency)
            && inMandateCurrency.Amount > mandate.MaxNotional.Amount)
        {
            failures.Add(new RejectionReason(RejectionCode.MandateNotional,
                $"Notional {notional} ({inMandateCurrency.Round()}) is above trader {terms.Trader}'s mandate maximum {mandate.MaxNotional}"));
        }
    }

    private static void CheckPriceBand(TradeTerms terms, Instrument instrument, ReferenceDataSet data, PriceBands bands,
        List<RejectionReason> failures, List<string> warnings)
    {
        if (!bands.TryGetBand(instrument.AssetClass, out var band))
        {
            return;
        }

        if (!data.Marks.TryGetPrice(terms.Instrument, out var mark))
        {
            warnings.Add($"No reference mark for {terms.Instrument}: the price band was not checked");
            return;
        }

        var deviation = Math.Abs(terms.Price.Value - mark.Value) / mark.Value;
        if (deviation > band)
        {
            failures.Add(new RejectionReason(RejectionCode.PriceOutsideBand, string.Format(CultureInfo.InvariantCulture,
                "Price {0} is {1:P2} away from the reference mark {2} of {3}, outside the {4:P2} band for {5}",
                terms.Price, deviation, mark, terms.Instrument, band, instrument.AssetClass)));
        }
    }
}
