using System.Globalization;
using System.Text;

namespace TradeFlow.Server.Serve;

/// <summary>
/// The QuickFIX <c>.cfg</c> of an in-process server that the demo and the benchmark drive: one acceptor on a free
/// loopback port, sessions around the clock, the FIX store in the run's data directory.
/// </summary>
internal static class LoopbackAcceptorConfig
{
    /// <summary>The settings text: <paramref name="serverCompId"/> accepting each of <paramref name="clientCompIds"/>.</summary>
    public static string For(string serverCompId, IEnumerable<string> clientCompIds, string dataDirectory)
    {
        var cfg = new StringBuilder()
            .AppendLine("[DEFAULT]")
            .AppendLine("ConnectionType=acceptor")
            .AppendLine("SocketAcceptHost=127.0.0.1")
            .AppendLine("SocketAcceptPort=0")
            .AppendLine("BeginString=FIX.4.4")
            .AppendLine(CultureInfo.InvariantCulture, $"SenderCompID={serverCompId}")
            .AppendLine(CultureInfo.InvariantCulture, $"FileStorePath={Path.Combine(dataDirectory, "fix-store")}")
            .AppendLine("NonStopSession=Y");
        foreach (var client in clientCompIds)
        {
            cfg.AppendLine("[SESSION]").AppendLine(CultureInfo.InvariantCulture, $"TargetCompID={client}");
        }

        return cfg.ToString();
    }
}
