using System.Text.Json;
using System.Text.Json.Serialization;
using TradeFlow.Domain.Serialization.Converters;

namespace TradeFlow.Projections.Runtime;

/// <summary>
/// The JSON options of projection state documents: the domain's value converters (ids, money and dates
/// as strings), camelCase, enums by name, no indentation. Property order is declaration order and every
/// collection in a document is sorted by the projection, so the bytes are canonical.
/// </summary>
public static class ProjectionJson
{
    /// <summary>The shared options (immutable once first used).</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            WriteIndented = false,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.Converters.Add(new CurrencyJsonConverter());
        options.Converters.Add(new MoneyJsonConverter());
        options.Converters.Add(new PriceJsonConverter());
        options.Converters.Add(new QuantityJsonConverter());
        options.Converters.Add(new TradeIdJsonConverter());
        options.Converters.Add(new CounterpartyIdJsonConverter());
        options.Converters.Add(new InstrumentIdJsonConverter());
        options.Converters.Add(new BookIdJsonConverter());
        options.Converters.Add(new TraderIdJsonConverter());
        options.Converters.Add(new BusinessDateJsonConverter());
        options.Converters.Add(new GlobalPositionJsonConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
