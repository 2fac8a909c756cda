namespace TradeFlow.Postgres;

/// <summary>
/// When the store writes the queryable <c>jsonb</c> copy of a JSON payload for reporting SQL (the exact bytes are
/// always in <c>payload</c>). See <c>docs/postgres.md</c>, "The jsonb copy: inline or deferred".
/// </summary>
public enum JsonColumn
{
    /// <summary>In the appending transaction, into <c>events.data</c>: queryable the moment the append is acked (the default).</summary>
    Inline,

    /// <summary>
    /// After the commit, into <c>event_data</c>, by the store's fill worker in large set-based statements: appends
    /// carry only <c>payload</c> (the server's JSON parse and ~240 bytes of WAL per event move off the serial append
    /// path); reporting reads <c>events_with_data</c>, whose <c>data</c> is NULL above the fill checkpoint.
    /// </summary>
    Deferred,

    /// <summary>No jsonb copy: reporting reads <c>payload</c> (<c>convert_from(payload, 'UTF8')::jsonb</c>).</summary>
    None,
}
