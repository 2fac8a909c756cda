using System.Security.Cryptography;
using System.Text;
using TradeFlow.EventSourcing;

namespace TradeFlow.Journal.Tests;

// The segment files' bytes for a fixed history — small commits, commits of hundreds of kilobytes that span many of
// the commit buffer's 64 KB chunks, a record larger than a chunk, segment rolls — pinned to the SHA-256 that main at
// bbd0680 (one doubled commit array, before pass engine14) writes for the same history: every record, CRC and chain
// hash byte stays what the old write path produced.
public sealed class CommitBytesGoldenTests : IDisposable
{
    // Computed by running this test's history on main at bbd0680 (the old write path).
    private const string OldBuildSha256 = "04C7A8545F2C2BCA45BF32318D78A3BAD4A46E52CC9BB762498DC89B69DB9088";

    private readonly TempJournal _dir = new(segmentSize: 1 << 20);

    public void Dispose() => _dir.Delete();

    [Fact]
    public void A_fixed_history_writes_the_same_segment_bytes_as_the_old_write_path()
    {
        var id = 0;
        using (var journal = _dir.Open())
        {
            foreach (var (streams, events, payload) in new[] { (1, 1, 40), (3, 2, 300), (200, 1, 1_500), (2, 1, 100_000), (40, 3, 9_000), (500, 1, 700), (1, 1, 70_000) })
            {
                var appends = Enumerable.Range(0, streams).Select(s => new StreamAppend($"trade-{id}-{s}", ExpectedVersion.NoStream,
                    Enumerable.Range(0, events).Select(_ => Event(ref id, payload)).ToArray())).ToList();
                Assert.True(journal.AppendMultiple(appends, new AppendResult[appends.Count]).IsSuccess);
            }
        }

        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var segment in _dir.Segments())
        {
            sha.AppendData(Encoding.UTF8.GetBytes(Path.GetFileName(segment)));
            sha.AppendData(File.ReadAllBytes(segment));
        }

        Assert.Equal(OldBuildSha256, Convert.ToHexString(sha.GetHashAndReset()));
    }

    private static EventData Event(ref int id, int payloadSize)
    {
        id++;
        var payload = new byte[payloadSize];
        new Random(id).NextBytes(payload);
        var guid = new Guid(id, 7, 9, [1, 2, 3, 4, 5, 6, 7, 8]);
        var recorded = new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.FromHours(1)).AddTicks(id);
        return new EventData(guid, "TestEvent", 1, payload, recorded, recorded.AddDays(-1))
        {
            CorrelationId = guid, CausationId = guid, Source = "FIX:S" + id, Actor = "trader", Metadata = Encoding.UTF8.GetBytes($"{{\"i\":{id}}}"),
        };
    }
}
