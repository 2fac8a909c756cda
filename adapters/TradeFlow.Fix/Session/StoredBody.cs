using TradeFlow.Fix.Codec;

namespace TradeFlow.Fix.Session;

/// <summary>
/// The body of a message the session encoded itself: everything after its standard header fields and before
/// CheckSum (10). FixEncoder writes the header fields first and the body contiguously, so the body is one slice.
/// </summary>
internal static class StoredBody
{
    public static ReadOnlySpan<byte> Of(FixMessage message)
    {
        var raw = message.Raw;
        var start = -1;
        var end = raw.Length;
        for (var i = 0; i < message.FieldCount; i++)
        {
            var field = message[i];
            if (field.Tag == Tags.CheckSum)
            {
                end = FieldStart(field);
                break;
            }

            if (start < 0 && !IsStandardHeader(field.Tag))
            {
                start = FieldStart(field);
            }
        }

        return start < 0 ? default : raw[start..end];
    }

    private static bool IsStandardHeader(int tag) => tag is Tags.BeginString or Tags.BodyLength or Tags.MsgType or Tags.SenderCompID
        or Tags.TargetCompID or Tags.MsgSeqNum or Tags.SendingTime or Tags.PossDupFlag or Tags.OrigSendingTime or Tags.PossResend;

    /// <summary>Offset of the field's tag: its value offset less "tag=".</summary>
    private static int FieldStart(FixField field) => field.ValueOffset - DigitCount(field.Tag) - 1;

    private static int DigitCount(int tag) => tag < 10 ? 1 : tag < 100 ? 2 : tag < 1000 ? 3 : tag < 10000 ? 4 : tag < 100000 ? 5 : 6;
}
