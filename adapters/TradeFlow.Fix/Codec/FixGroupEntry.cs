namespace TradeFlow.Fix.Codec;

/// <summary>One entry of a repeating group: the fields from its delimiter up to the next entry.</summary>
public readonly struct FixGroupEntry : IEquatable<FixGroupEntry>
{
    private readonly FixMessage _message;
    private readonly GroupSpec _spec;
    private readonly int _start;
    private readonly int _end;

    internal FixGroupEntry(FixMessage message, GroupSpec spec, int start, int end)
    {
        _message = message;
        _spec = spec;
        _start = start;
        _end = end;
    }

    /// <summary>The index of the entry's first field (its delimiter) in the message.</summary>
    public int FirstFieldIndex => _start;

    /// <summary>The number of fields in the entry, nested groups included.</summary>
    public int FieldCount => _end - _start;

    /// <summary>The value of the first field <paramref name="tag"/> in this entry; false when absent.</summary>
    public bool TryGetValue(int tag, out ReadOnlySpan<byte> value)
    {
        var index = _message is null ? -1 : _message.IndexOf(tag, _start, _end);
        value = index < 0 ? default : _message!.ValueAt(index);
        return index >= 0;
    }

    /// <summary>The field <paramref name="tag"/> in this entry as an int.</summary>
    public bool TryGetInt(int tag, out int value)
    {
        value = 0;
        return TryGetValue(tag, out var bytes) && FixValues.TryParseInt(bytes, out value);
    }

    /// <summary>The field <paramref name="tag"/> in this entry as a decimal.</summary>
    public bool TryGetDecimal(int tag, out decimal value)
    {
        value = 0;
        return TryGetValue(tag, out var bytes) && FixValues.TryParseDecimal(bytes, out value);
    }

    /// <summary>The field <paramref name="tag"/> in this entry as a single character.</summary>
    public bool TryGetChar(int tag, out char value)
    {
        value = default;
        return TryGetValue(tag, out var bytes) && FixValues.TryParseChar(bytes, out value);
    }

    /// <summary>The field <paramref name="tag"/> in this entry as a string (allocates), or null.</summary>
    public string? GetString(int tag) => TryGetValue(tag, out var bytes) ? FixAscii.ToString(bytes) : null;

    /// <summary>A group nested in this entry (e.g. NoPartyIDs inside a NoSides entry).</summary>
    public bool TryGetGroup(GroupSpec spec, out FixGroup group)
    {
        ArgumentNullException.ThrowIfNull(spec);
        group = default;
        return _message is not null && _message.TryGetGroup(spec, _start, _end, out group);
    }

    /// <inheritdoc/>
    public bool Equals(FixGroupEntry other) =>
        ReferenceEquals(_message, other._message) && _start == other._start && _end == other._end;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is FixGroupEntry other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_message, _start, _end);

    /// <summary>Whether two views denote the same entry.</summary>
    public static bool operator ==(FixGroupEntry left, FixGroupEntry right) => left.Equals(right);

    /// <summary>Whether two views denote different entries.</summary>
    public static bool operator !=(FixGroupEntry left, FixGroupEntry right) => !left.Equals(right);
}
