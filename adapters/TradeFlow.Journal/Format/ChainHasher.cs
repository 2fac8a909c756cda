using System.Security.Cryptography;

namespace TradeFlow.Journal.Format;

/// <summary>
/// The hash chain: each record's hash is SHA-256(previous hash ‖ record body). A cryptographic hash
/// (not a CRC or a fast keyed hash) because the chain is tamper evidence: whoever edits a payload and
/// recomputes its CRC must also find a body with the same SHA-256, or rewrite every later hash — and the
/// last hash is what an auditor pins (checkpoint, export). SHA-NI makes this cheap; one reused
/// <see cref="IncrementalHash"/> keeps it allocation-free.
/// </summary>
internal sealed class ChainHasher : IDisposable
{
    private readonly IncrementalHash _sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    /// <summary>Writes SHA-256(<paramref name="previous"/> ‖ <paramref name="body"/>) to <paramref name="destination"/>.</summary>
    public void Chain(ReadOnlySpan<byte> previous, ReadOnlySpan<byte> body, Span<byte> destination)
    {
        _sha.AppendData(previous);
        _sha.AppendData(body);
        _sha.GetHashAndReset(destination);
    }

    public void Dispose() => _sha.Dispose();
}
