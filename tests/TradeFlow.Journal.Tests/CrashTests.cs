using System.Diagnostics;
using System.Globalization;
using TradeFlow.EventSourcing;
using TradeFlow.Journal.CrashWriter;

namespace TradeFlow.Journal.Tests;

/// <summary>
/// Kills a real writer process (tests/TradeFlow.Journal.CrashWriter) at random moments, over and over on
/// the same journal, and proves that every commit it reported is present and intact and that no commit
/// is present in part.
/// </summary>
public sealed class CrashTests : IDisposable
{
    private const int Runs = 22;
    private const int PipelinedRuns = 10;
    private const long SegmentSize = 32 * 1024;
    private readonly TempJournal _dir = new(SegmentSize);

    public void Dispose() => _dir.Delete();

    [Fact]
    public Task A_writer_killed_at_random_moments_loses_no_reported_commit_and_leaves_no_partial_one() =>
        KillAndVerifyAsync(Runs, pipelined: false);

    [Fact]
    public Task A_pipelined_writer_killed_with_unsynced_writes_behind_its_durable_point_loses_no_reported_commit() =>
        KillAndVerifyAsync(PipelinedRuns, pipelined: true);

    private async Task KillAndVerifyAsync(int runs, bool pipelined)
    {
        var random = new Random(20260302);
        var reported = new Dictionary<int, List<(int Commit, long Position)>>();
        for (var run = 0; run < runs; run++)
        {
            reported[run] = await RunAndKillAsync(run, stopAfter: random.Next(1, 40), pipelined);
        }

        using var journal = _dir.OpenFull();
        var byCommit = journal.ReadAll(GlobalPosition.Start, Direction.Forwards)
            .GroupBy(e => e.Source!)
            .ToDictionary(g => g.Key, g => g.ToList());
        foreach (var (run, commits) in reported)
        {
            Assert.NotEmpty(commits);
            foreach (var (commit, position) in commits)
            {
                var events = byCommit[$"run={run};commit={commit}"];
                AssertIntact(run, commit, events);
                Assert.Equal(position, events[^1].Position.Value);
            }
        }

        // Beyond what was reported, a commit may have become durable just before the kill: then it is whole.
        foreach (var (source, events) in byCommit)
        {
            var parts = source.Split(';').Select(p => int.Parse(p[(p.IndexOf('=', StringComparison.Ordinal) + 1)..], CultureInfo.InvariantCulture)).ToArray();
            AssertIntact(parts[0], parts[1], events);
        }
    }

    private static void AssertIntact(int run, int commit, List<RecordedEvent> events)
    {
        var expected = CrashEvents.Commit(run, commit).SelectMany(a => a.Events.ToArray()).ToArray();
        Assert.Equal(CrashEvents.EventCount(commit), events.Count);
        Assert.Equal(expected.Select(e => e.EventId), events.Select(e => e.EventId));
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i].Payload.ToArray(), events[i].Payload.ToArray());
        }
    }

    private async Task<List<(int, long)>> RunAndKillAsync(int run, int stopAfter, bool pipelined)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { WriterPath(), _dir.DataDirectory, run.ToString(CultureInfo.InvariantCulture), SegmentSize.ToString(CultureInfo.InvariantCulture) },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (pipelined)
        {
            start.ArgumentList.Add("pipelined");
        }

        using var child = Process.Start(start)!;
        var commits = new List<(int, long)>();
        try
        {
            while (commits.Count < stopAfter && await child.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                Collect(line, commits);
            }
        }
        finally
        {
            // Killed mid-loop: somewhere in encoding, writing, fsyncing or printing the next commit.
            child.Kill(entireProcessTree: true);
        }

        while (await child.StandardOutput.ReadLineAsync(timeout.Token) is { } rest)
        {
            Collect(rest, commits);
        }

        await child.WaitForExitAsync(timeout.Token);
        Assert.True(commits.Count > 0, $"run {run}: the writer reported nothing; stderr: {await child.StandardError.ReadToEndAsync(timeout.Token)}");
        return commits;
    }

    private static void Collect(string line, List<(int, long)> commits)
    {
        var parts = line.Split(' ');
        if (parts.Length == 3 && parts[0] == "committed")
        {
            commits.Add((int.Parse(parts[1], CultureInfo.InvariantCulture), long.Parse(parts[2], CultureInfo.InvariantCulture)));
        }
    }

    private static string WriterPath()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "TradeFlow.Journal.CrashWriter.dll");
        Assert.True(File.Exists(beside), $"the crash writer is built beside the tests: {beside}");
        return beside;
    }
}
