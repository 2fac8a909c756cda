using System.Text;

namespace TradeFlow.Fix.Dictionary;

/// <summary>A field of the dictionary's <c>&lt;fields&gt;</c>: number, name, type and allowed values.</summary>
public sealed class FieldDefinition
{
    private readonly byte[][] _enumBytes;

    internal FieldDefinition(int tag, string name, FieldType type, IReadOnlyList<string> enumValues)
    {
        Tag = tag;
        Name = name;
        Type = type;
        EnumValues = enumValues;
        _enumBytes = [.. enumValues.Select(Encoding.UTF8.GetBytes)];
    }

    /// <summary>The tag number.</summary>
    public int Tag { get; }

    /// <summary>The field's name (e.g. <c>ClOrdID</c>).</summary>
    public string Name { get; }

    /// <summary>The field's data type.</summary>
    public FieldType Type { get; }

    /// <summary>The allowed values (<c>&lt;value enum=&gt;</c>); empty when any well-formed value is allowed.</summary>
    public IReadOnlyList<string> EnumValues { get; }

    /// <summary>Whether <paramref name="value"/> is allowed: always when there is no enum, else one of the values (each item for multi-value types).</summary>
    public bool IsAllowedValue(ReadOnlySpan<byte> value)
    {
        if (_enumBytes.Length == 0)
        {
            return true;
        }

        if (!FieldTypes.IsMultipleValue(Type))
        {
            return IsEnumValue(value);
        }

        foreach (var range in value.Split((byte)' '))
        {
            if (!IsEnumValue(value[range]))
            {
                return false;
            }
        }

        return true;
    }

    private bool IsEnumValue(ReadOnlySpan<byte> value)
    {
        foreach (var allowed in _enumBytes)
        {
            if (value.SequenceEqual(allowed))
            {
                return true;
            }
        }

        return false;
    }
}
