using TradeFlow.EventSourcing;
using TradeFlow.Projections.Runtime;
using TradeFlow.Replay.Cli;
using TradeFlow.Replay.Output;
using TradeFlow.Replay.Stores;

namespace TradeFlow.Replay.Folding;

/// <summary>
/// Streams the store's history as <see cref="ProjectionEvent"/>s (deserialized and upcast), a few batches in memory
/// at a time (read and deserialized on a second thread, <see cref="DecodePipeline"/>), with progress and Ctrl-C
/// checked as it goes. Bounded by the head the store had when it was opened.
/// </summary>
internal static class HistoryFeed
{
    /// <summary>Folds events 1..<paramref name="upTo"/> (or the head) through <paramref name="apply"/>; returns how many envelopes were read.</summary>
    public static long Run(ReplayEnvironment environment, ReplayStore store, string label, long upTo, Action<ProjectionEvent> apply)
    {
        var last = Math.Min(upTo, store.Head.Value);
        return ProgressReporter.Run(environment, label, progress => store.Read(() => store.Views is { } views
            ? DecodePipeline.Run(views, last, apply, read => progress(read, last), environment.CancellationToken)
            : DecodePipeline.Run(store.Journal.ReadAll(GlobalPosition.Start, Direction.Forwards, last), apply,
                read => progress(read, last), environment.CancellationToken)));
    }
}
