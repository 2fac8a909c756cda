using TradeFlow.Replay.Cli;

namespace TradeFlow.Replay.Tests.Support;

/// <summary>Runs <c>tradeflow-replay</c> in-process, capturing stdout and stderr.</summary>
internal static class Tool
{
    public static ToolResult Run(params string[] args) => Run(null, args);

    public static ToolResult Run(Func<TextWriter, TextWriter, ReplayEnvironment>? environment, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = ReplayCli.Run(args, environment?.Invoke(output, error) ?? new ReplayEnvironment(output, error));
        return new ToolResult(exit, output.ToString(), error.ToString());
    }
}
