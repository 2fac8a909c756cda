using System.Diagnostics;

namespace TradeFlow.Server.Tests.Support;

/// <summary>Runs the built <c>tradeflow</c> executable as a user does, and waits for it to exit.</summary>
internal static class TradeflowProcess
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    /// <summary>The exit code and both outputs of <c>dotnet tradeflow.dll ARGS</c>, with <paramref name="environment"/> added.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string[] args,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "tradeflow.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(Patience);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"tradeflow {string.Join(' ', args)} did not exit within {Patience.TotalMinutes} minutes");
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Synchronous form, for tests that have nothing else to await.</summary>
    public static (int ExitCode, string Stdout, string Stderr) Run(params string[] args) => RunAsync(args).GetAwaiter().GetResult();
}
