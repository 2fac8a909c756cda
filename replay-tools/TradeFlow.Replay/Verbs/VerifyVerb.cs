using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using TradeFlow.Replay.Cli;
using TradeFlow.Replay.Output;
using TradeFlow.Replay.Stores;
using TradeFlow.Replay.Verification;

namespace TradeFlow.Replay.Verbs;

/// <summary><c>verify</c>: checks the whole store; exit 0 when clean, 1 with every problem listed.</summary>
internal static class VerifyVerb
{
    public static Command Create(ReplayEnvironment environment)
    {
        var store = new StoreOptions();
        var expectHash = new Option<string?>("--expect-hash") { Description = "A head hash written down earlier: verify also proves it still occurs in the history (64 hex digits)." };
        var noPayloads = new Option<bool>("--no-payloads") { Description = "Skip deserializing every payload (integrity of frames, checksums, chain and sequence only)." };
        var threads = new Option<int>("--threads")
        {
            Description = "Threads that check the journal's records: 2 (default on a machine with two or more processors) or 1 (leave the second core to others).",
            DefaultValueFactory = _ => Math.Min(2, Environment.ProcessorCount),
        };
        var command = store.AddTo(new Command("verify", "Check every record's checksum, the hash chain, positions and stream versions, and that every event deserializes. Prints the head hash to pin."));
        command.Options.Add(expectHash);
        command.Options.Add(noPayloads);
        command.Options.Add(threads);
        command.SetAction(result => Run(environment, store.Store(result), ParseHash(result.GetValue(expectHash)), !result.GetValue(noPayloads), ParseThreads(result.GetValue(threads)), store.Json(result)));
        return command;
    }

    private static int Run(ReplayEnvironment environment, StoreSelection selection, byte[]? expectedHash, bool checkPayloads, int threads, bool json)
    {
        VerifyReport report;
        if (selection.Kind == StoreKind.Journal)
        {
            report = JournalVerifier.Run(environment, selection, expectedHash, checkPayloads, threads);
        }
        else
        {
            using var store = ReplayStore.Open(selection);
            report = StoreVerifier.Run(environment, store, expectedHash, checkPayloads);
        }

        if (json)
        {
            VerifyReportJson.Write(environment.Output, report);
        }
        else
        {
            Print(environment, report);
        }

        return report.Clean ? ExitCodes.Ok : ExitCodes.ProblemsFound;
    }

    private static int ParseThreads(int threads) =>
        threads is 1 or 2 ? threads : throw ReplayException.BadInput(string.Create(CultureInfo.InvariantCulture, $"--threads {threads}: the journal's records are checked on 1 or 2 threads."));

    private static byte[]? ParseHash(string? hex)
    {
        if (hex is null)
        {
            return null;
        }

        try
        {
            var bytes = Convert.FromHexString(hex.Trim());
            return bytes.Length == 32 ? bytes : throw new FormatException();
        }
        catch (FormatException)
        {
            throw ReplayException.BadInput($"--expect-hash '{hex}' is not a SHA-256 hash (64 hex digits).");
        }
    }

    private static void Print(ReplayEnvironment environment, VerifyReport report)
    {
        var console = ReportConsole.For(environment);
        console.WriteLine($"verify: {report.Store} (read-only)");
        if (!report.Clean)
        {
            var table = ReportConsole.Table("file", "offset", "position", "problem");
            foreach (var p in report.Problems)
            {
                ReportConsole.Row(table, p.File is null ? null : Path.GetFileName(p.File), p.Offset?.ToString(CultureInfo.InvariantCulture), p.Position?.ToString(CultureInfo.InvariantCulture), p.Reason);
            }

            console.Write(table);
        }

        var files = report.Segments is { } segments ? string.Create(CultureInfo.InvariantCulture, $" in {segments} segment(s), {report.Bytes:N0} bytes") : string.Empty;
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{(report.Clean ? "CLEAN" : "PROBLEMS")}: {report.Events:N0} events{files}, {report.Streams:N0} streams, {report.Problems.Count} problem(s); head position {report.HeadPosition}, head hash ({report.HashKind}) {report.HeadHash}"));
        if (report.TailBytes > 0)
        {
            console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"note: {report.TailBytes} bytes after the last commit (a commit being written, or a torn write the engine drops on restart) were not counted."));
        }

        if (report.ExpectedHashPosition is { } at)
        {
            console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"the pinned hash seals positions 1..{at}: that history is unchanged."));
        }
    }
}
