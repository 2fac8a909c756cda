using System.CommandLine;
using TradeFlow.Domain.ReferenceData;
using TradeFlow.ReferenceData;
using TradeFlow.Replay.Stores;

namespace TradeFlow.Replay.Cli;

/// <summary>The options every verb takes: which store, which reference data, and <c>--json</c>.</summary>
public sealed class StoreOptions
{
    /// <summary>The environment variable holding a PostgreSQL connection string.</summary>
    public const string PostgresVariable = "TRADEFLOW_PG";

    private readonly Option<DirectoryInfo?> _data = new("--data") { Description = "Data directory of the embedded journal (opened read-only: never takes the writer lock)." };
    private readonly Option<string?> _postgres = new("--postgres") { Description = $"PostgreSQL connection string (default: ${PostgresVariable} when --data is not given)." };
    private readonly Option<string> _schema = new("--schema") { Description = "PostgreSQL schema of the event store.", DefaultValueFactory = _ => Postgres.PostgresEventStoreOptions.DefaultSchema };
    private readonly Option<DirectoryInfo?> _referenceData = new("--reference-data") { Description = "Reference-data directory (default: the shipped set next to the executable)." };
    private readonly Option<bool> _json = new("--json") { Description = "Write one JSON document (or JSON lines) for machines instead of tables." };

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public Command AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(_data);
        command.Options.Add(_postgres);
        command.Options.Add(_schema);
        command.Options.Add(_referenceData);
        command.Options.Add(_json);
        return command;
    }

    /// <summary>True when <c>--json</c> was given.</summary>
    public bool Json(ParseResult result) => result.GetValue(_json);

    /// <summary>The store the arguments (or <c>TRADEFLOW_PG</c>) select.</summary>
    /// <exception cref="ReplayException">None, or both, were given.</exception>
    public StoreSelection Store(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var data = result.GetValue(_data);
        var postgres = result.GetValue(_postgres);
        if (data is not null && postgres is not null)
        {
            throw ReplayException.BadInput("give either --data or --postgres, not both.");
        }

        if (data is not null)
        {
            return new StoreSelection(StoreKind.Journal, data.FullName, string.Empty);
        }

        postgres ??= Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : null;
        return postgres is null
            ? throw ReplayException.BadInput($"choose a store: --data DIR (embedded journal) or --postgres CONNSTR (or set {PostgresVariable}).")
            : new StoreSelection(StoreKind.Postgres, postgres, result.GetValue(_schema)!);
    }

    /// <summary>Loads the reference data.</summary>
    /// <exception cref="ReplayException">A file is missing or invalid.</exception>
    public ReferenceDataSet ReferenceData(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var directory = result.GetValue(_referenceData)?.FullName ?? Path.Combine(AppContext.BaseDirectory, "reference-data");
        try
        {
            return ReferenceDataFiles.Load(directory);
        }
        catch (ReferenceDataFileException ex)
        {
            throw ReplayException.BadInput($"reference data in {directory}: {ex.Message}");
        }
        catch (IOException ex)
        {
            throw ReplayException.BadInput($"reference data in {directory}: {ex.Message}");
        }
    }
}
