namespace TradeFlow.Projections.Runtime;

/// <summary>
/// A write-only stream that passes everything written on to another stream except the last <c>holdBack</c> bytes,
/// which it keeps back (<see cref="HeldBack"/>), so a writer can splice content in before a document's closing
/// bytes without holding the document (the accounting journal spill does).
/// </summary>
internal sealed class HoldBackStream : Stream
{
    private readonly Stream _inner;
    private readonly byte[] _tail;
    private int _tailCount;

    public HoldBackStream(Stream inner, int holdBack)
    {
        _inner = inner;
        _tail = new byte[holdBack];
    }

    /// <summary>The bytes held back (the last ones written).</summary>
    public ReadOnlySpan<byte> HeldBack => _tail.AsSpan(0, _tailCount);

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        // Everything but the newest holdBack bytes of (tail ‖ buffer) is final and passes on.
        var total = _tailCount + buffer.Length;
        var release = Math.Max(0, total - _tail.Length);
        var fromTail = Math.Min(release, _tailCount);
        _inner.Write(_tail.AsSpan(0, fromTail));
        _inner.Write(buffer[..(release - fromTail)]);
        Span<byte> kept = stackalloc byte[total - release];
        _tail.AsSpan(fromTail, _tailCount - fromTail).CopyTo(kept);
        buffer[(release - fromTail)..].CopyTo(kept[(_tailCount - fromTail)..]);
        kept.CopyTo(_tail);
        _tailCount = kept.Length;
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Flush() => _inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
