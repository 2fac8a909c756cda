namespace TradeFlow.Journal.Integrity;

/// <summary>What a full integrity scan of the journal found (see <see cref="JournalIntegrityScanner"/>).</summary>
public sealed record JournalScanReport
{
    /// <summary>Segment files scanned.</summary>
    public int Segments { get; init; }

    /// <summary>Records read (whether or not they passed every check).</summary>
    public long Records { get; init; }

    /// <summary>Bytes of segment files read, headers included.</summary>
    public long Bytes { get; init; }

    /// <summary>Distinct streams seen.</summary>
    public long Streams { get; init; }

    /// <summary>The global position of the last record of the last complete commit.</summary>
    public long HeadPosition { get; init; }

    /// <summary>The chain hash of that record (lower-case hex; 64 zeros for an empty journal): what an auditor pins.</summary>
    public string HeadHash { get; init; } = new('0', 64);

    /// <summary>
    /// Bytes at the end of the last segment after its last complete commit: a commit a live writer is still
    /// writing, or a torn write the writer drops on its next open. Reported, not counted as a problem.
    /// </summary>
    public long TailBytes { get; init; }

    /// <summary>Events the index checkpoint (<c>index.tfi</c>) covered at the writer's last clean close, or null without one.</summary>
    public long? CheckpointEvents { get; init; }

    /// <summary>Where the pinned hash of <see cref="JournalScanOptions.ExpectedHash"/> was found, or null.</summary>
    public long? ExpectedHashPosition { get; init; }

    /// <summary>Every problem, in file order.</summary>
    public IReadOnlyList<JournalProblem> Problems { get; init; } = [];

    /// <summary>
    /// What <see cref="JournalScanOptions.CheckRecord"/> found, in file order, each with the record's file, offset and
    /// position; kept apart from <see cref="Problems"/> so the caller decides how to list the two together.
    /// </summary>
    public IReadOnlyList<JournalProblem> RecordCheckProblems { get; init; } = [];

    /// <summary>True when no problem was found (by the scan or by the record check).</summary>
    public bool IsClean => Problems.Count == 0 && RecordCheckProblems.Count == 0;
}
