using TradeFlow.Domain.Values;
using TradeFlow.Engine.Checks;

namespace TradeFlow.Engine.Pipeline;

/// <summary>The risk stage's part of a slot: the capture's exposure figures and settlement risk by value date.</summary>
internal sealed class RiskEnrichment
{
    /// <summary>True when <see cref="Figures"/> were computed (a booking or amendment with known reference data).</summary>
    public bool HasFigures;

    /// <summary>Notional, notional in base currency, exposure and limit.</summary>
    public ExposureFigures Figures;

    /// <summary>The value (settlement) date the settlement risk falls on; default when it cannot be resolved.</summary>
    public BusinessDate ValueDate;

    /// <summary>A failure of the stage for this command (a bug, not a business outcome): the command fails.</summary>
    public Exception? Failure;

    /// <summary>Clears the part before the stage writes it.</summary>
    public void Reset()
    {
        HasFigures = false;
        Figures = default;
        ValueDate = default;
        Failure = null;
    }
}
