using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace TradeFlow.Journal.Format;

/// <summary>
/// The hash chain: each record's hash is SHA-256(previous hash ‖ record body). A cryptographic hash
/// (not a CRC or a fast keyed hash) because the chain is tamper evidence: whoever edits a payload and
/// recomputes its CRC must also find a body with the same SHA-256, or rewrite every later hash — and the
/// last hash is what an auditor pins (checkpoint, export).
/// <para>
/// The writer's path (one call per appended record, on the journal's writing thread). Where OpenSSL's low-level
/// binding loaded (<see cref="OpenSslSha256"/>, Linux), the two parts are hashed into one reused native context
/// with no copy: the one-shot <see cref="SHA256.HashData(ReadOnlySpan{byte}, Span{byte})"/> fetches an EVP digest,
/// allocates and frees a context and clears OpenSSL's error queue per call, which the engine's profile showed as
/// a sixth of the journal thread (<c>ERR_clear_error</c>, <c>CRYPTO_free</c>) for ~350-byte records (pass
/// <c>engine5</c>). Elsewhere the parts are copied into one reused scratch buffer and hashed with the one-shot
/// call. Either way the digest is SHA-256 of the same bytes, so the bytes on disk do not depend on the path taken.
/// </para>
/// </summary>
internal sealed unsafe class ChainHasher : IDisposable
{
    private readonly OpenSslSha256? _sha = OpenSslSha256.Instance;
    private byte[] _scratch = [];

    // Allocated at the first chain, not in the constructor: the read path's hasher keeps one of these only as a
    // fallback for where the binding is missing, and then never needs a native context.
    private void* _context;
    private bool _disposed;

    /// <summary>Writes SHA-256(<paramref name="previous"/> ‖ <paramref name="body"/>) to <paramref name="destination"/>.</summary>
    public void Chain(ReadOnlySpan<byte> previous, ReadOnlySpan<byte> body, Span<byte> destination)
    {
        if (_sha is not null && !_disposed)
        {
            if (_context is null)
            {
                _context = NativeMemory.AllocZeroed(OpenSslSha256.ContextSize);
            }

            _sha.Init(_context);
            _sha.Update(_context, previous);
            _sha.Update(_context, body);
            _sha.Final(_context, destination);
            return;
        }

        ChainCopied(previous, body, destination);
    }

    /// <summary>Releases the native context; a later <see cref="Chain"/> still works, through the one-shot call.</summary>
    public void Dispose()
    {
        _disposed = true;
        _scratch = [];
        if (_context is not null)
        {
            NativeMemory.Free(_context);
            _context = null;
        }
    }

    // The portable path: one one-shot call over a copy, instead of three incremental-hash calls.
    private void ChainCopied(ReadOnlySpan<byte> previous, ReadOnlySpan<byte> body, Span<byte> destination)
    {
        var length = previous.Length + body.Length;
        if (length > _scratch.Length)
        {
            _scratch = new byte[Math.Max(length, Math.Max(4096, _scratch.Length * 2))];
        }

        previous.CopyTo(_scratch);
        body.CopyTo(_scratch.AsSpan(previous.Length));
        SHA256.HashData(_scratch.AsSpan(0, length), destination);
    }
}
