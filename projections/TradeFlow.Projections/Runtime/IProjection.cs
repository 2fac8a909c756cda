namespace TradeFlow.Projections.Runtime;

/// <summary>
/// A fold over the trade event stream with a name and a version. The runner owns the checkpoint;
/// the projection owns its state and its canonical serialization, which is both what is saved
/// with the checkpoint and what the SHA-256 state hash is computed over.
/// </summary>
public interface IProjection
{
    /// <summary>A stable name, used as the checkpoint key (lower case, digits and '-').</summary>
    string Name { get; }

    /// <summary>Bumped whenever the fold's rules change: a saved state of another version is rebuilt, never resumed.</summary>
    int Version { get; }

    /// <summary>Folds one event. Events arrive in global order; an event a projection cannot place is ignored, never thrown.</summary>
    void Apply(in ProjectionEvent e);

    /// <summary>Forgets everything (before a rebuild).</summary>
    void Reset();

    /// <summary>The state in its canonical form: UTF-8 JSON, keys and rows in a fixed order, so equal states give equal bytes.</summary>
    byte[] SerializeState();

    /// <summary>
    /// Writes the bytes of <see cref="SerializeState"/> to <paramref name="output"/> as they are produced, so the state
    /// hash can stream a large state instead of holding it as one array (the default does hold it).
    /// </summary>
    void WriteState(Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Write(SerializeState());
    }

    /// <summary>Replaces the state with one produced by <see cref="SerializeState"/> of the same version.</summary>
    void RestoreState(ReadOnlySpan<byte> state);
}
