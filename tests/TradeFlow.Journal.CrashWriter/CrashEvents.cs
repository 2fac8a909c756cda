using System.Buffers.Binary;
using System.Security.Cryptography;
using TradeFlow.EventSourcing;

namespace TradeFlow.Journal.CrashWriter;

/// <summary>
/// The deterministic commits the crash writer appends, so that the test can regenerate exactly what a
/// reported commit must contain: commit <c>k</c> of run <c>r</c> has 1–4 events on 1–3 streams.
/// </summary>
public static class CrashEvents
{
    private static readonly DateTimeOffset Recorded = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The stream appends of commit <paramref name="commit"/> in run <paramref name="run"/>.</summary>
    public static StreamAppend[] Commit(int run, int commit)
    {
        var streams = 1 + (commit % 3);
        var appends = new StreamAppend[streams];
        for (var s = 0; s < streams; s++)
        {
            var count = 1 + ((commit + s) % 4);
            var events = new EventData[count];
            for (var e = 0; e < count; e++)
            {
                events[e] = new EventData(Id(run, commit, s, e), "CrashTestEvent", 1, Payload(run, commit, s, e), Recorded, Recorded)
                {
                    Source = $"run={run};commit={commit}",
                };
            }

            appends[s] = new StreamAppend($"trade-R{run}-S{s}", ExpectedVersion.Any, events);
        }

        return appends;
    }

    /// <summary>How many events commit <paramref name="commit"/> holds.</summary>
    public static int EventCount(int commit)
    {
        var total = 0;
        for (var s = 0; s < 1 + (commit % 3); s++)
        {
            total += 1 + ((commit + s) % 4);
        }

        return total;
    }

    private static Guid Id(int run, int commit, int stream, int index)
    {
        Span<byte> key = stackalloc byte[16];
        BinaryPrimitives.WriteInt32LittleEndian(key, run);
        BinaryPrimitives.WriteInt32LittleEndian(key[4..], commit);
        BinaryPrimitives.WriteInt32LittleEndian(key[8..], stream);
        BinaryPrimitives.WriteInt32LittleEndian(key[12..], index);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(key, hash);
        return new Guid(hash[..16]);
    }

    private static byte[] Payload(int run, int commit, int stream, int index)
    {
        var payload = new byte[64 + ((commit * 31 + index) % 400)];
        // HashCode is randomised per process: the seed must be computed the same way in the writer and the test.
        new Random(unchecked((run * 1_000_003) + (commit * 1_009) + (stream * 31) + index)).NextBytes(payload);
        return payload;
    }
}
