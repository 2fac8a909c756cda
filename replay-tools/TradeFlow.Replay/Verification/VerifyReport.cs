namespace TradeFlow.Replay.Verification;

/// <summary>What <c>verify</c> found: counts, the head an auditor pins, and every problem.</summary>
public sealed record VerifyReport
{
    /// <summary>The store, as described to the user.</summary>
    public required string Store { get; init; }

    /// <summary>Events read.</summary>
    public long Events { get; init; }

    /// <summary>Segment files (journal only).</summary>
    public int? Segments { get; init; }

    /// <summary>Bytes read (journal only).</summary>
    public long? Bytes { get; init; }

    /// <summary>Distinct streams.</summary>
    public long Streams { get; init; }

    /// <summary>The last committed global position.</summary>
    public long HeadPosition { get; init; }

    /// <summary>The head hash: the journal's SHA-256 chain hash of the last record; for PostgreSQL, a SHA-256 over every envelope in order.</summary>
    public required string HeadHash { get; init; }

    /// <summary>"journal-chain" or "content": which of the two <see cref="HeadHash"/> is.</summary>
    public required string HashKind { get; init; }

    /// <summary>Uncommitted bytes at the end of the journal (a commit being written by a live engine), not a problem.</summary>
    public long TailBytes { get; init; }

    /// <summary>Events covered by the journal's index checkpoint, when it has one.</summary>
    public long? CheckpointEvents { get; init; }

    /// <summary>Where the hash given with <c>--expect-hash</c> was found.</summary>
    public long? ExpectedHashPosition { get; init; }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<VerifyProblem> Problems { get; init; } = [];

    /// <summary>True when nothing is wrong.</summary>
    public bool Clean => Problems.Count == 0;
}
