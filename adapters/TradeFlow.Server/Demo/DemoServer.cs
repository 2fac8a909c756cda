using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using TradeFlow.Domain.ReferenceData;
using TradeFlow.Server.Http.Security;
using TradeFlow.Server.Serve;

namespace TradeFlow.Server.Demo;

/// <summary>
/// The server the demo runs against: <see cref="ServeHost"/>, as <c>tradeflow serve</c> composes it, in this process,
/// on the embedded journal in the demo's data directory, a FIX acceptor on a free loopback port accepting CLIENT1
/// and CLIENT2 (its own file store in the data directory), and the HTTP API on a free loopback port with one API
/// key generated for the run (back office and risk). Its log goes to standard error, warnings only.
/// </summary>
internal static class DemoServer
{
    /// <summary>Writes the acceptor's session file into <paramref name="dataDirectory"/> and returns the settings to serve with.</summary>
    public static ServeSettings Prepare(string dataDirectory, string referenceDataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        var fixConfig = Path.Combine(dataDirectory, "demo-acceptor.cfg");
        File.WriteAllText(fixConfig, LoopbackAcceptorConfig.For(DemoFixClient.ServerCompId, DemoFixClient.ClientCompIds, dataDirectory));
        return new ServeSettings(StoreKind.Journal, dataDirectory, null, referenceDataDirectory, fixConfig, ["http://127.0.0.1:0"])
        {
            MinimumLogLevel = LogLevel.Warning,
            LogToStandardError = true,
            HashStateOnStop = true,
        };
    }

    /// <summary>Starts the server; <paramref name="apiKey"/> is configured (as its salted hash) with the back-office and risk roles.</summary>
    public static Task<ServeHost> StartAsync(ServeSettings settings, ReferenceDataSet referenceData, string apiKey, CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["TradeFlow:Http:ApiKeys:0:Name"] = "demo-backoffice",
            ["TradeFlow:Http:ApiKeys:0:Roles"] = $"{ApiRole.BackOffice},{ApiRole.Risk}",
            ["TradeFlow:Http:ApiKeys:0:Hash"] = ApiKeyHasher.Hash(apiKey),
        }).Build();
        return ServeHost.StartAsync(settings, referenceData, configuration, cancellationToken);
    }

    /// <summary>The FIX port the host listens on.</summary>
    public static int FixPort(ServeHost host) => host.Acceptor.Endpoints[0].Port;

    /// <summary>The HTTP base address the host listens on (the port Kestrel picked).</summary>
    public static Uri HttpAddress(ServeHost host) => new(host.HttpUrls.First());
}
