using TradeFlow.Domain.Values;
using TradeFlow.Engine;

namespace TradeFlow.Server.Http.Views;

/// <summary>An accepted command's answer (a refusal is a Problem Details 422 with the reasons).</summary>
/// <param name="Status">Accepted.</param>
/// <param name="TradeId">The trade created or addressed.</param>
/// <param name="Position">The global position of its last event (0 for a replayed duplicate, which wrote nothing).</param>
/// <param name="Duplicate">True when the idempotency key was seen before: this is the original outcome.</param>
/// <param name="Warnings">Warnings that did not block it.</param>
public sealed record CommandResult(CommandStatus Status, TradeId TradeId, long Position, bool Duplicate, IReadOnlyList<string> Warnings)
{
    /// <summary>From the engine's outcome.</summary>
    public static CommandResult From(in CommandOutcome outcome) =>
        new(outcome.Status, outcome.TradeId, outcome.Position.Value, outcome.IsDuplicate, [.. outcome.Warnings]);
}
