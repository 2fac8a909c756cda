using System.Collections.Immutable;
using System.Text.RegularExpressions;
using TradeFlow.Domain.Values;
using TradeFlow.Engine;

namespace TradeFlow.Server.Demo;

/// <summary>
/// What the demo heard back for one command, whichever way it went (FIX reply, HTTP response, engine outcome):
/// accepted or rejected with its reasons (<c>Code: message</c>), or failed (no durable answer in time).
/// </summary>
/// <param name="Status">Accepted, Rejected, or Failed.</param>
/// <param name="TradeId">The trade booked or addressed (default when the answer named none).</param>
/// <param name="Reasons">Why it was rejected.</param>
/// <param name="LatencyTicks">Send to answer, in <see cref="System.Diagnostics.Stopwatch"/> ticks.</param>
/// <param name="Warnings">How many warnings an acceptance carried (soft limit, wash trade, missing mark).</param>
internal readonly partial record struct DemoAnswer(CommandStatus Status, TradeId TradeId, ImmutableArray<string> Reasons, long LatencyTicks,
    int Warnings = 0)
{
    /// <summary>True when accepted.</summary>
    public bool IsAccepted => Status == CommandStatus.Accepted;

    /// <summary>No answer came.</summary>
    public static DemoAnswer Failed(string why) => new(CommandStatus.Failed, default, [why], 0);

    /// <summary>The answer an engine outcome gives.</summary>
    public static DemoAnswer From(in CommandOutcome outcome, long latencyTicks) =>
        new(outcome.Status, outcome.TradeId, [.. outcome.Reasons.Select(r => $"{r.Code}: {r.Message}")], latencyTicks, outcome.Warnings.Length);

    /// <summary>
    /// Splits a reply's Text (58): the gateway joins the engine's reasons as <c>Code: message; Code: message</c>;
    /// a message the gateway refused itself carries one plain sentence.
    /// </summary>
    public static ImmutableArray<string> SplitReasons(string? text) =>
        string.IsNullOrEmpty(text) ? [] : [.. ReasonSeparator().Split(text)];

    /// <summary>How many warnings an acceptance's Text (58) lists: the gateway writes <c>Warnings: w1; w2</c>.</summary>
    public static int CountWarnings(string? text) =>
        text is not null && text.StartsWith("Warnings: ", StringComparison.Ordinal) ? text.Split("; ").Length : 0;

    [GeneratedRegex("; (?=[A-Za-z]+: )")]
    private static partial Regex ReasonSeparator();
}
