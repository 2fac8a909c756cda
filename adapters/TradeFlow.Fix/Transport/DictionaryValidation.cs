using System.Collections.Concurrent;
using TradeFlow.Fix.Dictionary;
using TradeFlow.Fix.Session;
using TradeFlow.Fix.Settings;

namespace TradeFlow.Fix.Transport;

/// <summary>
/// The dictionary check a session gets from its settings: none with UseDataDictionary=N, else the DataDictionary file
/// (loaded once per path, shared by the sessions naming it) or the shipped FIX44-TradeFlow.xml, with QuickFIX's
/// Validate* options.
/// </summary>
internal static class DictionaryValidation
{
    private static readonly ConcurrentDictionary<string, DataDictionary> Loaded = new(StringComparer.Ordinal);

    public static IInboundValidator? For(SessionSettings settings)
    {
        if (!settings.UseDataDictionary)
        {
            return null;
        }

        var dictionary = settings.DataDictionary is { } path
            ? Loaded.GetOrAdd(Path.GetFullPath(path), DataDictionary.Load)
            : DataDictionary.TradeFlowFix44;
        var options = new ValidationOptions
        {
            ValidateFieldsOutOfOrder = settings.ValidateFieldsOutOfOrder,
            ValidateFieldsHaveValues = settings.ValidateFieldsHaveValues,
            ValidateUserDefinedFields = settings.ValidateUserDefinedFields,
            AllowUnknownMsgFields = settings.AllowUnknownMsgFields,
        };
        return new DictionaryInboundValidator(new MessageValidator(dictionary, options));
    }
}
