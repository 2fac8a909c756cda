using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace TradeFlow.Fix.Codec;

/// <summary>
/// Frames and parses FIX messages from a TCP stream buffer. Framing follows BodyLength (9) and verifies
/// CheckSum (10); a message that fails either is garbled, which FIX says to ignore (no reject, no sequence
/// number consumed), so the caller only needs to know how many bytes to skip.
/// </summary>
public static class FixParser
{
    /// <summary>The largest BodyLength accepted; anything bigger is treated as garbled rather than awaited.</summary>
    public const int MaxBodyLength = 1 << 20;

    // "8=" + at most "FIXT.1.1" style versions; a BeginString field longer than this is not FIX.
    private const int MaxBeginStringField = 32;

    // "9=" + up to 9 digits (zero padding included) + SOH.
    private const int MaxBodyLengthField = 12;

    /// <summary>
    /// Frames and parses the first message in <paramref name="input"/>. Complete: <paramref name="message"/>
    /// holds it and <paramref name="consumed"/> is its length. Incomplete: more bytes are needed
    /// (<paramref name="consumed"/> is 0). Garbled: bad BodyLength, CheckSum or framing; <paramref name="consumed"/>
    /// (never 0) is how many bytes to skip to the next <c>&lt;SOH&gt;8=FIX</c> and <paramref name="reason"/>
    /// says why. A zero-padded BodyLength (<c>9=0000067</c>) is accepted. No dictionary validation.
    /// </summary>
    public static FixParseStatus TryParse(ReadOnlySpan<byte> input, FixMessage message, out int consumed, out string? reason)
    {
        ArgumentNullException.ThrowIfNull(message);
        consumed = 0;
        reason = null;
        if (input.IsEmpty)
        {
            return FixParseStatus.Incomplete;
        }

        var status = Frame(input, out var total, out var failure);
        if (status == FixParseStatus.Incomplete)
        {
            return status;
        }

        if (status == FixParseStatus.Garbled)
        {
            return Garbled(input, failure, total, out consumed, out reason);
        }

        var buffer = message.Load(input[..total]);
        var badField = FieldTokenizer.Tokenize(buffer, message);
        if (badField >= 0)
        {
            message.Reset();
            return Garbled(input, FrameFailure.MalformedField, badField, out consumed, out reason, total);
        }

        message.IndexHeader();
        consumed = total;
        return FixParseStatus.Complete;
    }

    /// <summary>The FIX checksum of <paramref name="bytes"/>: the sum of the bytes modulo 256.</summary>
    public static int ComputeCheckSum(ReadOnlySpan<byte> bytes)
    {
        // Sixteen bytes at a time, widened to uint lanes: a message is summed in a few dozen instructions.
        var sum = 0u;
        var i = 0;
        if (Vector128.IsHardwareAccelerated && bytes.Length >= Vector128<byte>.Count)
        {
            var acc = Vector128<uint>.Zero;
            ref var start = ref MemoryMarshal.GetReference(bytes);
            for (; i <= bytes.Length - Vector128<byte>.Count; i += Vector128<byte>.Count)
            {
                var (low, high) = Vector128.Widen(Vector128.LoadUnsafe(ref start, (nuint)i));
                var (a, b) = Vector128.Widen(low);
                var (c, d) = Vector128.Widen(high);
                acc += a + b + c + d;
            }

            sum = Vector128.Sum(acc);
        }

        for (; i < bytes.Length; i++)
        {
            sum += bytes[i];
        }

        return (int)(sum & 0xFF);
    }

    private static FixParseStatus Frame(ReadOnlySpan<byte> input, out int total, out FrameFailure failure)
    {
        total = 0;
        failure = FrameFailure.None;
        if (!"8=FIX"u8.StartsWith(input) && !input.StartsWith("8=FIX"u8))
        {
            failure = FrameFailure.NoBeginString;
            return FixParseStatus.Garbled;
        }

        var sohAfterBegin = input.IndexOf(FixAscii.Soh);
        if (sohAfterBegin < 0)
        {
            return Need(input.Length > MaxBeginStringField, FrameFailure.NoBeginString, out failure);
        }

        var lengthStart = sohAfterBegin + 1;
        var rest = input[lengthStart..];
        if (rest.Length < 2)
        {
            return FixParseStatus.Incomplete;
        }

        if (rest[0] != (byte)'9' || rest[1] != (byte)'=')
        {
            failure = FrameFailure.NoBodyLength;
            return FixParseStatus.Garbled;
        }

        var sohAfterLength = rest.IndexOf(FixAscii.Soh);
        if (sohAfterLength < 0)
        {
            return Need(rest.Length > MaxBodyLengthField, FrameFailure.BadBodyLength, out failure);
        }

        if (sohAfterLength > MaxBodyLengthField || !TryParseBodyLength(rest[2..sohAfterLength], out var bodyLength))
        {
            failure = FrameFailure.BadBodyLength;
            return FixParseStatus.Garbled;
        }

        var bodyStart = lengthStart + sohAfterLength + 1;
        var bodyEnd = bodyStart + bodyLength;
        total = bodyEnd + 7; // "10=nnn" + SOH
        if (input.Length < total)
        {
            return FixParseStatus.Incomplete;
        }

        return CheckTrailer(input[..total], bodyEnd, out failure);
    }

