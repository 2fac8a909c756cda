using System.Text;
using TradeFlow.Projections.Runtime;

namespace TradeFlow.Replay.Tests.Support;

/// <summary>
/// A deliberately non-deterministic projection: from <see cref="FromPosition"/> on, its state takes a fresh GUID,
/// so two folds of the same history differ there (what <c>determinism</c> must catch and locate).
/// </summary>
internal sealed class FlakyProjection : IProjection
{
    public const long FromPosition = 25;
    private long _events;
    private string _salt = string.Empty;

    public string Name => "flaky";

    public int Version => 1;

    public void Apply(in ProjectionEvent e)
    {
        _events++;
        if (e.Position.Value == FromPosition)
        {
            _salt = Guid.NewGuid().ToString();
        }
    }

    public void Reset() => (_events, _salt) = (0, string.Empty);

    public byte[] SerializeState() => Encoding.UTF8.GetBytes($"{{\"events\":{_events},\"salt\":\"{_salt}\"}}");

    public void RestoreState(ReadOnlySpan<byte> state) => throw new NotSupportedException();
}
