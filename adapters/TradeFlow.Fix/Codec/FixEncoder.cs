using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace TradeFlow.Fix.Codec;

/// <summary>Writes whole messages: standard header, body, computed BodyLength and CheckSum.</summary>
public static class FixEncoder
{
    private const int TrailerLength = 7; // "10=nnn" + SOH

    /// <summary>
    /// Writes <c>8=,9=</c>(computed)<c>,35=,49=,56=,34=,52=</c>[<c>,43=Y,122=</c>] then <paramref name="body"/>,
    /// then <c>10=</c> (computed, three digits) to <paramref name="output"/>. Returns the bytes written.
    /// Allocates nothing (beyond what <paramref name="output"/> does to grow).
    /// </summary>
    public static int Encode(IBufferWriter<byte> output, in FixHeader header, ReadOnlySpan<byte> msgType, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentException.ThrowIfNullOrEmpty(header.BeginString);
        ArgumentException.ThrowIfNullOrEmpty(header.SenderCompID);
        ArgumentException.ThrowIfNullOrEmpty(header.TargetCompID);
        if (msgType.IsEmpty)
        {
            ThrowHelper.Argument(nameof(msgType), "MsgType (35) is required.");
        }

        var bodyLength = HeaderLength(header, msgType.Length) + body.Length;
        var prefixLength = 2 + Encoding.UTF8.GetByteCount(header.BeginString) + 1 + 2 + CountDigits(bodyLength) + 1;
        var total = prefixLength + bodyLength + TrailerLength;
        var span = output.GetSpan(total);

        var n = WriteText(span, 8, header.BeginString);
        n += WriteInt(span[n..], Tags.BodyLength, bodyLength);
        n += WriteBytes(span[n..], Tags.MsgType, msgType);
        n += WriteText(span[n..], Tags.SenderCompID, header.SenderCompID);
        n += WriteText(span[n..], Tags.TargetCompID, header.TargetCompID);
        n += WriteInt(span[n..], Tags.MsgSeqNum, header.MsgSeqNum);
        n += WriteTimestamp(span[n..], Tags.SendingTime, header.SendingTime);
        if (header.PossDup)
        {
            n += WriteBytes(span[n..], Tags.PossDupFlag, "Y"u8);
        }

        if (header.OrigSendingTime is { } orig)
        {
            n += WriteTimestamp(span[n..], Tags.OrigSendingTime, orig);
        }

        body.CopyTo(span[n..]);
        n += body.Length;
        n += WriteCheckSum(span[n..], FixParser.ComputeCheckSum(span[..n]));
        output.Advance(n);
        return n;
    }

    /// <summary>Encodes into a new array (for tests and tools; allocates).</summary>
    public static byte[] EncodeToArray(in FixHeader header, ReadOnlySpan<byte> msgType, ReadOnlySpan<byte> body)
    {
        var writer = new ArrayBufferWriter<byte>(256 + body.Length);
        Encode(writer, header, msgType, body);
        return writer.WrittenSpan.ToArray();
    }

    private static int HeaderLength(in FixHeader header, int msgTypeLength)
    {
        var length = 4 + msgTypeLength
            + 4 + Encoding.UTF8.GetByteCount(header.SenderCompID)
            + 4 + Encoding.UTF8.GetByteCount(header.TargetCompID)
            + 4 + CountDigits(header.MsgSeqNum)
            + 4 + FixTime.TimestampLength;
        if (header.PossDup)
        {
            length += 5;
        }

        if (header.OrigSendingTime.HasValue)
        {
            length += 5 + FixTime.TimestampLength;
        }

        return length;
    }

    private static int WriteText(Span<byte> span, int tag, string value)
    {
        var n = FixFieldWriter.WriteTag(span, tag);
        n += Encoding.UTF8.GetBytes(value, span[n..]);
        span[n] = FixAscii.Soh;
        return n + 1;
    }

    private static int WriteBytes(Span<byte> span, int tag, ReadOnlySpan<byte> value)
    {
        var n = FixFieldWriter.WriteTag(span, tag);
        value.CopyTo(span[n..]);
        n += value.Length;
        span[n] = FixAscii.Soh;
        return n + 1;
    }

    private static int WriteInt(Span<byte> span, int tag, int value)
    {
        var n = FixFieldWriter.WriteTag(span, tag);
        Utf8Formatter.TryFormat(value, span[n..], out var written);
        n += written;
        span[n] = FixAscii.Soh;
        return n + 1;
    }

    private static int WriteTimestamp(Span<byte> span, int tag, DateTime value)
    {
        var n = FixFieldWriter.WriteTag(span, tag);
        n += FixTime.WriteTimestamp(span[n..], value);
        span[n] = FixAscii.Soh;
        return n + 1;
    }

    private static int WriteCheckSum(Span<byte> span, int checkSum)
    {
        "10="u8.CopyTo(span);
        span[3] = (byte)('0' + (checkSum / 100));
        span[4] = (byte)('0' + (checkSum / 10 % 10));
        span[5] = (byte)('0' + (checkSum % 10));
        span[6] = FixAscii.Soh;
        return TrailerLength;
    }

    private static int CountDigits(int value)
    {
        if (value < 0)
        {
            return 1 + CountDigits(value == int.MinValue ? int.MaxValue : -value);
        }

        var digits = 1;
        while (value >= 10)
        {
            value /= 10;
            digits++;
        }

        return digits;
    }
}
