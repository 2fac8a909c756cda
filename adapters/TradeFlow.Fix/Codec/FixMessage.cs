using System.Buffers;
using System.Runtime.CompilerServices;

namespace TradeFlow.Fix.Codec;

/// <summary>
/// A parsed FIX message: a reusable view over its own copy of the bytes. Fields are positions into that
/// copy (<see cref="FixField"/>), never strings, so a warm instance parses without allocating. The buffer is
/// rented from <see cref="ArrayPool{T}"/> and grows on demand; reuse one instance per connection.
/// Not thread-safe: <see cref="Clone"/> a message before handing it to another thread.
/// </summary>
public sealed partial class FixMessage
{
    private const int InitialBufferSize = 1024;
    private const int InitialFieldCapacity = 64;

    private byte[] _buffer;
    private int _length;
    private FixField[] _fields;
    private int _fieldCount;
    private int _msgTypeIndex = -1;
    private int _msgSeqNum;
    private string? _lastMsgTypeString;

    /// <summary>Creates an empty message, ready to be filled by <see cref="FixParser.TryParse"/>.</summary>
    public FixMessage()
    {
        _buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
        _fields = new FixField[InitialFieldCapacity];
    }

    private FixMessage(byte[] buffer, int length, FixField[] fields, int fieldCount)
    {
        _buffer = buffer;
        _length = length;
        _fields = fields;
        _fieldCount = fieldCount;
        IndexHeader();
    }

    /// <summary>The whole message, <c>8=</c> through <c>10=nnn&lt;SOH&gt;</c>.</summary>
    public ReadOnlySpan<byte> Raw => _buffer.AsSpan(0, _length);

    /// <summary>The number of fields, header and trailer included.</summary>
    public int FieldCount => _fieldCount;

    /// <summary>The field at <paramref name="index"/>, in wire order.</summary>
    public FixField this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_fieldCount)
            {
                ThrowHelper.ArgumentOutOfRange(nameof(index), "No field at this index.");
            }

            return _fields[index];
        }
    }

    /// <summary>The value of MsgType (35), empty when absent.</summary>
    public ReadOnlySpan<byte> MsgType => _msgTypeIndex < 0 ? default : ValueAt(_msgTypeIndex);

    /// <summary>
    /// MsgType (35) as a string: the interned constant for known types (no allocation), otherwise cached
    /// until the message type changes. Empty when absent.
    /// </summary>
    public string MsgTypeString
    {
        get
        {
            var msgType = MsgType;
            var known = MsgTypes.Known(msgType);
            if (known is not null)
            {
                return known;
            }

            if (_lastMsgTypeString is null || !FixAscii.EqualsAscii(msgType, _lastMsgTypeString))
            {
                _lastMsgTypeString = FixAscii.ToString(msgType);
            }

            return _lastMsgTypeString;
        }
    }

    /// <summary>MsgSeqNum (34), or 0 when absent or not a number.</summary>
    public int MsgSeqNum => _msgSeqNum;

    /// <summary>The value bytes of the field at <paramref name="index"/>.</summary>
    public ReadOnlySpan<byte> ValueAt(int index)
    {
        var field = this[index];
        return _buffer.AsSpan(field.ValueOffset, field.ValueLength);
    }

    /// <summary>Whether the message has a field <paramref name="tag"/>.</summary>
    public bool Contains(int tag) => IndexOf(tag) >= 0;

    /// <summary>The index of the first field <paramref name="tag"/>, or -1.</summary>
    public int IndexOf(int tag) => IndexOf(tag, 0, _fieldCount);

    /// <summary>An independent copy that owns its bytes (for queues and stores).</summary>
    public FixMessage Clone()
    {
        // Exact-size arrays, not pooled: a clone may live for long in a store or queue and is never returned.
        var buffer = _buffer.AsSpan(0, _length).ToArray();
        var fields = _fields.AsSpan(0, _fieldCount).ToArray();
        return new FixMessage(buffer, _length, fields, _fieldCount);
    }

    /// <summary>Empties the message (the buffers are kept for reuse).</summary>
    public void Reset()
    {
        _length = 0;
        _fieldCount = 0;
        _msgTypeIndex = -1;
        _msgSeqNum = 0;
    }

    /// <summary>Parses one complete message; for tests, tools and the store, not the socket path.</summary>
    /// <exception cref="FormatException">The bytes are not exactly one well-formed message.</exception>
    public static FixMessage Parse(ReadOnlySpan<byte> bytes)
    {
        var message = new FixMessage();
        var status = FixParser.TryParse(bytes, message, out var consumed, out var reason);
        if (status != FixParseStatus.Complete || consumed != bytes.Length)
        {
            throw new FormatException(status == FixParseStatus.Complete
                ? $"Trailing bytes after the message ({bytes.Length - consumed})."
                : $"Not a complete FIX message ({status}): {reason}");
        }

        return message;
    }

    /// <summary>A readable rendering with '|' for SOH (for logs and tests).</summary>
    public override string ToString() => FixAscii.ToString(Raw).Replace('\u0001', '|');

    internal int IndexOf(int tag, int start, int end)
    {
        var fields = _fields;
        for (var i = start; i < end; i++)
        {
            if (fields[i].Tag == tag)
            {
                return i;
            }
        }

        return -1;
    }

    internal int TagAt(int index) => _fields[index].Tag;

    /// <summary>Copies <paramref name="raw"/> in and clears the fields; the parser then adds them.</summary>
    internal Span<byte> Load(ReadOnlySpan<byte> raw)
    {
        Reset();
        if (_buffer.Length < raw.Length)
        {
            GrowBuffer(raw.Length);
        }

        raw.CopyTo(_buffer);
        _length = raw.Length;
        return _buffer.AsSpan(0, _length);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void AddField(int tag, int valueOffset, int valueLength)
    {
        if (_fieldCount == _fields.Length)
        {
            GrowFields();
        }

        _fields[_fieldCount++] = new FixField(tag, valueOffset, valueLength);
    }

    /// <summary>Called by the parser once every field is in: finds MsgType and MsgSeqNum.</summary>
    internal void IndexHeader()
    {
        _msgTypeIndex = IndexOf(Tags.MsgType);
        _msgSeqNum = TryGetInt(Tags.MsgSeqNum, out var seq) ? seq : 0;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void GrowBuffer(int needed)
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(needed, _buffer.Length * 2));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void GrowFields() => Array.Resize(ref _fields, _fields.Length * 2);
}
