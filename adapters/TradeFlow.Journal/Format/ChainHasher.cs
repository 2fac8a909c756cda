using System.Security.Cryptography;

namespace TradeFlow.Journal.Format;

/// <summary>
/// The hash chain: each record's hash is SHA-256(previous hash ‖ record body). A cryptographic hash
/// (not a CRC or a fast keyed hash) because the chain is tamper evidence: whoever edits a payload and
/// recomputes its CRC must also find a body with the same SHA-256, or rewrite every later hash — and the
/// last hash is what an auditor pins (checkpoint, export). The two parts are copied into one reused
/// scratch buffer so that each record costs a single one-shot <see cref="SHA256.HashData(ReadOnlySpan{byte}, Span{byte})"/>
/// call (SHA-NI, no allocation) rather than three incremental-hash calls.
/// </summary>
internal sealed class ChainHasher : IDisposable
{
    private byte[] _scratch = new byte[4096];

    /// <summary>Writes SHA-256(<paramref name="previous"/> ‖ <paramref name="body"/>) to <paramref name="destination"/>.</summary>
    public void Chain(ReadOnlySpan<byte> previous, ReadOnlySpan<byte> body, Span<byte> destination)
    {
        var length = previous.Length + body.Length;
        if (length > _scratch.Length)
        {
            _scratch = new byte[Math.Max(length, _scratch.Length * 2)];
        }

        previous.CopyTo(_scratch);
        body.CopyTo(_scratch.AsSpan(previous.Length));
        SHA256.HashData(_scratch.AsSpan(0, length), destination);
    }

    public void Dispose() => _scratch = [];
}
