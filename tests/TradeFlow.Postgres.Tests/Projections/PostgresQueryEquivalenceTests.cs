using System.Text.Json;
using MediatR;
using TradeFlow.Domain.Values;
using TradeFlow.Projections.Queries;
using TradeFlow.Projections.Runtime;
using TradeFlow.Projections.Tests.Support;

namespace TradeFlow.Postgres.Tests.Projections;

/// <summary>
/// The projection queries answered from a catalog restored from PostgreSQL (after the daemon ran the history
/// through the PostgreSQL event store) give exactly what an in-memory fold of the same history gives.
/// </summary>
public sealed class PostgresQueryEquivalenceTests : PostgresStoresTest
{
    [Theory]
    [InlineData(11, 120)]
    [InlineData(2025, 200)]
    public async Task Queries_from_the_PostgreSQL_projections_equal_queries_from_an_in_memory_rebuild(int seed, int steps)
    {
        var history = History.Random(seed, steps);
        var head = history.AppendTo(Events, 0, history.Events.Count);
        await RunDaemonUntilAsync(history, head);

        var restored = new ProjectionCatalog(history.Driver.ReferenceData, store: Projections);
        foreach (var runner in restored.Runners)
        {
            Assert.Equal(ProjectionStart.Resumed, await runner.StartAsync());
        }

        var inMemory = new ProjectionCatalog(history.Driver.ReferenceData);
        foreach (var e in EventFeed.From(history.Events))
        {
            inMemory.Apply(e);
        }

        var fromPostgres = await AnswersAsync(ProjectionQueries.CreateMediator(restored));
        var fromMemory = await AnswersAsync(ProjectionQueries.CreateMediator(inMemory));

        Assert.Equal(fromMemory.Keys, fromPostgres.Keys);
        foreach (var (query, answer) in fromMemory)
        {
            Assert.Equal((query, answer), (query, fromPostgres[query]));
        }

        // The comparison is not vacuous: the history booked trades that show in positions and the trial balance.
        Assert.NotEqual("[]", fromMemory["positions"]);
        Assert.NotEqual("[]", fromMemory["trial balance"]);
    }

    [Fact]
    public async Task The_open_notional_view_reports_each_counterparty_with_open_trades_from_the_saved_exposure()
    {
        var history = History.Random(3, 60);
        var head = history.AppendTo(Events, 0, history.Events.Count);
        await RunDaemonUntilAsync(history, head);
        var inMemory = new ProjectionCatalog(history.Driver.ReferenceData);
        foreach (var e in EventFeed.From(history.Events))
        {
            inMemory.Apply(e);
        }

        var viewCounterparties = (string)(await TestDatabase.ScalarAsync(
            $"SELECT coalesce(string_agg(DISTINCT counterparty, ',' ORDER BY counterparty), '') FROM {Schema}.exposure_open_notional"))!;
        var withRisk = (await ProjectionQueries.CreateMediator(inMemory).Send(new GetCounterpartyExposure()))
            .Where(x => x.SettlementRisk != 0m).Select(x => x.Counterparty.ToString()).Order(StringComparer.Ordinal);

        Assert.NotEqual("", viewCounterparties);
        Assert.Subset(viewCounterparties.Split(',').ToHashSet(), withRisk.ToHashSet());
        Assert.Equal(head.Value, (long)(await TestDatabase.ScalarAsync($"SELECT max(as_of_position) FROM {Schema}.exposure_open_notional"))!);
    }

    private async Task RunDaemonUntilAsync(History history, EventSourcing.GlobalPosition head)
    {
        var daemon = ProjectionDaemon.For(new ProjectionCatalog(history.Driver.ReferenceData, store: Projections), Events,
            new ProjectionDaemonOptions { SaveEvery = 50 });
        using var stop = new CancellationTokenSource();
        var run = daemon.RunAsync(stop.Token);
        await Task.WhenAny(daemon.WaitForCheckpointAsync(head), run).WaitAsync(TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(30));
    }

    private static async Task<Dictionary<string, string>> AnswersAsync(IMediator mediator)
    {
        var from = new BusinessDate(2025, 3, 10);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["trial balance"] = Json(await mediator.Send(new GetTrialBalance())),
            ["ledger balances"] = Json(await mediator.Send(new GetLedgerBalances())),
            ["journal"] = Json(await mediator.Send(new GetJournalEntries(Limit: 10_000))),
            ["positions"] = Json(await mediator.Send(new GetPositions())),
            ["counterparty exposure"] = Json(await mediator.Send(new GetCounterpartyExposure())),
            ["currency exposure"] = Json(await mediator.Send(new GetCurrencyExposure())),
            ["netting sets"] = Json(await mediator.Send(new GetNettingSets())),
            ["settlement exceptions"] = Json(await mediator.Send(new GetSettlementExceptions())),
            ["fails"] = Json(await mediator.Send(new GetSettlementFails(new BusinessDate(2025, 6, 30)))),
            ["ladder"] = Json(await mediator.Send(new GetSettlementLadder(from, 60))),
        };
    }

    private static string Json<T>(T answer) => JsonSerializer.Serialize(answer, ProjectionJson.Options);
}
