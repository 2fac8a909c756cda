using TradeFlow.Journal.Integrity;
using TradeFlow.Replay.Cli;
using TradeFlow.Replay.Output;
using TradeFlow.Replay.Stores;

namespace TradeFlow.Replay.Verification;

/// <summary>
/// <c>verify</c> on the embedded journal: the journal's own full integrity scan (frames, CRCs, hash chain, positions,
/// stream versions, segments, checkpoint) with a payload check per record, in one pass over the files
/// (records checked on <c>--threads</c> threads, problems listed in file order either way).
/// </summary>
internal static class JournalVerifier
{
    public static VerifyReport Run(ReplayEnvironment environment, StoreSelection store, byte[]? expectedHash, bool checkPayloads, int threads)
    {
        ReplayStore.JournalDirectoryOf(store.Location);
        var payloads = new PayloadCheck();
        var scan = ProgressReporter.Run(environment, "verify", progress => JournalIntegrityScanner.Scan(store.Location, new JournalScanOptions
        {
            ExpectedHash = expectedHash,
            Threads = threads,
            CancellationToken = environment.CancellationToken,
            OnProgress = progress,
            // On the scan's second thread too, beside the CRC and hash checks; reported in file order all the same.
            CheckRecord = checkPayloads ? (in JournalRecordView r) => payloads.Check(r.Type, r.SchemaVersion, r.Payload) : null,
        }));
        var problems = scan.Problems.Concat(scan.RecordCheckProblems).Select(p => new VerifyProblem(p.File, p.Offset, p.Position, p.Reason))
            .OrderBy(p => p.File, StringComparer.Ordinal).ThenBy(p => p.Offset).ToList();
        if (expectedHash is not null && scan.ExpectedHashPosition is null)
        {
            problems.Add(new VerifyProblem(null, null, null, "the pinned hash (--expect-hash) occurs nowhere in the chain: the history it sealed was rewritten or cut off"));
        }

        return new VerifyReport
        {
            Store = store.Describe(),
            Events = scan.Records,
            Segments = scan.Segments,
            Bytes = scan.Bytes,
            Streams = scan.Streams,
            HeadPosition = scan.HeadPosition,
            HeadHash = scan.HeadHash,
            HashKind = "journal-chain",
            TailBytes = scan.TailBytes,
            CheckpointEvents = scan.CheckpointEvents,
            ExpectedHashPosition = scan.ExpectedHashPosition,
            Problems = problems,
        };
    }
}
