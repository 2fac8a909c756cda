namespace TradeFlow.Domain.Serialization;

/// <summary>
/// A cheap, allocation-free check that a stored payload deserializes, for <c>verify</c>: it accepts only payloads in
/// the writer's canonical shape whose every value its converter reads, and each of those the deserializer reads
/// too. It never rejects: false means "not sure — ask the deserializer", so a caller that falls back to
/// <see cref="DomainEventSerializer.Deserialize"/> on false reaches exactly the deserializer's verdict, only faster
/// on the canonical payloads the engine writes. One per current (type name, schema version), derived once from the
/// type's declaration, pinned by a test to the serializer's metadata (or from that metadata itself); retired versions (read through an upcaster) have none. Thread-safe and immutable.
/// </summary>
public sealed class EventPayloadValidator
{
    // Built per type on first use: deriving a shape resolves the type's serializer metadata, which costs start-up
    // time a store holding only a few of the types should not pay for all of them. Found by a scan of fifteen
    // entries, not a frozen dictionary: a caller asks once per type, and building that dictionary over a tuple key
    // compiles its generic code for the key on first use (13 of the first check's perf samples in one run, ~7 ms).
    private static readonly Lazy<EventPayloadValidator?>[] ByIndex =
        [.. CurrentEvents.Types.Select(e => new Lazy<EventPayloadValidator?>(() => Build(e.Type, e.Name, e.SchemaVersion)))];

    private readonly PayloadShape _shape;

    private EventPayloadValidator(string typeName, int schemaVersion, PayloadShape shape)
    {
        TypeName = typeName;
        SchemaVersion = schemaVersion;
        _shape = shape;
    }

    /// <summary>Every (type name, schema version) that has a validator: the current versions of the registry.</summary>
    public static IReadOnlyList<(string Name, int SchemaVersion)> Versions { get; } = [.. CurrentEvents.Types.Select(e => (e.Name, e.SchemaVersion))];

    /// <summary>The event's CLR type, whose serializer metadata the check was derived from.</summary>
    public Type EventType => _shape.ClrType;

    /// <summary>The stable event type name, e.g. "TradeBooked".</summary>
    public string TypeName { get; }

    /// <summary>The schema version it checks.</summary>
    public int SchemaVersion { get; }

    /// <summary>The validator of a stored (name, version), or null when there is none (always ask the deserializer).</summary>
    public static EventPayloadValidator? For(string typeName, int schemaVersion)
    {
        var types = CurrentEvents.Types;
        for (var i = 0; i < types.Count; i++)
        {
            if (types[i].SchemaVersion == schemaVersion && string.Equals(types[i].Name, typeName, StringComparison.Ordinal))
            {
                return ByIndex[i].Value;
            }
        }

        return null;
    }

    /// <summary>
    /// True when <paramref name="utf8"/> certainly deserializes as this type and version; false when this check cannot
    /// tell (the payload may still be valid: only the deserializer says it is not).
    /// </summary>
    public bool Accepts(ReadOnlySpan<byte> utf8) => new PayloadMatcher(utf8).MatchDocument(_shape);

    // From the declaration when it settles the shape (every current event type: a test pins the two derivations
    // together), so a clean store's verify never builds the serializer's metadata; else from that metadata.
    private static EventPayloadValidator? Build(Type type, string name, int version)
    {
        if (DeclaredPayloadShape.From(type) is { } declared)
        {
            return new EventPayloadValidator(name, version, declared);
        }

        var context = DomainJsonContext.Default;
        var info = context.GetTypeInfo(type);
        return info is not null && PayloadShape.From(info, context) is { } shape ? new EventPayloadValidator(name, version, shape) : null;
    }
}
