namespace TradeFlow.Fix.Codec;

/// <summary>FIX 4.4 MsgType (35) values the engine and TradeFlow's application handle.</summary>
public static class MsgTypes
{
    /// <summary>Heartbeat (0).</summary>
    public const string Heartbeat = "0";
    /// <summary>TestRequest (1).</summary>
    public const string TestRequest = "1";
    /// <summary>ResendRequest (2).</summary>
    public const string ResendRequest = "2";
    /// <summary>Reject (3), the session-level reject.</summary>
    public const string Reject = "3";
    /// <summary>SequenceReset (4).</summary>
    public const string SequenceReset = "4";
    /// <summary>Logout (5).</summary>
    public const string Logout = "5";
    /// <summary>Logon (A).</summary>
    public const string Logon = "A";
    /// <summary>NewOrderSingle (D).</summary>
    public const string NewOrderSingle = "D";
    /// <summary>ExecutionReport (8).</summary>
    public const string ExecutionReport = "8";
    /// <summary>OrderCancelRequest (F).</summary>
    public const string OrderCancelRequest = "F";
    /// <summary>OrderCancelReplaceRequest (G).</summary>
    public const string OrderCancelReplaceRequest = "G";
    /// <summary>OrderCancelReject (9).</summary>
    public const string OrderCancelReject = "9";
    /// <summary>TradeCaptureReport (AE).</summary>
    public const string TradeCaptureReport = "AE";
    /// <summary>TradeCaptureReportAck (AR).</summary>
    public const string TradeCaptureReportAck = "AR";
    /// <summary>AllocationInstruction (J).</summary>
    public const string AllocationInstruction = "J";
    /// <summary>AllocationInstructionAck (P).</summary>
    public const string AllocationInstructionAck = "P";
    /// <summary>BusinessMessageReject (j).</summary>
    public const string BusinessMessageReject = "j";

    /// <summary>
    /// Whether <paramref name="msgType"/> is a session-level (admin) message: 0, 1, 2, 3, 4, 5 or A,
    /// the set QuickFIX routes to <c>FromAdmin</c>/<c>ToAdmin</c>.
    /// </summary>
    public static bool IsAdmin(ReadOnlySpan<byte> msgType) =>
        msgType.Length == 1 && msgType[0] is (byte)'0' or (byte)'1' or (byte)'2' or (byte)'3'
            or (byte)'4' or (byte)'5' or (byte)'A';

    /// <summary>The interned constant for a known message type, or null (no allocation either way).</summary>
    internal static string? Known(ReadOnlySpan<byte> msgType)
    {
        if (msgType.Length == 1)
        {
            return msgType[0] switch
            {
                (byte)'0' => Heartbeat,
                (byte)'1' => TestRequest,
                (byte)'2' => ResendRequest,
                (byte)'3' => Reject,
                (byte)'4' => SequenceReset,
                (byte)'5' => Logout,
                (byte)'A' => Logon,
                (byte)'D' => NewOrderSingle,
                (byte)'8' => ExecutionReport,
                (byte)'F' => OrderCancelRequest,
                (byte)'G' => OrderCancelReplaceRequest,
                (byte)'9' => OrderCancelReject,
                (byte)'J' => AllocationInstruction,
                (byte)'P' => AllocationInstructionAck,
                (byte)'j' => BusinessMessageReject,
                _ => null,
            };
        }

        if (msgType.Length == 2 && msgType[0] == (byte)'A')
        {
            return msgType[1] switch
            {
                (byte)'E' => TradeCaptureReport,
                (byte)'R' => TradeCaptureReportAck,
                _ => null,
            };
        }

        return null;
    }
}
