using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TradeFlow.Journal.Format;

/// <summary>
/// The chain hash for the read path (integrity scan, verified open): SHA-256(previous ‖ body) through
/// <see cref="OpenSslSha256"/> into one reused native context, with no copy of the body — a third of the cost of
/// <see cref="ChainHasher"/>'s one-shot call per record. Falls back to <see cref="ChainHasher"/> where the binding is
/// not available. Writers keep <see cref="ChainHasher"/>: the bytes on disk never depend on this class.
/// </summary>
internal sealed unsafe class VerifyingChainHasher : IDisposable
{
    private readonly OpenSslSha256? _sha = OpenSslSha256.Instance;
    private readonly ChainHasher _fallback = new();
    private void* _context;

    public VerifyingChainHasher()
    {
        if (_sha is not null)
        {
            _context = NativeMemory.AllocZeroed(OpenSslSha256.ContextSize);
        }
    }

    /// <summary>Writes SHA-256(<paramref name="previous"/> ‖ <paramref name="body"/>) to <paramref name="destination"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Chain(ReadOnlySpan<byte> previous, ReadOnlySpan<byte> body, Span<byte> destination)
    {
        if (_sha is null || _context is null)
        {
            _fallback.Chain(previous, body, destination);
            return;
        }

        _sha.Init(_context);
        _sha.Update(_context, previous);
        _sha.Update(_context, body);
        _sha.Final(_context, destination);
    }

    public void Dispose()
    {
        _fallback.Dispose();
        if (_context is not null)
        {
            NativeMemory.Free(_context);
            _context = null;
        }
    }
}
