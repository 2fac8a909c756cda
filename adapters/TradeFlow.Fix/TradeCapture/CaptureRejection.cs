namespace TradeFlow.Fix.TradeCapture;

/// <summary>
/// Why a well-formed FIX message could not become a domain command (a value the domain refuses, an order id
/// nobody knows). Answered at the business level (a rejected ack naming the tag), never a session Reject: the
/// message itself was valid FIX.
/// </summary>
/// <param name="RefTagId">The tag whose value was refused.</param>
/// <param name="Reason">What kind of problem, for the reply's reject-reason field.</param>
/// <param name="Text">A readable explanation for the reply's Text (58).</param>
public readonly record struct CaptureRejection(int RefTagId, CaptureRejectReason Reason, string Text);
