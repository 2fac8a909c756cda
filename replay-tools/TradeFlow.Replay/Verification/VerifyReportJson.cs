using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace TradeFlow.Replay.Verification;

/// <summary>
/// <c>verify --json</c>'s report, written member by member: the same bytes as <c>ReplayJson.Write</c> (camelCase,
/// declaration order, nulls left out, indented, relaxed escaping), without the reflection serializer.
/// </summary>
/// <remarks>
/// Why by hand: the reflection serializer builds the report's metadata with <c>System.Reflection.Emit</c> on first
/// use, and that was 28 % of the CPU of <c>verify</c> on an empty journal (about 0.08 s of a 0.27 s start-up) — a
/// tenth of a whole 1M-event <c>verify --no-payloads</c>. A test holds the two outputs equal.
/// </remarks>
internal static class VerifyReportJson
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes <paramref name="report"/> and a line break to <paramref name="output"/>.</summary>
    public static void Write(TextWriter output, VerifyReport report)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            WriteReport(writer, report);
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    private static void WriteReport(Utf8JsonWriter writer, VerifyReport report)
    {
        writer.WriteStartObject();
        writer.WriteString("store", report.Store);
        writer.WriteNumber("events", report.Events);
        WriteIfPresent(writer, "segments", report.Segments);
        WriteIfPresent(writer, "bytes", report.Bytes);
        writer.WriteNumber("streams", report.Streams);
        writer.WriteNumber("headPosition", report.HeadPosition);
        writer.WriteString("headHash", report.HeadHash);
        writer.WriteString("hashKind", report.HashKind);
        writer.WriteNumber("tailBytes", report.TailBytes);
        WriteIfPresent(writer, "checkpointEvents", report.CheckpointEvents);
        WriteIfPresent(writer, "expectedHashPosition", report.ExpectedHashPosition);
        writer.WriteStartArray("problems");
        foreach (var problem in report.Problems)
        {
            WriteProblem(writer, problem);
        }

        writer.WriteEndArray();
        writer.WriteBoolean("clean", report.Clean);
        writer.WriteEndObject();
    }

    private static void WriteProblem(Utf8JsonWriter writer, VerifyProblem problem)
    {
        writer.WriteStartObject();
        if (problem.File is not null)
        {
            writer.WriteString("file", problem.File);
        }

        WriteIfPresent(writer, "offset", problem.Offset);
        WriteIfPresent(writer, "position", problem.Position);
        writer.WriteString("reason", problem.Reason);
        writer.WriteEndObject();
    }

    private static void WriteIfPresent(Utf8JsonWriter writer, string name, long? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
    }
}
