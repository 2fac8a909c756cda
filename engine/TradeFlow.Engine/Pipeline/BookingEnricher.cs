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
    private TradeEnrichment? _prepared;

    /// <summary>Creates the enricher over the reference data the risk stage prices with.</summary>
    public BookingEnricher(ReferenceDataSet data) => _data = data;

    /// <summary>
    /// Sets the command being decided: its risk figures and the warnings of its checks; and, for a capture, the enrichment
    /// the risk stage built for it (<see cref="RiskEnrichment.Enrichment"/>, the same value), taken when the checks added no
    /// warning — null to build it here.
    /// </summary>
    public void Prepare(RiskEnrichment risk, ImmutableArray<string> warnings, TradeEnrichment? prepared = null)
    {
        _risk = risk;
        _warnings = warnings;
        _prepared = warnings.IsEmpty ? prepared : null;
    }

    /// <summary>A booking's enrichment from its priced figures and warnings.</summary>
    public static TradeEnrichment Priced(in ExposureFigures figures, ImmutableArray<string> warnings) =>
        new(figures.NotionalInBase, figures.Exposure, figures.LimitId, warnings);

    /// <inheritdoc/>
    public TradeEnrichment? Enrich(TradeCommandKind kind, TradeEconomics economics)
    {
        ArgumentNullException.ThrowIfNull(economics);
        if (kind == TradeCommandKind.Book && _prepared is not null)
        {
            return _prepared;
        }

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
            ? Priced(figures, bookingWarnings)
            : new TradeEnrichment(ComplianceWarnings: bookingWarnings);
    }
}
