using TradeFlow.Domain.Calendars;
using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Trades;
using TradeFlow.Engine.Checks;
using TradeFlow.Engine.Decisions;
using TradeFlow.Ring.Processing;

namespace TradeFlow.Engine.Pipeline;

/// <summary>
/// Risk enrichment, in parallel with compliance: for a booking or an amendment, the notional in the
/// instrument and base currencies, the exposure it adds under its counterparty's credit limit, and the value
/// date its settlement risk falls on. Writes only <see cref="CommandSlot.Risk"/>. The limit check itself is
/// the decide stage's (it needs live utilisation). It also prepares what the decide stage would otherwise build from the
/// command alone (pass <c>engine13</c>): the source key's hash, a capture's validated terms and its enrichment — so that
/// work runs on the check thread, in parallel with earlier commands' decisions, when the checks have one.
/// </summary>
internal sealed class RiskStage : IEventHandler<CommandSlot>
{
    private readonly ReferenceDataSet _data;

    /// <summary>Creates the stage.</summary>
    public RiskStage(ReferenceDataSet data) => _data = data;

    /// <inheritdoc/>
    public void OnEvent(CommandSlot data, long sequence, bool endOfBatch)
    {
        var risk = data.Risk;
        risk.Reset();
        try
        {
            if (data.Command is not { } command)
            {
                return;
            }

            risk.SourceKeyHash = DecisionState.SourceKeyHash(command.SourceKey);
            if (command is BookTrade book)
            {
                Prepare(risk, book);
            }
            else if (command is AmendTrade amend)
            {
                Enrich(risk, amend.Terms);
            }
        }
#pragma warning disable CA1031 // A failure here fails this one command (reported in its outcome); the stage must go on.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            risk.Failure = ex;
        }
    }

    // A capture's terms validated and its booking's enrichment built here, off the decide thread: the validation resolves
    // the settlement date, which is also the value date, so it is not computed twice.
    private void Prepare(RiskEnrichment risk, BookTrade book)
    {
        if (!TradeDecider.TryValidateBooking(book, _data, out var validated))
        {
            Enrich(risk, book.Terms);
            return;
        }

        risk.Booking = validated;
        risk.ValueDate = validated.Economics.SettlementDate;
        risk.HasFigures = ExposureCalculator.TryCompute(_data, book.Terms.Instrument, book.Terms.Side, book.Terms.Quantity,
            book.Terms.Price, book.Terms.Counterparty, out risk.Figures);
        if (risk.HasFigures)
        {
            risk.Enrichment = BookingEnricher.Priced(risk.Figures, []);
        }
    }

    private void Enrich(RiskEnrichment risk, TradeTerms terms)
    {
        risk.HasFigures = ExposureCalculator.TryCompute(_data, terms.Instrument, terms.Side, terms.Quantity, terms.Price,
            terms.Counterparty, out risk.Figures);
        if (terms.SettlementDate is { } given)
        {
            risk.ValueDate = given;
        }
        else if (_data.TryGetInstrument(terms.Instrument, out var instrument)
                 && instrument.AssetClass != AssetClass.FxForward
                 && _data.TryGetSettlementCalendar(terms.Instrument, out var calendar))
        {
            risk.ValueDate = SettlementDates.SettlementDate(terms.TradeDate, instrument.SettlementCycleDays, calendar);
        }
    }
}
