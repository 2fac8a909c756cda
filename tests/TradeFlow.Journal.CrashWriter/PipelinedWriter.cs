using System.Collections.Concurrent;
using System.Globalization;
using TradeFlow.EventSourcing;

namespace TradeFlow.Journal.CrashWriter;

/// <summary>
/// The pipelined mode: this thread writes commit after commit without waiting for the disk, while a syncer thread
/// makes them durable and reports a commit only once a durable point covers it — the engine's journal and sync
/// stages in miniature — so a kill finds several written, unsynced commits behind the last durable point.
/// </summary>
internal static class PipelinedWriter
{
    // Bounds how far the writer runs ahead of the syncer, like the engine's ring does.
    private const int MaxAhead = 32;

    public static void Run(EventJournal journal, int run)
    {
        var written = new ConcurrentQueue<(int Commit, long Last)>();
        var syncer = new Thread(() => Sync(journal, written)) { IsBackground = true, Name = "crash-syncer" };
        syncer.Start();
        for (var commit = 0; commit < 1_000_000; commit++)
        {
            while (written.Count >= MaxAhead)
            {
                Thread.Yield();
            }

            var appends = CrashEvents.Commit(run, commit);
            var result = journal.Write(appends, new AppendResult[appends.Length]).EnsureSuccess();
            written.Enqueue((commit, result.LastPosition.Value));
        }
    }

    private static void Sync(EventJournal journal, ConcurrentQueue<(int Commit, long Last)> written)
    {
        while (true)
        {
            var durable = journal.MakeDurable(journal.WrittenPosition).Value;
            var reported = false;
            while (written.TryPeek(out var next) && next.Last <= durable && written.TryDequeue(out _))
            {
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"committed {next.Commit} {next.Last}"));
                reported = true;
            }

            if (reported)
            {
                Console.Out.Flush();
            }
            else
            {
                Thread.Yield();
            }
        }
    }
}
