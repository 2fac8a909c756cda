using System.Collections.Immutable;
using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;
using TradeFlow.EventSourcing;

namespace TradeFlow.Engine;

/// <summary>
/// The reply to a command, delivered only once its events (or its rejection) are durable. A readonly
/// struct passed by reference to <see cref="ICommandCompletion.OnCompleted"/>; its arrays are shared,
/// never copied.
/// </summary>
public readonly struct CommandOutcome : IEquatable<CommandOutcome>
{
    private CommandOutcome(CommandStatus status, TradeId tradeId, ImmutableArray<RejectionReason> reasons,
        ImmutableArray<string> warnings, GlobalPosition position, bool isDuplicate, string? error)
    {
        Status = status;
        TradeId = tradeId;
        Reasons = reasons.IsDefault ? [] : reasons;
        Warnings = warnings.IsDefault ? [] : warnings;
        Position = position;
        IsDuplicate = isDuplicate;
        Error = error;
    }

    /// <summary>Accepted, rejected or failed.</summary>
    public CommandStatus Status { get; }

    /// <summary>True when <see cref="Status"/> is <see cref="CommandStatus.Accepted"/>.</summary>
    public bool IsAccepted => Status == CommandStatus.Accepted;

    /// <summary>
    /// The trade the command created or addressed: the new id for a booking (also for a refused booking,
    /// which consumes its id), the block for an allocation, the addressed trade otherwise. Default when failed, and
    /// for a credit limit change, which addresses no trade.
    /// </summary>
    public TradeId TradeId { get; }

    /// <summary>Every reason a rejected command was refused (risk, compliance and lifecycle); empty otherwise.</summary>
    public ImmutableArray<RejectionReason> Reasons { get; }

    /// <summary>Warnings that did not block the command (soft credit limit, wash-trade flag, missing mark).</summary>
    public ImmutableArray<string> Warnings { get; }

    /// <summary>
    /// The global position of the command's last event once durable (projections that have reached it have
    /// seen the command). <see cref="GlobalPosition.Start"/> for a duplicate, which writes nothing, and when failed.
    /// </summary>
    public GlobalPosition Position { get; }

    /// <summary>True when the source key was already known: this is the original outcome, and nothing new was written.</summary>
    public bool IsDuplicate { get; }

    /// <summary>Why the command failed (<see cref="CommandStatus.Failed"/>); null otherwise.</summary>
    public string? Error { get; }

    /// <summary>An accepted outcome.</summary>
    public static CommandOutcome Accepted(TradeId tradeId, ImmutableArray<string> warnings = default) =>
        new(CommandStatus.Accepted, tradeId, [], warnings, GlobalPosition.Start, false, null);

    /// <summary>A rejected outcome.</summary>
    public static CommandOutcome Rejected(TradeId tradeId, ImmutableArray<RejectionReason> reasons,
        ImmutableArray<string> warnings = default) =>
        new(CommandStatus.Rejected, tradeId, reasons, warnings, GlobalPosition.Start, false, null);

    /// <summary>A failed outcome: not acknowledged.</summary>
    public static CommandOutcome Failed(string error) =>
        new(CommandStatus.Failed, default, [], [], GlobalPosition.Start, false, error);

    /// <summary>This outcome at <paramref name="position"/>.</summary>
    public CommandOutcome At(GlobalPosition position) =>
        new(Status, TradeId, Reasons, Warnings, position, IsDuplicate, Error);

    /// <summary>This outcome as the answer to a duplicate submission (no position: nothing was written).</summary>
    public CommandOutcome AsDuplicate() =>
        new(Status, TradeId, Reasons, Warnings, GlobalPosition.Start, true, Error);

    /// <inheritdoc/>
    public bool Equals(CommandOutcome other) =>
        Status == other.Status && TradeId == other.TradeId && Position == other.Position
        && IsDuplicate == other.IsDuplicate && Error == other.Error
        && Reasons.SequenceEqual(other.Reasons) && Warnings.SequenceEqual(other.Warnings);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is CommandOutcome other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Status, TradeId, Position, IsDuplicate);

    /// <summary>Equality.</summary>
    public static bool operator ==(CommandOutcome left, CommandOutcome right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(CommandOutcome left, CommandOutcome right) => !left.Equals(right);

    /// <inheritdoc/>
    public override string ToString() => Status switch
    {
        CommandStatus.Accepted => $"Accepted {TradeId}{(IsDuplicate ? " (duplicate)" : string.Empty)}"
            + (Warnings.IsEmpty ? string.Empty : " warnings: " + string.Join("; ", Warnings)),
        CommandStatus.Rejected => $"Rejected {TradeId}{(IsDuplicate ? " (duplicate)" : string.Empty)}: "
            + string.Join("; ", Reasons),
        _ => "Failed: " + Error,
    };
}
