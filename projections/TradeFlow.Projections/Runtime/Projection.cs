using System.Text.Json;
using TradeFlow.Projections.Runtime.StateJson;

namespace TradeFlow.Projections.Runtime;

/// <summary>
/// Base of the built-in projections: the state is captured as a document of sorted rows, serialized
/// with <see cref="ProjectionJson.Options"/>; restoring rebuilds the in-memory indexes from the rows.
/// </summary>
/// <typeparam name="TDocument">The state document (rows sorted by the projection).</typeparam>
public abstract class Projection<TDocument> : IProjection
    where TDocument : class
{
    /// <inheritdoc />
    public abstract string Name { get; }

    /// <inheritdoc />
    public abstract int Version { get; }

    /// <inheritdoc />
    public abstract void Apply(in ProjectionEvent e);

    /// <inheritdoc />
    public abstract void Reset();

    /// <inheritdoc />
    public byte[] SerializeState()
    {
        using var buffer = new MemoryStream();
        WriteState(buffer);
        return buffer.ToArray();
    }

    /// <inheritdoc />
    /// <remarks>
    /// The serializer flushes to <paramref name="output"/> every few kilobytes: the bytes are never held whole. The rows
    /// every trade contributes are written by hand (<see cref="ProjectionStateJson.WriteOptions"/>): the same bytes as
    /// <see cref="ProjectionJson.Options"/> writes, without the serializer's generic walk of each row.
    /// </remarks>
    public virtual void WriteState(Stream output) => JsonSerializer.Serialize(output, Capture(), ProjectionStateJson.WriteOptions);

    /// <summary>The captured document as the serializer alone writes it under <see cref="ProjectionJson.Options"/> (tests: the reference bytes).</summary>
    internal byte[] SerializeWithReadOptions() => JsonSerializer.SerializeToUtf8Bytes(Capture(), ProjectionJson.Options);

    /// <inheritdoc />
    public void RestoreState(ReadOnlySpan<byte> state)
    {
        var document = JsonSerializer.Deserialize<TDocument>(state, ProjectionJson.Options)
                       ?? throw new JsonException($"Projection {Name}: the saved state is empty.");
        Reset();
        Restore(document);
    }

    /// <summary>The state as a document with every collection in a fixed order.</summary>
    protected abstract TDocument Capture();

    /// <summary>Loads a document produced by <see cref="Capture"/> into a reset projection.</summary>
    protected abstract void Restore(TDocument document);
}
