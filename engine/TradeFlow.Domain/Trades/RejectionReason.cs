namespace TradeFlow.Domain.Trades;

/// <summary>
/// One reason a command was refused: a stable code and a sentence for people that names the trade,
/// its state and the command ("Cannot amend trade T000000000042: it is Cancelled").
/// </summary>
/// <param name="Code">The machine-readable reason.</param>
/// <param name="Message">The human-readable reason.</param>
public sealed record RejectionReason(RejectionCode Code, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Code}: {Message}";
}
