namespace TradeFlow.Journal.Integrity;

/// <summary>One integrity problem a full scan found: the file, the byte offset, the position when known, and what failed.</summary>
/// <param name="File">The segment (or checkpoint) file.</param>
/// <param name="Offset">The byte offset in that file where the damaged record or header starts.</param>
/// <param name="Position">The global position of the record, when its body could be read; otherwise null.</param>
/// <param name="Reason">What check failed, in a sentence.</param>
public sealed record JournalProblem(string File, long Offset, long? Position, string Reason)
{
    /// <inheritdoc />
    public override string ToString() => Position is { } p
        ? $"{Path.GetFileName(File)} @ {Offset} (position {p}): {Reason}"
        : $"{Path.GetFileName(File)} @ {Offset}: {Reason}";
}
