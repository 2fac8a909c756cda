using System.Globalization;
using TradeFlow.Journal;
using TradeFlow.Journal.CrashWriter;

// Usage: CrashWriter <dataDir> <run> <segmentSize> [pipelined]
// Appends commit after commit and prints "committed <commit> <lastPosition>" once each is durable,
// until it is killed (the test decides when). "pipelined": writes and durable points on two threads (PipelinedWriter).
var dataDirectory = args[0];
var run = int.Parse(args[1], CultureInfo.InvariantCulture);
var segmentSize = long.Parse(args[2], CultureInfo.InvariantCulture);
using var journal = EventJournal.Open(new JournalOptions(dataDirectory) { SegmentSize = segmentSize });
Console.Out.WriteLine($"opened {journal.Recovery.EventCount}");
Console.Out.Flush();
if (args.Length > 3 && args[3] == "pipelined")
{
    PipelinedWriter.Run(journal, run);
    return;
}

for (var commit = 0; commit < 1_000_000; commit++)
{
    var result = journal.AppendMultiple(CrashEvents.Commit(run, commit)).EnsureSuccess();
    Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"committed {commit} {result.LastPosition.Value}"));
    Console.Out.Flush();
}
