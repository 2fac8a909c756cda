using System.Collections.Immutable;
using TradeFlow.Domain.Events;
using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Trades;
using TradeFlow.Engine.Checks;

namespace TradeFlow.Engine.Pipeline;

/// <summary>
/// The decide stage's <see cref="IBookingEnricher"/>: the risk stage's figures and the command's warnings for a
/// capture; allocation children and a novation's new leg priced here by the same rule, so every booking is
/// traceable to its numbers. Handed to the decider so each <see cref="TradeBooked"/> is built once, enriched,
/// rather than built by the decider and copied <c>with</c> the enrichment. Decide thread only.
/// </summary>
internal sealed class BookingEnricher : IBookingEnricher
{
    private readonly ReferenceDataSet _data;
    private RiskEnrichment? _risk;
    private ImmutableArray<string> _warnings = [];

    /// <summary>Creates the enricher over the reference data the risk stage prices with.</summary>
    public BookingEnricher(ReferenceDataSet data) => _data = data;

    /// <summary>Sets the command being decided: its risk figures and the warnings of its checks.</summary>
    public void Prepare(RiskEnrichment risk, ImmutableArray<string> warnings)
    {
        _risk = risk;
        _warnings = warnings;
    }

    /// <inheritdoc/>
    public TradeEnrichment? Enrich(TradeCommandKind kind, TradeEconomics economics)
    {
        ArgumentNullException.ThrowIfNull(economics);
        ExposureFigures figures;
        var priced = kind == TradeCommandKind.Book && _risk is { HasFigures: true };
        if (priced)
        {
            figures = _risk!.Figures;
        }
        else
        {
            priced = ExposureCalculator.TryCompute(_data, economics.Instrument, economics.Side, economics.Quantity,
                economics.Price, economics.Counterparty, out figures);
        }

        var bookingWarnings = kind == TradeCommandKind.Book ? _warnings : [];
        return priced
            ? new TradeEnrichment(figures.NotionalInBase, figures.Exposure, figures.LimitId, bookingWarnings)
            : new TradeEnrichment(ComplianceWarnings: bookingWarnings);
    }
}
