using System.Buffers;
using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Text;

namespace TradeFlow.Fix.Codec;

/// <summary>
/// Builds a message body: every field after the standard header fields <see cref="FixEncoder"/> writes and
/// before CheckSum. Reusable (<see cref="Clear"/>), backed by a pooled buffer that grows on demand;
/// numbers and timestamps are formatted straight into it (Utf8Formatter, invariant), so nothing allocates.
/// </summary>
public sealed class FixFieldWriter
{
    // Enough for tag (10) + '=' + the longest formatted number or timestamp (31) + SOH.
    private const int MaxScalarField = 48;

    private byte[] _buffer;
    private int _length;

    /// <summary>Creates a writer with a pooled buffer of at least <paramref name="initialCapacity"/> bytes.</summary>
    public FixFieldWriter(int initialCapacity = 512)
    {
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(initialCapacity, MaxScalarField));
    }

    /// <summary>The fields written so far, each as <c>tag=value&lt;SOH&gt;</c>.</summary>
    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

    /// <summary>The number of bytes written.</summary>
    public int Length => _length;

    /// <summary>Forgets the fields written (the buffer is kept).</summary>
    public void Clear() => _length = 0;

    /// <summary>Adds <paramref name="tag"/> with raw value bytes (which must not contain SOH unless a data field).</summary>
    public void Add(int tag, ReadOnlySpan<byte> value)
    {
        var span = Reserve(MaxScalarField + value.Length);
        var n = WriteTag(span, tag);
        value.CopyTo(span[n..]);
        Commit(n + value.Length);
    }

    /// <summary>Adds <paramref name="tag"/> with a string value, encoded as UTF-8.</summary>
    public void Add(int tag, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var span = Reserve(MaxScalarField + Encoding.UTF8.GetMaxByteCount(value.Length));
        var n = WriteTag(span, tag);
        Commit(n + Encoding.UTF8.GetBytes(value, span[n..]));
    }

    /// <summary>Adds an integer field.</summary>
    public void Add(int tag, int value)
    {
        var span = Reserve(MaxScalarField);
        var n = WriteTag(span, tag);
        Utf8Formatter.TryFormat(value, span[n..], out var written);
        Commit(n + written);
    }

    /// <summary>Adds a long integer field.</summary>
    public void Add(int tag, long value)
    {
        var span = Reserve(MaxScalarField);
        var n = WriteTag(span, tag);
        Utf8Formatter.TryFormat(value, span[n..], out var written);
        Commit(n + written);
    }

    /// <summary>Adds a decimal field as FIX float: invariant, no exponent, the value's own scale kept.</summary>
    public void Add(int tag, decimal value)
    {
        var span = Reserve(MaxScalarField);
        var n = WriteTag(span, tag);
        // Utf8Formatter's 'G' for decimal never uses an exponent (unlike double) and keeps trailing zeros of the scale.
        Utf8Formatter.TryFormat(value, span[n..], out var written);
        Commit(n + written);
    }

    /// <summary>Adds a single-character field.</summary>
    public void Add(int tag, char value)
    {
        if (value > 0x7F)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(value), "A FIX char field holds one ASCII character.");
        }

        var span = Reserve(MaxScalarField);
        var n = WriteTag(span, tag);
        span[n] = (byte)value;
        Commit(n + 1);
    }

    /// <summary>Adds a FIX Boolean field (Y or N).</summary>
    public void Add(int tag, bool value) => Add(tag, value ? 'Y' : 'N');

    /// <summary>Adds a UTCTimestamp field as <c>yyyyMMdd-HH:mm:ss.fff</c>.</summary>
    public void AddUtcTimestamp(int tag, DateTime value)
    {
        var span = Reserve(MaxScalarField);
        var n = WriteTag(span, tag);
        Commit(n + FixTime.WriteTimestamp(span[n..], value));
    }

    /// <summary>Adds a UTCDateOnly or LocalMktDate field as <c>yyyyMMdd</c>.</summary>
    public void AddUtcDate(int tag, DateOnly value)
    {
        var span = Reserve(MaxScalarField);
        var n = WriteTag(span, tag);
        Commit(n + FixTime.WriteDate(span[n..], value));
    }

    internal static int WriteTag(Span<byte> span, int tag)
    {
        if (tag <= 0)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(tag), "A FIX tag is a positive number.");
        }

        Utf8Formatter.TryFormat(tag, span, out var written);
        span[written] = (byte)'=';
        return written + 1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Span<byte> Reserve(int maxBytes)
    {
        if (_buffer.Length - _length < maxBytes)
        {
            Grow(maxBytes);
        }

        return _buffer.AsSpan(_length);
    }

    private void Commit(int fieldLength)
    {
        _buffer[_length + fieldLength] = FixAscii.Soh;
        _length += fieldLength + 1;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow(int maxBytes)
    {
        var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + maxBytes));
        _buffer.AsSpan(0, _length).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = bigger;
    }
}
