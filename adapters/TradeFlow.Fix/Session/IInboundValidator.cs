using TradeFlow.Fix.Codec;

namespace TradeFlow.Fix.Session;

/// <summary>
/// The dictionary check the session runs after its own header checks (a seam over the data dictionary's
/// MessageValidator, so session rules are testable with or without a dictionary).
/// </summary>
internal interface IInboundValidator
{
    /// <summary>False with the Reject's 373/371/58 when <paramref name="message"/> breaks the dictionary.</summary>
    bool TryValidate(FixMessage message, out int sessionRejectReason, out int refTagId, out string text);
}
