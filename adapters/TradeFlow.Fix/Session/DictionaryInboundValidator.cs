using TradeFlow.Fix.Codec;
using TradeFlow.Fix.Dictionary;

namespace TradeFlow.Fix.Session;

/// <summary>The data dictionary's <see cref="MessageValidator"/> as the session's inbound check.</summary>
internal sealed class DictionaryInboundValidator(MessageValidator validator) : IInboundValidator
{
    public bool TryValidate(FixMessage message, out int sessionRejectReason, out int refTagId, out string text)
    {
        if (validator.TryValidate(message, out var failure))
        {
            (sessionRejectReason, refTagId, text) = (0, 0, "");
            return true;
        }

        (sessionRejectReason, refTagId, text) = (failure.SessionRejectReason, failure.RefTagId, failure.Text);
        return false;
    }
}