    private static FixParseStatus CheckTrailer(ReadOnlySpan<byte> frame, int bodyEnd, out FrameFailure failure)
    {
        failure = FrameFailure.None;
        var trailer = frame[bodyEnd..];
        if (frame[bodyEnd - 1] != FixAscii.Soh || !trailer.StartsWith("10="u8) || trailer[^1] != FixAscii.Soh
            || !TryParseThreeDigits(trailer.Slice(3, 3), out var declared))
        {
            failure = FrameFailure.BodyLengthMismatch;
            return FixParseStatus.Garbled;
        }

        if (declared != ComputeCheckSum(frame[..bodyEnd]))
        {
            failure = FrameFailure.BadCheckSum;
            return FixParseStatus.Garbled;
        }

        return FixParseStatus.Complete;
    }

    private static FixParseStatus Need(bool tooLong, FrameFailure ifTooLong, out FrameFailure failure)
    {
        failure = tooLong ? ifTooLong : FrameFailure.None;
        return tooLong ? FixParseStatus.Garbled : FixParseStatus.Incomplete;
    }

    private static bool TryParseBodyLength(ReadOnlySpan<byte> digits, out int value)
    {
        // Leading zeros are tolerated (jspurefix sends 9=0000067); a zero or oversized length is not a frame.
        value = 0;
        if (digits.IsEmpty)
        {
            return false;
        }

        foreach (var b in digits)
        {
            var digit = b - (byte)'0';
            if ((uint)digit > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return value is > 0 and <= MaxBodyLength;
    }

    private static bool TryParseThreeDigits(ReadOnlySpan<byte> digits, out int value)
    {
        value = 0;
        foreach (var b in digits)
        {
            var digit = b - (byte)'0';
            if ((uint)digit > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static FixParseStatus Garbled(ReadOnlySpan<byte> input, FrameFailure failure, int detail,
        out int consumed, out string? reason, int frameLength = 0)
    {
        // A frame whose only fault is its checksum or one field is still a whole frame: skip exactly it.
        // Otherwise BodyLength cannot be trusted, so resynchronise on the next "<SOH>8=FIX".
        consumed = failure is FrameFailure.BadCheckSum ? detail
            : frameLength > 0 ? frameLength
            : SkipToNextBeginString(input);
        reason = Describe(input, failure, detail);
        return FixParseStatus.Garbled;
    }

    private static int SkipToNextBeginString(ReadOnlySpan<byte> input)
    {
        // The search starts at 0: when an earlier read ended just before a "<SOH>8=FIX", the garbled input is that
        // SOH and the frame right after it must not be skipped.
        var next = input.IndexOf("\u00018=FIX"u8);
        if (next >= 0)
        {
            return next + 1;
        }

        // Keep a trailing partial "<SOH>8=FIX" (its SOH consumed) so the next read can complete it; the partial may be
        // the whole input, since its SOH is always consumed.
        for (var keep = Math.Min(5, input.Length); keep > 0; keep--)
        {
            if ("\u00018=FIX"u8.StartsWith(input[^keep..]))
            {
                return input.Length - keep + (input[^keep] == FixAscii.Soh ? 1 : 0);
            }
        }

        return input.Length;
    }

    private static string Describe(ReadOnlySpan<byte> input, FrameFailure failure, int detail) => failure switch
    {
        FrameFailure.NoBeginString => "Message does not start with BeginString (8=FIX...)",
        FrameFailure.NoBodyLength => "BodyLength (9) is not the second field",
        FrameFailure.BadBodyLength => "BodyLength (9) is not a positive number within limits",
        FrameFailure.BodyLengthMismatch => "BodyLength (9) does not end where CheckSum (10) begins",
        FrameFailure.BadCheckSum => $"CheckSum (10) {FixAscii.ToString(input.Slice(detail - 4, 3))} does not match " +
            $"the computed {ComputeCheckSum(input[..(detail - 7)]):D3}",
        _ => $"Malformed field at offset {detail}",
    };

    private enum FrameFailure
    {
        None,
        NoBeginString,
        NoBodyLength,
        BadBodyLength,
        BodyLengthMismatch,
        BadCheckSum,
        MalformedField,
    }
}
