using System.Text.Json;
using TradeFlow.Projections.Runtime;

namespace TradeFlow.Projections.Tests.Support;

/// <summary>
/// Remembers how many times each global position was applied (its state, so a restart keeps the record): proves a
/// feed neither skips nor double-applies an event.
/// </summary>
public sealed class CountingProjection : IProjection
{
    private SortedDictionary<long, int> _applied = [];

    public string Name => "counting";

    public int Version => 1;

    public IReadOnlyDictionary<long, int> Applied => _applied;

    public void Apply(in ProjectionEvent e) => _applied[e.Position.Value] = _applied.GetValueOrDefault(e.Position.Value) + 1;

    public void Reset() => _applied = [];

    public byte[] SerializeState() => JsonSerializer.SerializeToUtf8Bytes(_applied);

    public void RestoreState(ReadOnlySpan<byte> state) =>
        _applied = JsonSerializer.Deserialize<SortedDictionary<long, int>>(state) ?? [];
}
