using TradeFlow.Domain.Events;
using TradeFlow.Domain.Trades;
using TradeFlow.Engine.Checks;

namespace TradeFlow.Engine.Pipeline;

/// <summary>
/// The risk stage's part of a slot: a booking's or amendment's exposure figures; and what the decide stage would otherwise
/// build itself from the command alone (pass <c>engine13</c>): the source key's hash, a capture's validated terms and its
/// enrichment as a booking with no warnings — prepared here because the decide thread is the one stage that must run
/// serially, and none of these depends on the decision state. The prepared values hold for <see cref="PreparedFor"/>
/// only: decide uses them when that is the very command it decides, and builds them itself otherwise.
/// </summary>
internal sealed class RiskEnrichment
{
    /// <summary>True when <see cref="Figures"/> were computed (a booking or amendment with known reference data).</summary>
    public bool HasFigures;

    /// <summary>Notional, notional in base currency, exposure and limit.</summary>
    public ExposureFigures Figures;

    /// <summary>
    /// The command <see cref="SourceKeyHash"/>, <see cref="Booking"/> and <see cref="Enrichment"/> were prepared for; null
    /// when nothing was prepared (no command, a figure failure, or a preparation that threw). Set last, after them.
    /// </summary>
    public TradeCommand? PreparedFor;

    /// <summary>
    /// <see cref="PreparedFor"/>'s source-key hash (<see cref="Decisions.DecisionState.SourceKeyHash"/>), for its idempotency
    /// lookup. Meaningless unless <see cref="PreparedFor"/> is the command decided: 0 is also a hash.
    /// </summary>
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
        Release();
    }

    /// <summary>Forgets what was prepared: decide then builds it all itself.</summary>
    public void Unprepare()
    {
        PreparedFor = null;
        SourceKeyHash = 0;
        Booking = null;
        Enrichment = null;
    }

    /// <summary>
    /// Drops every reference the part holds once the command is answered (the publish stage's release), so none lives for
    /// a lap: what was prepared, and the failure.
    /// </summary>
    public void Release()
    {
        Unprepare();
        Failure = null;
    }
}
