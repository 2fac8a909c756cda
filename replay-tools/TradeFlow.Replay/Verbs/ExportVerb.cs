using System.CommandLine;
using TradeFlow.EventSourcing;
using TradeFlow.Replay.Cli;
using TradeFlow.Replay.Export;
using TradeFlow.Replay.Folding;
using TradeFlow.Replay.Output;
using TradeFlow.Replay.Stores;

namespace TradeFlow.Replay.Verbs;

/// <summary><c>export --format jsonl|csv</c>: streams envelopes out, one at a time, for a regulator or a warehouse.</summary>
internal static class ExportVerb
{
    public static Command Create(ReplayEnvironment environment)
    {
        var store = new StoreOptions();
        var format = new Option<string>("--format") { Description = "jsonl (one JSON object per line) or csv.", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("jsonl", "csv");
        var from = new Option<string?>("--from") { Description = "First global position, or first recorded time (ISO 8601), inclusive." };
        var to = new Option<string?>("--to") { Description = "Last global position, or last recorded time (ISO 8601), inclusive." };
        var stream = new Option<string?>("--stream") { Description = "Only streams whose name starts with this prefix (e.g. trade-T000000000042, rejections-)." };
        var output = new Option<FileInfo?>("--out") { Description = "Write to this file instead of stdout." };
        var command = store.AddTo(new Command("export", "Stream events with every envelope field out as JSON lines or CSV."));
        command.Options.Add(format);
        command.Options.Add(from);
        command.Options.Add(to);
        command.Options.Add(stream);
        command.Options.Add(output);
        command.SetAction(result =>
        {
            var filter = new ExportFilter(
                result.GetValue(from) is { } f ? HistoryPoint.Parse(f, "--from") : null,
                result.GetValue(to) is { } t ? HistoryPoint.Parse(t, "--to") : null,
                result.GetValue(stream));
            using var opened = ReplayStore.Open(store.Store(result));
            var file = result.GetValue(output);
            using var writer = file is null ? null : new StreamWriter(file.FullName, append: false, new System.Text.UTF8Encoding(false), 1 << 16);
            var target = (TextWriter?)writer ?? environment.Output;
            var count = Run(environment, opened, filter, result.GetValue(format) == "csv" ? new CsvExportWriter(target) : new JsonLinesExportWriter(target));
            if (file is not null)
            {
                environment.Output.WriteLine($"export: wrote {count:N0} events to {file.FullName}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static long Run(ReplayEnvironment environment, ReplayStore store, ExportFilter filter, IEventExportWriter writer)
    {
        var first = filter.FirstPosition;
        var last = filter.LastPosition(store.Head.Value);
        writer.Begin();
        if (first > last)
        {
            return 0;
        }

        return ProgressReporter.Run(environment, "export", progress => store.Read(() =>
        {
            long written = 0;
            long read = 0;
            foreach (var e in store.Journal.ReadAll(GlobalPosition.FromInt64(first), Direction.Forwards, last - first + 1))
            {
                if ((++read & 0x3FFF) == 0)
                {
                    environment.CancellationToken.ThrowIfCancellationRequested();
                    progress(read, last - first + 1);
                }

                if (filter.Includes(e))
                {
                    writer.Write(e);
                    written++;
                }
            }

            return written;
        }));
    }
}
