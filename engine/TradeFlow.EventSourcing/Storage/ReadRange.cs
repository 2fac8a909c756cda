namespace TradeFlow.EventSourcing.Storage;

/// <summary>
/// The slice of a sequence (a stream's versions, or global positions) that a read covers: shared by the
/// backends so that "from", direction and max count mean the same everywhere.
/// </summary>
/// <param name="First">The first index to deliver.</param>
/// <param name="Count">How many to deliver.</param>
/// <param name="Step">+1 forwards, -1 backwards.</param>
public readonly record struct ReadRange(long First, long Count, int Step)
{
    /// <summary>The empty read.</summary>
    public static ReadRange Empty => new(0, 0, 1);

    /// <summary>
    /// The range over indexes <c>[lowest, lowest + length)</c> starting at <paramref name="from"/> (inclusive,
    /// clamped to the last index when reading backwards from beyond it), at most <paramref name="maxCount"/>.
    /// </summary>
    public static ReadRange Of(long lowest, long length, long from, Direction direction, long maxCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        var last = lowest + length - 1;
        if (length <= 0 || maxCount == 0)
        {
            return Empty;
        }

        if (direction == Direction.Forwards)
        {
            var first = Math.Max(from, lowest);
            return first > last ? Empty : new ReadRange(first, Math.Min(last - first + 1, maxCount), 1);
        }

        var start = Math.Min(from, last);
        return start < lowest ? Empty : new ReadRange(start, Math.Min(start - lowest + 1, maxCount), -1);
    }
}
