namespace TradeFlow.Replay.Stores;

/// <summary>The store a verb was pointed at: a data directory, or a PostgreSQL connection string and schema.</summary>
/// <param name="Kind">The backend.</param>
/// <param name="Location">The data directory, or the connection string.</param>
/// <param name="Schema">The PostgreSQL schema (ignored for the journal).</param>
public sealed record StoreSelection(StoreKind Kind, string Location, string Schema)
{
    /// <summary>How the store is named in reports: the directory, or host/database/schema without the password.</summary>
    public string Describe()
    {
        if (Kind == StoreKind.Journal)
        {
            return "embedded journal " + Path.GetFullPath(Location);
        }

        var builder = new Npgsql.NpgsqlConnectionStringBuilder(Location);
        return $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database} schema {Schema}";
    }
}
