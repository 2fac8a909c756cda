using System.Text.Json;
using TradeFlow.EventSourcing;
using TradeFlow.Journal;
using TradeFlow.Replay.Cli;
using TradeFlow.Replay.Tests.Support;

namespace TradeFlow.Replay.Tests;

/// <summary><c>verify</c> on an embedded journal the engine wrote, clean and corrupted by the test.</summary>
public sealed class VerifyTests : IDisposable
{
    private readonly TestHistory _history = TestHistory.Embedded(segmentSize: 16 * 1024).Run(150);

    public VerifyTests() => _history.Stop();

    public void Dispose() => _history.Dispose();

    private ToolResult Verify(params string[] extra) => Tool.Run(["verify", .. _history.StoreArgs, .. extra]);

    [Fact]
    public void A_clean_journal_verifies_with_exit_0_and_a_summary_with_the_head_hash()
    {
        var result = Verify();

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        Assert.Contains("CLEAN: ", result.Stdout, StringComparison.Ordinal);
        Assert.Matches("head hash \\(journal-chain\\) [0-9a-f]{64}", result.Stdout);
    }

    [Fact]
    public void The_json_report_carries_counts_and_the_head_hash()
    {
        var result = Verify("--json");

        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.True(root.GetProperty("clean").GetBoolean());
        Assert.Equal(root.GetProperty("headPosition").GetInt64(), root.GetProperty("events").GetInt64());
        Assert.True(root.GetProperty("segments").GetInt32() > 2, "the history spans several segments");
        Assert.Equal(64, root.GetProperty("headHash").GetString()!.Length);
        Assert.Empty(root.GetProperty("problems").EnumerateArray());
    }

