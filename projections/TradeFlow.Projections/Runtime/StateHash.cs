using System.Security.Cryptography;

namespace TradeFlow.Projections.Runtime;

/// <summary>The deterministic SHA-256 of a projection's canonical state, so two replays (or live and rebuild) can be compared.</summary>
public static class StateHash
{
    /// <summary>Lower-case hex SHA-256 of <see cref="IProjection.SerializeState"/>, streamed through <see cref="IProjection.WriteState"/>.</summary>
    public static string Of(IProjection projection)
    {
        ArgumentNullException.ThrowIfNull(projection);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using (var sink = new HashingStream(hash))
        {
            projection.WriteState(sink);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Lower-case hex SHA-256 of canonical state bytes.</summary>
    public static string OfBytes(ReadOnlySpan<byte> state) => Convert.ToHexStringLower(SHA256.HashData(state));
}
