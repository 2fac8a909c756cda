namespace TradeFlow.Fix.Dictionary;

/// <summary>
/// Why a message fails validation, as the session's Reject (3) carries it.
/// </summary>
/// <param name="SessionRejectReason">SessionRejectReason (373), one of <see cref="SessionRejectReasons"/>.</param>
/// <param name="RefTagId">RefTagID (371): the offending tag, or 0 when none applies (an invalid MsgType).</param>
/// <param name="RefMsgType">RefMsgType (372): the rejected message's MsgType.</param>
/// <param name="Text">Text (58): QuickFIX's wording for the reason.</param>
public readonly record struct ValidationFailure(int SessionRejectReason, int RefTagId, string RefMsgType, string Text);
