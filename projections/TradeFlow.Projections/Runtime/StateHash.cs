using System.Security.Cryptography;

namespace TradeFlow.Projections.Runtime;

/// <summary>The deterministic SHA-256 of a projection's canonical state, so two replays (or live and rebuild) can be compared.</summary>
public static class StateHash
{
    /// <summary>Lower-case hex SHA-256 of <see cref="IProjection.SerializeState"/>.</summary>
    public static string Of(IProjection projection)
    {
        ArgumentNullException.ThrowIfNull(projection);
        return OfBytes(projection.SerializeState());
    }

    /// <summary>Lower-case hex SHA-256 of canonical state bytes.</summary>
    public static string OfBytes(ReadOnlySpan<byte> state) => Convert.ToHexStringLower(SHA256.HashData(state));
}
