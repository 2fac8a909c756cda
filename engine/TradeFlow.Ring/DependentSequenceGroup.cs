using System.Runtime.CompilerServices;

namespace TradeFlow.Ring;

/// <summary>
/// What a consumer waits on: the ring's cursor when it is a first stage, or the sequences of the
/// stages it follows. Its <see cref="Value"/> is the highest sequence the consumer may read up to
/// (before the multi-producer availability check).
/// </summary>
public sealed class DependentSequenceGroup
{
    private readonly Sequence _cursor;
    private readonly Sequence[] _dependents;
    private readonly Sequence[] _source;

    /// <summary>Creates a group over <paramref name="cursor"/> and the upstream <paramref name="dependents"/>.</summary>
    public DependentSequenceGroup(Sequence cursor, params Sequence[] dependents)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        ArgumentNullException.ThrowIfNull(dependents);
        _cursor = cursor;
        _source = dependents;
        _dependents = (Sequence[])dependents.Clone();
    }

    /// <summary>True if this group was built over exactly <paramref name="sequences"/> (a snapshot array).</summary>
    internal bool IsOver(Sequence[] sequences) => ReferenceEquals(_source, sequences);

    /// <summary>The ring's cursor (the highest claimed sequence on a multi-producer ring).</summary>
    public long CursorValue => _cursor.Value;

    /// <summary>How many upstream stages the consumer follows (0 for a first stage).</summary>
    public int DependentCount => _dependents.Length;

    /// <summary>
    /// The lowest of the upstream sequences, or the cursor if there are none. An upstream stage only
    /// advances over published events, so this never passes the cursor.
    /// </summary>
    public long Value
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            var dependents = _dependents;
            return dependents.Length switch
            {
                0 => _cursor.Value,
                1 => dependents[0].Value,
                _ => SequenceMath.Minimum(dependents, long.MaxValue),
            };
        }
    }
}
