namespace TradeFlow.EventSourcing;

/// <summary>
/// The result of a multi-stream append, which is all or nothing: either every stream's part was
/// committed (or was already there) in one durable commit, with one <see cref="AppendResult"/> per
/// stream in the caller's order, or the first conflicting stream is reported and nothing was written.
/// </summary>
public readonly struct MultiAppendResult
{
    private MultiAppendResult(bool success, ReadOnlyMemory<AppendResult> results, int conflictIndex, AppendResult conflict, GlobalPosition lastPosition)
    {
        IsSuccess = success;
        Results = results;
        ConflictIndex = conflictIndex;
        Conflict = conflict;
        LastPosition = lastPosition;
    }

    /// <summary>True when every stream's part is in the store.</summary>
    public bool IsSuccess { get; }

    /// <summary>On success, one result per stream append, in the order given; empty on a conflict.</summary>
    public ReadOnlyMemory<AppendResult> Results { get; }

    /// <summary>On a conflict, the index of the first conflicting stream append; -1 on success.</summary>
    public int ConflictIndex { get; }

    /// <summary>On a conflict, that stream's wrong-expected-version result.</summary>
    public AppendResult Conflict { get; }

    /// <summary>On success, the store's head after the commit (the last event written, or the head when nothing new was written).</summary>
    public GlobalPosition LastPosition { get; }

    /// <summary>A success over <paramref name="results"/>.</summary>
    public static MultiAppendResult Success(ReadOnlyMemory<AppendResult> results, GlobalPosition lastPosition) =>
        new(true, results, -1, default, lastPosition);

    /// <summary>A conflict on the append at <paramref name="index"/>; nothing was written.</summary>
    public static MultiAppendResult Failed(int index, AppendResult conflict) =>
        new(false, ReadOnlyMemory<AppendResult>.Empty, index, conflict, GlobalPosition.Start);

    /// <summary>Returns this result on success; throws <see cref="WrongExpectedVersionException"/> for the conflict otherwise.</summary>
    public MultiAppendResult EnsureSuccess()
    {
        if (!IsSuccess)
        {
            Conflict.EnsureSuccess();
        }

        return this;
    }

    /// <inheritdoc />
    public override string ToString() => IsSuccess
        ? $"Success: {Results.Length} stream(s), head {LastPosition}"
        : $"Conflict at append {ConflictIndex}: {Conflict}";
}