    [Fact]
    public void A_flipped_bit_is_listed_with_its_segment_and_offset_and_exits_1()
    {
        var path = JournalFiles.Segments(_history.DataDirectory!)[1];
        var bytes = File.ReadAllBytes(path);
        var (offset, length) = JournalFiles.Records(bytes)[3];
        bytes[offset + (length / 2)] ^= 0x20;
        File.WriteAllBytes(path, bytes);

        var result = Verify();

        Assert.Equal(ExitCodes.ProblemsFound, result.ExitCode);
        Assert.Contains(Path.GetFileName(path), result.Stdout, StringComparison.Ordinal);
        Assert.Contains($" {offset} ", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("CRC-32C mismatch", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void An_edited_payload_with_a_recomputed_crc_is_caught_by_the_hash_chain()
    {
        var path = JournalFiles.Segments(_history.DataDirectory!)[0];
        var bytes = File.ReadAllBytes(path);
        var (offset, length) = JournalFiles.Records(bytes)[5];
        var digit = Array.FindLastIndex(bytes, offset + length - 33, 150, b => b is >= (byte)'1' and <= (byte)'8');
        bytes[digit]++;
        JournalFiles.RecomputeCrc(bytes, offset, length);
        File.WriteAllBytes(path, bytes);

        var result = Verify("--json");

        Assert.Equal(ExitCodes.ProblemsFound, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var problem = Assert.Single(json.RootElement.GetProperty("problems").EnumerateArray());
        Assert.Equal(offset, problem.GetProperty("offset").GetInt64());
        Assert.Equal(6, problem.GetProperty("position").GetInt64());
        Assert.StartsWith("hash chain mismatch", problem.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Payloads_the_registry_cannot_read_are_listed_in_file_order_with_position_after_an_integrity_problem()
    {
        var head = _history.Head;
        using (var journal = EventJournal.Open(new JournalOptions(_history.DataDirectory!) { SegmentSize = 16 * 1024 }))
        {
            var at = DateTimeOffset.UnixEpoch;
            journal.AppendMultiple([new StreamAppend("trade-T999999999999", ExpectedVersion.NoStream,
            [
                new EventData(Guid.NewGuid(), "TradeBooked", 1, "{\"tradeId\":42}"u8.ToArray(), at, at),
                new EventData(Guid.NewGuid(), "NoSuchEvent", 1, "{}"u8.ToArray(), at, at),
            ])]).EnsureSuccess();
        }

        var last = JournalFiles.Segments(_history.DataDirectory!)[^1];
        var appended = JournalFiles.Records(File.ReadAllBytes(last))[^2..];
        var first = JournalFiles.Segments(_history.DataDirectory!)[0];
        var bytes = File.ReadAllBytes(first);
        var (flipped, flippedLength) = JournalFiles.Records(bytes)[3];
        bytes[flipped + (flippedLength / 2)] ^= 0x20;
        File.WriteAllBytes(first, bytes);

        var result = Verify("--json");

        Assert.Equal(ExitCodes.ProblemsFound, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var problems = json.RootElement.GetProperty("problems").EnumerateArray()
            .Select(p => (File: p.GetProperty("file").GetString(), Offset: p.GetProperty("offset").GetInt64(), Position: p.GetProperty("position").GetInt64(), Reason: p.GetProperty("reason").GetString()!))
            .ToList();
        Assert.Equal([(first, (long)flipped), (last, appended[0].Offset), (last, appended[1].Offset)], problems.Select(p => (p.File, p.Offset)));
        Assert.Equal([4, head + 1, head + 2], problems.Select(p => p.Position));
        Assert.StartsWith("CRC-32C mismatch", problems[0].Reason, StringComparison.Ordinal);
        Assert.StartsWith("the TradeBooked.v1 payload does not deserialize", problems[1].Reason, StringComparison.Ordinal);
        Assert.StartsWith("event type NoSuchEvent.v1 is not in this build's event registry", problems[2].Reason, StringComparison.Ordinal);
        using var integrityOnly = JsonDocument.Parse(Verify("--json", "--no-payloads").Stdout);
        Assert.Single(integrityOnly.RootElement.GetProperty("problems").EnumerateArray());
    }

    [Fact]
    public void One_thread_and_two_give_the_same_report_on_a_damaged_journal()
    {
        var path = JournalFiles.Segments(_history.DataDirectory!)[1];
        var bytes = File.ReadAllBytes(path);
        var records = JournalFiles.Records(bytes);
        bytes[records[1].Offset + (records[1].Length / 2)] ^= 0x08;
        bytes[records[^2].Offset + (records[^2].Length / 2)] ^= 0x08;
        File.WriteAllBytes(path, bytes);

        var one = Verify("--json", "--threads", "1");
        var two = Verify("--json", "--threads", "2");

        Assert.Equal(ExitCodes.ProblemsFound, two.ExitCode);
        Assert.Equal(one.Stdout, two.Stdout);
        using var json = JsonDocument.Parse(two.Stdout);
        Assert.Equal(2, json.RootElement.GetProperty("problems").GetArrayLength());
    }

    [Fact]
    public void Three_threads_are_bad_input_in_one_line()
    {
        var result = Verify("--threads", "3");

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Equal("tradeflow-replay verify: --threads 3: the journal's records are checked on 1 or 2 threads.", result.Stderr.TrimEnd());
    }

    [Fact]
    public void A_truncated_segment_is_reported()
    {
        var path = JournalFiles.Segments(_history.DataDirectory!)[0];
        using (var file = File.OpenWrite(path))
        {
            file.SetLength(file.Length - 500);
        }

        var result = Verify();

        Assert.Equal(ExitCodes.ProblemsFound, result.ExitCode);
        Assert.Contains("truncated", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_segment_is_reported_by_name()
    {
        var path = JournalFiles.Segments(_history.DataDirectory!)[1];
        File.Delete(path);

        var result = Verify();

        Assert.Equal(ExitCodes.ProblemsFound, result.ExitCode);
        Assert.Contains(Path.GetFileName(path), result.Stdout, StringComparison.Ordinal);
        Assert.Contains("segment is missing", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Other_verbs_on_a_corrupt_journal_exit_3_in_one_line_and_point_to_verify()
    {
        var path = JournalFiles.Segments(_history.DataDirectory!)[0];
        var bytes = File.ReadAllBytes(path);
        var (offset, length) = JournalFiles.Records(bytes)[2];
        bytes[offset + (length / 2)] ^= 0x01;
        File.WriteAllBytes(path, bytes);

        var result = Tool.Run(["audit", "T000000000001", .. _history.StoreArgs]);

        Assert.Equal(ExitCodes.StoreUnavailable, result.ExitCode);
        Assert.Single(result.Stderr.TrimEnd().Split('\n'));
        Assert.StartsWith("tradeflow-replay audit: the journal is corrupt: ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("tradeflow-replay verify", result.Stderr, StringComparison.Ordinal);
    }

    // The checkpoint (index.tfi) proves the events in the deleted last segment were committed: the read-only open refuses.
    [Fact]
    public void Other_verbs_on_a_journal_missing_the_checkpoints_last_segment_exit_3_naming_it()
    {
        var path = JournalFiles.Segments(_history.DataDirectory!)[^1];
        File.Delete(path);

        var result = Tool.Run(["audit", "T000000000001", .. _history.StoreArgs]);

        Assert.Equal(ExitCodes.StoreUnavailable, result.ExitCode);
        Assert.Single(result.Stderr.TrimEnd().Split('\n'));
        Assert.StartsWith($"tradeflow-replay audit: the journal is corrupt: Journal corrupt in {path} at byte offset ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("the segment is missing: committed events are missing", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("move index.tfi aside", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pinned_hash_that_no_longer_occurs_is_a_problem()
    {
        var result = Verify("--expect-hash", new string('a', 64));

        Assert.Equal(ExitCodes.ProblemsFound, result.ExitCode);
        Assert.Contains("occurs nowhere in the chain", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_directory_without_a_journal_is_bad_input_in_one_line()
    {
        var result = Tool.Run("verify", "--data", Path.Combine(_history.DataDirectory!, "nope"));

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Single(result.Stderr.TrimEnd().Split('\n'));
        Assert.Contains("holds no journal", result.Stderr, StringComparison.Ordinal);
    }
}
