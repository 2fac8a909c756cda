using TradeFlow.Domain.Events;
using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;
using TradeFlow.Engine.Checks;

namespace TradeFlow.Engine.Pipeline;

/// <summary>
/// The risk stage's part of a slot: the capture's exposure figures and settlement risk by value date; and what the decide
/// stage would otherwise build itself from the command alone (pass <c>engine13</c>): the source key's hash, a capture's
/// validated terms and its enrichment as a booking with no warnings — prepared here because the decide thread is the one
/// stage that must run serially, and none of these depends on the decision state.
/// </summary>
internal sealed class RiskEnrichment
{
    /// <summary>True when <see cref="Figures"/> were computed (a booking or amendment with known reference data).</summary>
    public bool HasFigures;

    /// <summary>Notional, notional in base currency, exposure and limit.</summary>
    public ExposureFigures Figures;

    /// <summary>The value (settlement) date the settlement risk falls on; default when it cannot be resolved.</summary>
    public BusinessDate ValueDate;

    /// <summary>The command's source-key hash (<see cref="Decisions.DecisionState.SourceKeyHash"/>), for its idempotency lookup.</summary>
    public int SourceKeyHash;

    /// <summary>A capture's terms validated against the reference data; null when not a capture or not valid.</summary>
    public ValidatedBooking? Booking;

    /// <summary>
    /// The capture's <see cref="TradeBooked.Enrichment"/> when its checks add no warning (the decide stage builds it
    /// itself otherwise); null when not priced.
    /// </summary>
    public TradeEnrichment? Enrichment;

    /// <summary>A failure of the stage for this command (a bug, not a business outcome): the command fails.</summary>
    public Exception? Failure;

    /// <summary>Clears the part before the stage writes it.</summary>
    public void Reset()
    {
        HasFigures = false;
        Figures = default;
        ValueDate = default;
        SourceKeyHash = 0;
        Release();
        Failure = null;
    }

    /// <summary>Drops the references to what was prepared once the command is answered (the publish stage's release).</summary>
    public void Release()
    {
        Booking = null;
        Enrichment = null;
    }
}
