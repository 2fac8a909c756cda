namespace TradeFlow.Domain.Serialization;

/// <summary>A stored event's (type name, schema version) has no reader: a newer writer, or a corrupt record.</summary>
public sealed class UnknownEventTypeException : Exception
{
    /// <summary>Creates the exception for a type name and version.</summary>
    public UnknownEventTypeException(string typeName, int schemaVersion)
        : base($"No reader for event type {typeName}.v{schemaVersion}; known: " +
            string.Join(", ", DomainEventRegistry.ReadableVersions.Select(v => $"{v.Name}.v{v.SchemaVersion}")))
    {
        TypeName = typeName;
        SchemaVersion = schemaVersion;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public UnknownEventTypeException()
    {
        TypeName = string.Empty;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public UnknownEventTypeException(string message)
        : base(message)
    {
        TypeName = string.Empty;
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public UnknownEventTypeException(string message, Exception innerException)
        : base(message, innerException)
    {
        TypeName = string.Empty;
    }

    /// <summary>The stored type name.</summary>
    public string TypeName { get; }

    /// <summary>The stored schema version.</summary>
    public int SchemaVersion { get; }
}
