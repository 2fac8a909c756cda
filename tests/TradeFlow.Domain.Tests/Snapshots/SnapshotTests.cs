using TradeFlow.Testing.Snapshots;

namespace TradeFlow.Domain.Tests.Snapshots;

public sealed class SnapshotTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("tradeflow-snapshot-").FullName;

    private string SourceFile => Path.Combine(_directory, "FakeTests.cs");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_missing_verified_file_fails_and_writes_the_received_text()
    {
        var ex = Assert.Throws<SnapshotMismatchException>(() => Snapshot.Verify("hello", SourceFile, "Greets"));

        Assert.Contains("No verified snapshot", ex.Message, StringComparison.Ordinal);
        Assert.Equal("hello\n", File.ReadAllText(Path.Combine(_directory, "FakeTests.Greets.received.txt")));
    }

    [Fact]
    public void A_matching_snapshot_passes_and_removes_a_stale_received_file()
    {
        File.WriteAllText(Path.Combine(_directory, "FakeTests.Greets.verified.txt"), "hello\r\n");
        File.WriteAllText(Path.Combine(_directory, "FakeTests.Greets.received.txt"), "old");

        Snapshot.Verify("hello", SourceFile, "Greets");

        Assert.False(File.Exists(Path.Combine(_directory, "FakeTests.Greets.received.txt")));
    }

    [Fact]
    public void A_mismatch_fails_with_a_line_diff()
    {
        File.WriteAllText(Path.Combine(_directory, "FakeTests.Lists.verified.txt"), "a\nb\nc\n");

        var ex = Assert.Throws<SnapshotMismatchException>(() => Snapshot.Verify("a\nB\nc", SourceFile, "Lists"));

        Assert.Contains("- b\n+ B\n", ex.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_directory, "FakeTests.Lists.received.txt")));
    }

    [Fact]
    public void Guids_and_timestamps_are_scrubbed_to_numbered_placeholders()
    {
        const string text = "id 3f2504e0-4f89-11d3-9a0c-0305e82c3301 at 2025-03-14T14:30:00+00:00, "
            + "again 3f2504e0-4f89-11d3-9a0c-0305e82c3301, other 9a2504e0-4f89-11d3-9a0c-0305e82c3301 at 2025-03-14T14:31:00Z";

        var scrubbed = Scrubber.Defaults.Aggregate(text, (t, s) => s.Scrub(t));

        Assert.Equal("id Guid_1 at DateTime_1, again Guid_1, other Guid_2 at DateTime_2", scrubbed);
    }
}
