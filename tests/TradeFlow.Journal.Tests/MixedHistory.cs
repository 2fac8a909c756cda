using TradeFlow.EventSourcing;
using TradeFlow.EventSourcing.TestKit;

namespace TradeFlow.Journal.Tests;

/// <summary>
/// The history the read tests write: 201 events in 40 commits, payloads growing from 200 bytes, and one 100 KiB event
/// in the middle — in 256 KiB segments, records across segment ends and one larger than a small read chunk.
/// </summary>
internal static class MixedHistory
{
    public const long Events = 201;

    public static void Write(TempJournal dir)
    {
        using var journal = dir.Open();
        for (var i = 0; i < 40; i++)
        {
            journal.AppendMultiple(
            [
                new StreamAppend($"trade-T{i}", ExpectedVersion.Any, TestEvents.Events(5, payloadSize: 200 + (i * 37))),
                new StreamAppend("trade-big", ExpectedVersion.Any, TestEvents.Events(i == 20 ? 1 : 0, payloadSize: 100 * 1024)),
            ]).EnsureSuccess();
        }
    }
}
