using System.Collections.Immutable;
using System.Text;
using System.Text.Json.Serialization.Metadata;

namespace TradeFlow.Domain.Serialization;

/// <summary>
/// The canonical JSON of one record type, derived once from the serializer's own metadata
/// (<see cref="JsonTypeInfo.Properties"/>: written names, order, CLR types, nullability): every member in the order
/// the writer writes it, the nullable ones optional. A type with anything this does not model (a custom converter on
/// a member, a member type with no known check) has no shape, and its payloads are left to the deserializer.
/// </summary>
internal sealed class PayloadShape
{
    internal PayloadShape(Type clrType, PayloadMember[] members)
    {
        ClrType = clrType;
        Members = members;
    }

    /// <summary>The record type.</summary>
    public Type ClrType { get; }

    /// <summary>The members, in written order.</summary>
    public PayloadMember[] Members { get; }

    /// <summary>The shape of <paramref name="info"/>'s type, or null when it cannot be modelled exactly.</summary>
    public static PayloadShape? From(JsonTypeInfo info, IJsonTypeInfoResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(info);
        if (info.Kind != JsonTypeInfoKind.Object || info.Type.IsValueType)
        {
            return null;
        }

        var members = new List<PayloadMember>(info.Properties.Count);
        foreach (var property in info.Properties.OrderBy(p => p.Order))
        {
            if (property.CustomConverter is not null || property.IsExtensionData || property.Set is null && property.AssociatedParameter is null)
            {
                return null;
            }

            var underlying = Nullable.GetUnderlyingType(property.PropertyType);
            var optional = underlying is not null || (!property.PropertyType.IsValueType && property.IsSetNullable);
            var value = ValueOf(underlying ?? property.PropertyType, nested => resolver.GetTypeInfo(nested, info.Options) is { } nestedInfo ? From(nestedInfo, resolver) : null);
            if (value is null)
            {
                return null;
            }

            members.Add(new PayloadMember(property.Name, optional, value));
        }

        return new PayloadShape(info.Type, [.. members]);
    }

    /// <summary>
    /// How a member of <paramref name="type"/> is checked, or null when it cannot be modelled; a record-typed member
    /// through <paramref name="nested"/> (the same derivation applied to that type).
    /// </summary>
    internal static PayloadValue? ValueOf(Type type, Func<Type, PayloadShape?> nested)
    {
        if (type == typeof(string))
        {
            return new PayloadValue(PayloadValueKind.Text, type);
        }

        if (type == typeof(int))
        {
            return new PayloadValue(PayloadValueKind.Int32, type);
        }

        if (type == typeof(DateTimeOffset))
        {
            return new PayloadValue(PayloadValueKind.Time, type);
        }

        if (type.IsEnum && !type.IsDefined(typeof(FlagsAttribute), false))
        {
            return new PayloadValue(PayloadValueKind.Enum, type) { EnumNames = [.. Enum.GetNames(type).Select(Encoding.UTF8.GetBytes)] };
        }

        if (DomainValueTexts.Of(type) is var domain && domain != DomainValueText.None)
        {
            return new PayloadValue(PayloadValueKind.DomainValue, type) { Domain = domain };
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ImmutableArray<>))
        {
            var element = type.GetGenericArguments()[0];
            var elementValue = Nullable.GetUnderlyingType(element) is null ? ValueOf(element, nested) : null;
            return elementValue is null ? null : new PayloadValue(PayloadValueKind.Array, type) { Element = elementValue };
        }

        return nested(type) is { } shape ? new PayloadValue(PayloadValueKind.Object, type) { Shape = shape } : null;
    }
}
