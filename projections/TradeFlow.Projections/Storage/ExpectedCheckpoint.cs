using TradeFlow.EventSourcing;

namespace TradeFlow.Projections.Storage;

/// <summary>
/// What a saver believes is stored now: nothing, or a (version, checkpoint). A save succeeds only when
/// the belief holds, so two runners that loaded the same checkpoint cannot both advance it — the second
/// sees a conflict (the same rule as a PostgreSQL <c>UPDATE … WHERE version = @v AND position = @p</c>).
/// </summary>
public readonly record struct ExpectedCheckpoint
{
    private ExpectedCheckpoint(bool exists, int version, GlobalPosition position)
    {
        Exists = exists;
        Version = version;
        Position = position;
    }

    /// <summary>Nothing is saved yet.</summary>
    public static ExpectedCheckpoint None => default;

    /// <summary>A state of <paramref name="version"/> at <paramref name="position"/> is saved.</summary>
    public static ExpectedCheckpoint At(int version, GlobalPosition position) => new(true, version, position);

    /// <summary>True when a state is expected to exist.</summary>
    public bool Exists { get; }

    /// <summary>The expected saved version.</summary>
    public int Version { get; }

    /// <summary>The expected saved checkpoint.</summary>
    public GlobalPosition Position { get; }

    /// <inheritdoc />
    public override string ToString() => Exists ? $"v{Version}@{Position}" : "none";
}
