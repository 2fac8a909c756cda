namespace TradeFlow.Fix.Codec;

/// <summary>One instance of a repeating group in a parsed message: a view, no copies.</summary>
public readonly struct FixGroup : IEquatable<FixGroup>
{
    private readonly FixMessage? _message;
    private readonly GroupSpec? _spec;
    private readonly int _firstEntry;
    private readonly int _end;

    internal FixGroup(FixMessage message, GroupSpec spec, int firstEntry, int count, int end)
    {
        _message = message;
        _spec = spec;
        _firstEntry = firstEntry;
        _end = end;
        Count = count;
    }

    /// <summary>The number of entries (the NumInGroup value, which matched the entries found).</summary>
    public int Count { get; }

    /// <summary>Entry <paramref name="i"/>, in wire order (walks the entries before it: groups are short).</summary>
    public FixGroupEntry this[int i]
    {
        get
        {
            if ((uint)i >= (uint)Count || _message is null || _spec is null)
            {
                ThrowHelper.ArgumentOutOfRange(nameof(i), "No group entry at this index.");
            }

            var start = GroupReader.EntryStart(_message, _spec, _firstEntry, i, _end);
            return new FixGroupEntry(_message, _spec, start, GroupReader.EntryEnd(_message, _spec, start, _end));
        }
    }

    /// <inheritdoc/>
    public bool Equals(FixGroup other) => ReferenceEquals(_message, other._message) && ReferenceEquals(_spec, other._spec)
        && _firstEntry == other._firstEntry && _end == other._end && Count == other.Count;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is FixGroup other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_message, _spec, _firstEntry, _end, Count);

    /// <summary>Whether two views denote the same group instance.</summary>
    public static bool operator ==(FixGroup left, FixGroup right) => left.Equals(right);

    /// <summary>Whether two views denote different group instances.</summary>
    public static bool operator !=(FixGroup left, FixGroup right) => !left.Equals(right);
}
