namespace TradeFlow.Replay.Diff;

/// <summary>One figure at both points and its change.</summary>
/// <param name="Key">What it is (a counterparty, or a book).</param>
/// <param name="Currency">The currency of the amounts.</param>
/// <param name="From">The value at the first point.</param>
/// <param name="To">The value at the second point.</param>
public sealed record DeltaRow(string Key, string Currency, decimal From, decimal To)
{
    /// <summary>To − From.</summary>
    public decimal Delta => To - From;
}
