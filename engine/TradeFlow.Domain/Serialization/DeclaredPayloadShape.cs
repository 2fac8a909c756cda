using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TradeFlow.Domain.Serialization;

/// <summary>
/// A record type's <see cref="PayloadShape"/> read from its declaration (public properties in declared order, camelCase
/// names, nullable annotations) instead of from the serializer's metadata: what <see cref="DomainJsonContext"/>'s
/// settings make of a plain positional record, without building that metadata. Building it (the context's options and
/// converters, a property object per member, the generic code for each member type compiled on first use) was ~0.13 s
/// of CPU for the first event type <c>verify</c> met, on the scan's path, and a clean store never needs it. Anything
/// the declaration cannot settle — a System.Text.Json attribute, a base record, a member neither settable nor a
/// constructor parameter, a type outside the domain's assembly — answers null, and the caller derives the shape from
/// the metadata as before. A test pins this derivation to <see cref="PayloadShape.From"/> for every current event
/// type, member by member, so the two cannot drift apart unnoticed.
/// </summary>
internal static class DeclaredPayloadShape
{
    /// <summary>The shape of <paramref name="type"/> as declared, or null when only the serializer's metadata can tell.</summary>
    public static PayloadShape? From(Type type) => From(type, typeof(DeclaredPayloadShape).Assembly);

    /// <summary>
    /// As <see cref="From(Type)"/>, taking the records of <paramref name="owner"/> (the domain's assembly; a test's own
    /// for the cases the domain's records do not exercise).
    /// </summary>
    internal static PayloadShape? From(Type type, Assembly owner)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (!IsPlainRecordClass(type, owner) || type.GetConstructors() is not [var constructor] || HasSerializerAttribute(type) || HasSerializerAttribute(constructor))
        {
            return null;
        }

        var parameters = constructor.GetParameters();
        if (parameters.Any(p => p.IsDefined(typeof(JsonAttribute), true)))
        {
            return null;
        }

        var nullability = new NullabilityInfoContext();
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance);
        var members = new PayloadMember[properties.Length];
        for (var i = 0; i < properties.Length; i++)
        {
            if (Member(properties[i], parameters, nullability, owner) is not { } member)
            {
                return null;
            }

            members[i] = member;
        }

        return new PayloadShape(type, members);
    }

    private static PayloadMember? Member(PropertyInfo property, ParameterInfo[] parameters, NullabilityInfoContext nullability, Assembly owner)
    {
        if (property.GetIndexParameters().Length > 0 || property.GetMethod is not { IsPublic: true } || HasSerializerAttribute(property))
        {
            return null;
        }

        // Bound like the serializer binds it: to the constructor parameter of the same name (ignoring case) and type,
        // else through a public setter; its nullability is that of what the value is written into.
        var parameter = parameters.FirstOrDefault(p => string.Equals(p.Name, property.Name, StringComparison.OrdinalIgnoreCase) && p.ParameterType == property.PropertyType);
        if (parameter is null && property.SetMethod is not { IsPublic: true })
        {
            return null;
        }

        var type = property.PropertyType;
        var underlying = Nullable.GetUnderlyingType(type);
        var written = parameter is null ? nullability.Create(property).WriteState : nullability.Create(parameter).WriteState;
        var optional = underlying is not null || (!type.IsValueType && written != NullabilityState.NotNull);
        var value = PayloadShape.ValueOf(underlying ?? type, nested => From(nested, owner));
        return value is null ? null : new PayloadMember(JsonNamingPolicy.CamelCase.ConvertName(property.Name), optional, value);
    }

    // A sealed, non-generic class of the domain's own (its records), deriving from object alone and not a collection:
    // the only kind whose written members are exactly its public properties.
    private static bool IsPlainRecordClass(Type type, Assembly owner) =>
        type.IsClass && type.IsSealed && !type.IsGenericType && type.BaseType == typeof(object) && type.Assembly == owner
        && !typeof(IEnumerable).IsAssignableFrom(type);

    // Every System.Text.Json attribute that changes how a member is written or bound derives from JsonAttribute;
    // asking whether one is defined instantiates none of them.
    private static bool HasSerializerAttribute(MemberInfo member) => member.IsDefined(typeof(JsonAttribute), true);
}
