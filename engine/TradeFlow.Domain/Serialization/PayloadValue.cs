namespace TradeFlow.Domain.Serialization;

/// <summary>How one value is checked: its kind and, by kind, the enum's names, the nested shape, the array's element or the domain parser.</summary>
internal sealed class PayloadValue
{
    public PayloadValue(PayloadValueKind kind, Type clrType)
    {
        Kind = kind;
        ClrType = clrType;
    }

    /// <summary>What the value is.</summary>
    public PayloadValueKind Kind { get; }

    /// <summary>The member's CLR type (for messages and tests).</summary>
    public Type ClrType { get; }

    /// <summary>The enum's declared names in UTF-8 (<see cref="PayloadValueKind.Enum"/>).</summary>
    public byte[][] EnumNames { get; init; } = [];

    /// <summary>The nested record (<see cref="PayloadValueKind.Object"/>).</summary>
    public PayloadShape? Shape { get; init; }

    /// <summary>The element (<see cref="PayloadValueKind.Array"/>).</summary>
    public PayloadValue? Element { get; init; }

    /// <summary>Which domain value (<see cref="PayloadValueKind.DomainValue"/>).</summary>
    public DomainValueText Domain { get; init; }
}
