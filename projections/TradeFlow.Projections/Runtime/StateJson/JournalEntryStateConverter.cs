using System.Text.Json;
using TradeFlow.Projections.Accounting;

namespace TradeFlow.Projections.Runtime.StateJson;

/// <summary>Writes an accounting journal entry kept in memory exactly as a spilled one (<see cref="JournalEntryJsonWriter"/>).</summary>
internal sealed class JournalEntryStateConverter : StateRowConverter<JournalEntry>
{
    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, JournalEntry value, JsonSerializerOptions options) =>
        JournalEntryJsonWriter.Write(writer, value);
}
