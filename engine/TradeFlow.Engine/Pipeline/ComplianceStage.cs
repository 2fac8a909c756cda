using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Trades;
using TradeFlow.Engine.Checks;
using TradeFlow.Ring.Processing;

namespace TradeFlow.Engine.Pipeline;

/// <summary>
/// Compliance checks, in parallel with risk: restricted list, trader mandate, fat-finger price band,
/// counterparty known and active (<see cref="ComplianceRules"/>), for bookings and amendments. Writes only
/// <see cref="CommandSlot.Compliance"/>; the decide stage turns failures into rejection reasons.
/// </summary>
internal sealed class ComplianceStage : IEventHandler<CommandSlot>
{
    private readonly ReferenceDataSet _data;
    private readonly PriceBands _bands;

    /// <summary>Creates the stage.</summary>
    public ComplianceStage(ReferenceDataSet data, PriceBands bands)
    {
        _data = data;
        _bands = bands;
    }

    /// <inheritdoc/>
    public void OnEvent(CommandSlot data, long sequence, bool endOfBatch)
    {
        var result = data.Compliance;
        result.Reset();
        try
        {
            var terms = data.Command switch
            {
                BookTrade book => book.Terms,
                AmendTrade amend => amend.Terms,
                _ => null,
            };
            if (terms is not null)
            {
                ComplianceRules.Check(terms, _data, _bands, result.Failures, result.Warnings);
            }
        }
#pragma warning disable CA1031 // A failure here fails this one command (reported in its outcome); the stage must go on.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            result.Failure = ex;
        }
    }
}
