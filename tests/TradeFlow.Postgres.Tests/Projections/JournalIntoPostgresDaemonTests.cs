using TradeFlow.EventSourcing;
using TradeFlow.Journal;
using TradeFlow.Postgres.Projections;
using TradeFlow.Projections.Queries;
using TradeFlow.Projections.Runtime;
using TradeFlow.Projections.Tests.Support;

namespace TradeFlow.Postgres.Tests.Projections;

/// <summary>
/// The daemon with the embedded journal as its source and PostgreSQL as its read-model store: how a bank keeps the
/// engine on local disk and gives its reporting teams the projections in SQL.
/// </summary>
public sealed class JournalIntoPostgresDaemonTests : IAsyncLifetime, IDisposable
{
    private static readonly ProjectionDaemonOptions SaveOften = new() { SaveEvery = 25, SaveInterval = TimeSpan.FromMinutes(10) };

    private readonly string _schema = TestDatabase.NewSchema();
    private readonly TempDirectory _data = new();
    private readonly History _history = History.Random(seed: 11, steps: 160);
    private PostgresProjectionStore _projections = null!;

    public async Task InitializeAsync() => _projections = await PostgresProjectionStore.OpenAsync(TestDatabase.Options(_schema));

    public async Task DisposeAsync()
    {
        await _projections.DisposeAsync();
        await TestDatabase.DropSchemaAsync(_schema);
    }

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task A_daemon_reading_the_journal_saves_to_postgres_and_after_a_restart_of_both_resumes_where_it_saved()
    {
        var split = _history.Events.Count / 2;
        GlobalPosition firstHead;
        using (var journal = EventJournal.Open(new JournalOptions(_data.Path)))
        {
            firstHead = _history.AppendTo(journal, 0, split);
            await DaemonRun.UntilAsync(ProjectionDaemon.For(Catalog(), journal, SaveOften), firstHead);
        }

        await DaemonRun.AssertSavedAtAsync(_projections, firstHead);

        using (var journal = EventJournal.Open(new JournalOptions(_data.Path)))
        {
            var head = _history.AppendTo(journal, split, _history.Events.Count);
            var resumed = ProjectionDaemon.For(Catalog(), journal, SaveOften);
            await DaemonRun.UntilAsync(resumed, head);

            Assert.All(resumed.Starts.Values, start => Assert.Equal(ProjectionStart.Resumed, start));
            Assert.Equal(_history.Events.Count - split, resumed.EventsRead);
            await DaemonRun.AssertSavedAtAsync(_projections, head);
        }

        foreach (var projection in ProjectionSet.All(_history.Driver.ReferenceData))
        {
            var saved = await _projections.LoadAsync(projection.Name);
            Assert.Equal(_history.InMemoryHash(projection, _history.Events.Count), saved!.StateHash);
        }
    }

    private ProjectionCatalog Catalog() => new(_history.Driver.ReferenceData, store: _projections);
}
