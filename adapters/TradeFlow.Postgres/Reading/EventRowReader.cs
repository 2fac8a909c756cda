using Npgsql;
using TradeFlow.EventSourcing;

namespace TradeFlow.Postgres.Reading;

/// <summary>Turns one row of <c>events</c> (columns in <see cref="EventSql"/>'s read order) back into a <see cref="RecordedEvent"/>.</summary>
internal static class EventRowReader
{
    public static RecordedEvent Read(NpgsqlDataReader row)
    {
        var data = new EventData(
            row.GetGuid(3),
            row.GetString(4),
            row.GetInt32(5),
            row.GetFieldValue<byte[]>(14),
            Time(row.GetInt64(6), row.GetInt16(7)),
            Time(row.GetInt64(8), row.GetInt16(9)))
        {
            CorrelationId = row.IsDBNull(10) ? Guid.Empty : row.GetGuid(10),
            CausationId = row.IsDBNull(11) ? Guid.Empty : row.GetGuid(11),
            Source = row.IsDBNull(12) ? null : row.GetString(12),
            Actor = row.IsDBNull(13) ? null : row.GetString(13),
            Metadata = row.IsDBNull(15) ? ReadOnlyMemory<byte>.Empty : row.GetFieldValue<byte[]>(15),
        };
        return new RecordedEvent(row.GetString(1), row.GetInt64(2), GlobalPosition.FromInt64(row.GetInt64(0)), data);
    }

    // Exact .NET ticks (UTC) and the offset in minutes: timestamptz alone would drop the offset and sub-microsecond ticks.
    private static DateTimeOffset Time(long utcTicks, short offsetMinutes) =>
        new DateTimeOffset(utcTicks, TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(offsetMinutes));
}
