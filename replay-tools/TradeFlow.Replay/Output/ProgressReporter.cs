using Spectre.Console;
using TradeFlow.Replay.Cli;

namespace TradeFlow.Replay.Output;

/// <summary>
/// A progress bar with rate and ETA on stderr when a person watches a terminal; nothing when piped or in tests, so
/// that stdout stays clean for the report and a pipe gets no control characters.
/// </summary>
internal static class ProgressReporter
{
    /// <summary>Runs <paramref name="work"/>, giving it a callback that takes (done, total).</summary>
    public static T Run<T>(ReplayEnvironment environment, string label, Func<Action<long, long>, T> work)
    {
        if (!environment.Interactive)
        {
            return work(static (_, _) => { });
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask(label, maxValue: 1);
                var started = System.Diagnostics.Stopwatch.StartNew();
                return work((done, total) =>
                {
                    task.MaxValue = Math.Max(total, 1);
                    task.Value = done;
                    var seconds = Math.Max(started.Elapsed.TotalSeconds, 0.001);
                    task.Description = $"{label} {done / seconds:N0}/s";
                });
            });
    }
}
