using System.Text.Json;
using TradeFlow.Projections.Runtime;

namespace TradeFlow.Replay.Output;

/// <summary>The JSON of <c>--json</c>: the projections' converters (ids, money, dates as strings), camelCase, indented.</summary>
internal static class ReplayJson
{
    public static JsonSerializerOptions Indented { get; } = new(ProjectionJson.Options) { WriteIndented = true };

    public static JsonSerializerOptions Compact { get; } = new(ProjectionJson.Options) { WriteIndented = false };

    public static void Write<T>(TextWriter output, T value) => output.WriteLine(JsonSerializer.Serialize(value, Indented));
}
