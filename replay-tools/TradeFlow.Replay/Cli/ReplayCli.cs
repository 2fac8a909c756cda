using System.CommandLine;
using TradeFlow.Replay.Verbs;

namespace TradeFlow.Replay.Cli;

/// <summary>
/// The <c>tradeflow-replay</c> command line: verbs, parse errors as exit code 2, and every expected failure as one
/// line on stderr with its exit code (<see cref="ExitCodes"/>). Tests call <see cref="Run"/> in-process with a
/// <see cref="ReplayEnvironment"/> over string writers.
/// </summary>
public static class ReplayCli
{
    /// <summary>Parses <paramref name="args"/>, runs the verb and returns the exit code.</summary>
    public static int Run(string[] args, ReplayEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(environment);
        var parse = Create(environment).Parse(args);
        var verb = parse.CommandResult.Command.Name;
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                environment.Error.WriteLine($"tradeflow-replay {verb}: {error.Message}");
            }

            return ExitCodes.BadInput;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = environment.Output, Error = environment.Error, EnableDefaultExceptionHandler = false });
        }
        catch (ReplayException ex)
        {
            environment.Error.WriteLine($"tradeflow-replay {verb}: {ex.Message}");
            return ex.ExitCode;
        }
        catch (OperationCanceledException) when (environment.CancellationToken.IsCancellationRequested)
        {
            environment.Error.WriteLine($"tradeflow-replay {verb}: interrupted; nothing was written to the store.");
            return ExitCodes.Cancelled;
        }
    }

    /// <summary>The root command with every verb.</summary>
    public static RootCommand Create(ReplayEnvironment environment)
    {
        var root = new RootCommand("tradeflow-replay: audit, point-in-time replay, rebuild, integrity verification and export of a TradeFlow event store (read-only).");
        foreach (var verb in Verbs(environment))
        {
            root.Subcommands.Add(verb);
        }

        return root;
    }

    private static IEnumerable<Command> Verbs(ReplayEnvironment environment)
    {
        yield return VerifyVerb.Create(environment);
        yield return AuditVerb.Create(environment);
        yield return ReplayVerb.Create(environment);
        yield return ExportVerb.Create(environment);
        yield return RebuildVerb.Create(environment);
        yield return DeterminismVerb.Create(environment);
        yield return DiffVerb.Create(environment);
    }
}
