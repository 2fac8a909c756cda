using TradeFlow.Domain.ReferenceData;
using TradeFlow.Projections.Runtime;

namespace TradeFlow.Replay.Cli;

/// <summary>
/// What a verb runs against besides its arguments: where it writes, what "now" is, whether a person is watching
/// (progress bars), how Ctrl-C reaches it, and any extra projections (a test registers a deliberately
/// non-deterministic one). Tests build one over <see cref="StringWriter"/>s and call the verbs in-process.
/// </summary>
public sealed class ReplayEnvironment
{
    /// <summary>Creates an environment writing to <paramref name="output"/> and <paramref name="error"/>.</summary>
    public ReplayEnvironment(TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        Output = output;
        Error = error;
    }

    /// <summary>Standard output: reports, tables, JSON, exported events.</summary>
    public TextWriter Output { get; }

    /// <summary>Standard error: one-line failures and progress.</summary>
    public TextWriter Error { get; }

    /// <summary>The current instant (a time "in the future" is refused against it).</summary>
    public Func<DateTimeOffset> Now { get; init; } = () => DateTimeOffset.UtcNow;

    /// <summary>True when a person watches a terminal: progress bars on stderr. False when piped and in tests.</summary>
    public bool Interactive { get; init; }

    /// <summary>Cancelled by Ctrl-C.</summary>
    public CancellationToken CancellationToken { get; init; }

    /// <summary>Projections beyond the built-in ones (accounting, exposure, settlement), by factory over the reference data.</summary>
    public IReadOnlyList<Func<ReferenceDataSet, IProjection>> ExtraProjections { get; init; } = [];

    /// <summary>The real console: stdout, stderr, progress only when stderr is a terminal.</summary>
    public static ReplayEnvironment FromConsole(CancellationToken cancellationToken) =>
        new(Console.Out, Console.Error) { Interactive = !Console.IsErrorRedirected, CancellationToken = cancellationToken };
}
