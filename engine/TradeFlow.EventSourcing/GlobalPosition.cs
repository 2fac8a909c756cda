using System.Globalization;

namespace TradeFlow.EventSourcing;

/// <summary>
/// An event's place in the store's single global order. Positions are 1-based and dense: the first
/// event ever committed is at 1, so <see cref="Start"/> (0) means "before everything" and is the
/// head of an empty store. Reads and subscriptions take a position that is <em>inclusive</em>;
/// a projection that has processed up to its checkpoint <c>p</c> resumes from <c>p.Next</c>.
/// </summary>
public readonly struct GlobalPosition : IEquatable<GlobalPosition>, IComparable<GlobalPosition>
{
    private readonly long _value;

    private GlobalPosition(long value) => _value = value;

    /// <summary>Before the first event: reading or subscribing from here delivers everything.</summary>
    public static GlobalPosition Start => default;

    /// <summary>
    /// After the last event, whatever it is: reading backwards from here starts at the head;
    /// subscribing from here delivers only events committed after the subscription began.
    /// </summary>
    public static GlobalPosition End => new(long.MaxValue);

    /// <summary>The position with the given value (0 = <see cref="Start"/>, 1 = the first event).</summary>
    public static GlobalPosition FromInt64(long value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        return new GlobalPosition(value);
    }

    /// <summary>The numeric value: 0 for <see cref="Start"/>, n for the n-th event committed.</summary>
    public long Value => _value;

    /// <summary>The position right after this one (saturating at <see cref="End"/>).</summary>
    public GlobalPosition Next => _value == long.MaxValue ? this : new GlobalPosition(_value + 1);

    /// <summary>True for <see cref="End"/>.</summary>
    public bool IsEnd => _value == long.MaxValue;

    /// <inheritdoc />
    public bool Equals(GlobalPosition other) => _value == other._value;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is GlobalPosition other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _value.GetHashCode();

    /// <inheritdoc />
    public int CompareTo(GlobalPosition other) => _value.CompareTo(other._value);

    /// <summary>Equality.</summary>
    public static bool operator ==(GlobalPosition left, GlobalPosition right) => left._value == right._value;

    /// <summary>Inequality.</summary>
    public static bool operator !=(GlobalPosition left, GlobalPosition right) => left._value != right._value;

    /// <summary>Order.</summary>
    public static bool operator <(GlobalPosition left, GlobalPosition right) => left._value < right._value;

    /// <summary>Order.</summary>
    public static bool operator >(GlobalPosition left, GlobalPosition right) => left._value > right._value;

    /// <summary>Order.</summary>
    public static bool operator <=(GlobalPosition left, GlobalPosition right) => left._value <= right._value;

    /// <summary>Order.</summary>
    public static bool operator >=(GlobalPosition left, GlobalPosition right) => left._value >= right._value;

    /// <inheritdoc />
    public override string ToString() => IsEnd ? "End" : _value.ToString(CultureInfo.InvariantCulture);
}
