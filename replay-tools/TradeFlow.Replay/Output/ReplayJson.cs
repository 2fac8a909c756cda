using System.Text.Encodings.Web;
using System.Text.Json;
using TradeFlow.Projections.Runtime;

namespace TradeFlow.Replay.Output;

/// <summary>The JSON of <c>--json</c>: the projections' converters (ids, money, dates as strings), camelCase, indented.</summary>
internal static class ReplayJson
{
    // Relaxed escaping: the output is a file or a terminal, never HTML, and "stream 'trade-…'" reads better than \u0027.
    public static JsonSerializerOptions Indented { get; } = new(ProjectionJson.Options) { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write<T>(TextWriter output, T value) => output.WriteLine(JsonSerializer.Serialize(value, Indented));
}
