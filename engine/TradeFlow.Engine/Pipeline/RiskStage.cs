using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Trades;
using TradeFlow.Engine.Checks;
using TradeFlow.Engine.Decisions;
using TradeFlow.Ring.Processing;

namespace TradeFlow.Engine.Pipeline;

/// <summary>
/// Risk enrichment, in parallel with compliance: for a booking or an amendment, the notional in the instrument and base
/// currencies and the exposure it adds under its counterparty's credit limit. Writes only <see cref="CommandSlot.Risk"/>.
/// The limit check itself is the decide stage's (it needs live utilisation). It also prepares what the decide stage would
/// otherwise build from the command alone (pass <c>engine13</c>): the source key's hash, a capture's validated terms and
/// its enrichment — so that work runs on the check thread, in parallel with earlier commands' decisions, when the checks
/// have one.
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
        if (data.Command is not { } command)
        {
            return;
        }

        try
        {
            var terms = command switch
            {
                BookTrade book => book.Terms,
                AmendTrade amend => amend.Terms,
                _ => null,
            };
            if (terms is not null)
            {
                risk.HasFigures = ExposureCalculator.TryCompute(_data, terms.Instrument, terms.Side, terms.Quantity,
                    terms.Price, terms.Counterparty, out risk.Figures);
            }
        }
#pragma warning disable CA1031 // A failure here fails this one command (reported in its outcome); the stage must go on.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            risk.Failure = ex;
            return;
        }

        Prepare(risk, command);
    }

    // What decide would build itself, built here off the decide thread. Only a shortcut: if any of it throws, the command
    // is left unprepared, so decide builds it all itself and — throwing there too — faults the engine as it always did; a
    // bug met here must not become one command's quiet failure. PreparedFor goes last, naming the command it all holds for.
    private void Prepare(RiskEnrichment risk, TradeCommand command)
    {
        try
        {
            risk.SourceKeyHash = DecisionState.SourceKeyHash(command.SourceKey);
            if (command is BookTrade book && TradeDecider.TryValidateBooking(book, _data, out var validated))
            {
                risk.Booking = validated;
                risk.Enrichment = risk.HasFigures ? BookingEnricher.Priced(risk.Figures, []) : null;
            }

            risk.PreparedFor = command;
        }
#pragma warning disable CA1031 // Not swallowed: decide repeats the work unprepared and faults the engine on the exception.
        catch (Exception)
#pragma warning restore CA1031
        {
            risk.Unprepare();
        }
    }
}
