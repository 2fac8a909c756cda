using TradeFlow.Projections.Runtime;

namespace TradeFlow.Projections.Tests.Support;

/// <summary>A real projection presented under another version, to simulate a change of the fold's rules.</summary>
public sealed class VersionedProjection(IProjection inner, int version) : IProjection
{
    public string Name => inner.Name;

    public int Version => version;

    public int Applied { get; private set; }

    public void Apply(in ProjectionEvent e)
    {
        Applied++;
        inner.Apply(e);
    }

    public void Reset()
    {
        Applied = 0;
        inner.Reset();
    }

    public byte[] SerializeState() => inner.SerializeState();

    public void RestoreState(ReadOnlySpan<byte> state) => inner.RestoreState(state);
}
