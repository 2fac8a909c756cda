using TradeFlow.EventSourcing;
using TradeFlow.Postgres.Writing;

namespace TradeFlow.Postgres;

public sealed partial class PostgresEventStore
{
    /// <summary>
    /// The deferred jsonb fill's checkpoint (<c>data_fill_status.filled_to</c>): every event at or below it that was
    /// appended with <see cref="JsonColumn.Deferred"/> and is JSON has its <c>data</c> in <c>events_with_data</c>.
    /// </summary>
    public async Task<GlobalPosition> ReadJsonFilledToAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed.IsCancellationRequested, this);
        var connection = await Db.OpenAsync(_dataSource, async: true, cancellationToken).ConfigureAwait(false);
        try
        {
            return GlobalPosition.FromInt64(await ScalarAsync(connection, _sql.FilledTo, null, async: true, cancellationToken).ConfigureAwait(false));
        }
        finally
        {
            await Db.DisposeAsync(connection, async: true).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Runs the deferred jsonb fill here until it reaches the head it reads (in steps of
    /// <see cref="PostgresEventStoreOptions.DeferredFillBatch"/> positions) and returns the checkpoint: for operators
    /// who switch a schema back from <see cref="JsonColumn.Deferred"/>, whose stores no longer run the fill worker.
    /// Safe beside running workers: fills take turns on the checkpoint row.
    /// </summary>
    public async Task<GlobalPosition> FillDeferredJsonAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed.IsCancellationRequested, this);
        while (true)
        {
            var (filledTo, head) = await DeferredJsonFill.StepAsync(_dataSource, _sql, _options.DeferredFillBatch, 1, cancellationToken).ConfigureAwait(false);
            if (filledTo >= head)
            {
                return GlobalPosition.FromInt64(filledTo);
            }
        }
    }
}
