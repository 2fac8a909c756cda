using System.Globalization;

namespace TradeFlow.EventSourcing;

/// <summary>
/// What the caller believes a stream's version to be when it appends, after EventStoreDB's
/// <c>StreamState</c>: <see cref="NoStream"/>, <see cref="Any"/>, <see cref="Exists"/> or an exact
/// version (<see cref="At"/>). Stream versions are 0-based: a stream's first event is version 0.
/// </summary>
public readonly struct ExpectedVersion : IEquatable<ExpectedVersion>
{
    private const long NoStreamValue = -1;
    private const long AnyValue = -2;
    private const long ExistsValue = -4;

    // One private field; the negative sentinels are EventStoreDB's wire values.
    private readonly long _value;

    private ExpectedVersion(long value) => _value = value;

    /// <summary>The stream must not exist yet (no event has been appended to it).</summary>
    public static ExpectedVersion NoStream => new(NoStreamValue);

    /// <summary>No concurrency check: append whatever the stream's version is.</summary>
    public static ExpectedVersion Any => new(AnyValue);

    /// <summary>The stream must exist (hold at least one event), at any version.</summary>
    public static ExpectedVersion Exists => new(ExistsValue);

    /// <summary>The stream's last event must be exactly <paramref name="version"/> (0-based).</summary>
    public static ExpectedVersion At(long version)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(version);
        return new ExpectedVersion(version);
    }

    /// <summary>True for <see cref="Any"/>.</summary>
    public bool IsAny => _value == AnyValue;

    /// <summary>True for <see cref="NoStream"/>.</summary>
    public bool IsNoStream => _value == NoStreamValue;

    /// <summary>True for <see cref="Exists"/>.</summary>
    public bool IsExists => _value == ExistsValue;

    /// <summary>
    /// True when the expectation names a place in the stream (<see cref="At"/> or <see cref="NoStream"/>),
    /// which is what makes an idempotent retry recognisable anywhere in the stream's history.
    /// </summary>
    public bool IsPositional => _value >= NoStreamValue;

    /// <summary>
    /// The version the stream's last event must have: the exact version for <see cref="At"/>,
    /// -1 for <see cref="NoStream"/>; meaningless for <see cref="Any"/> and <see cref="Exists"/>.
    /// </summary>
    public long Version => _value;

    /// <summary>True when a stream whose last event is <paramref name="currentVersion"/> (-1: no stream) meets this expectation.</summary>
    public bool IsSatisfiedBy(long currentVersion) => _value switch
    {
        AnyValue => true,
        ExistsValue => currentVersion >= 0,
        _ => currentVersion == _value,
    };

    /// <inheritdoc />
    public bool Equals(ExpectedVersion other) => _value == other._value;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ExpectedVersion other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _value.GetHashCode();

    /// <summary>Equality of two expectations.</summary>
    public static bool operator ==(ExpectedVersion left, ExpectedVersion right) => left.Equals(right);

    /// <summary>Inequality of two expectations.</summary>
    public static bool operator !=(ExpectedVersion left, ExpectedVersion right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString() => _value switch
    {
        NoStreamValue => "NoStream",
        AnyValue => "Any",
        ExistsValue => "Exists",
        _ => _value.ToString(CultureInfo.InvariantCulture),
    };
}
