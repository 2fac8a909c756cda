using System.Net;
using Microsoft.Extensions.Configuration;
using TradeFlow.ReferenceData;
using TradeFlow.Server.Serve;

namespace TradeFlow.Server.Bench;

/// <summary>
/// The server a bench run without <c>--target</c> measures: the same <see cref="ServeHost"/> as
/// <c>tradeflow serve</c>, in this process, on the embedded journal (durable: every answer follows an fsync) in a
/// fresh temporary data directory, with the given reference data, a FIX acceptor on a free loopback port accepting
/// BENCH1..BENCH<i>S</i> (its own file store, as served), and the HTTP API on a free port. Disposing stops it as
/// Ctrl-C stops <c>serve</c> and deletes the data directory.
/// </summary>
internal sealed class BenchServer : IAsyncDisposable
{
    private readonly ServeHost _host;

    private BenchServer(ServeHost host, string dataDirectory)
    {
        _host = host;
        DataDirectory = dataDirectory;
    }

    /// <summary>The temporary data directory (journal, FIX store, projections).</summary>
    public string DataDirectory { get; }

    /// <summary>Where the FIX acceptor listens.</summary>
    public IPEndPoint FixEndpoint => _host.Acceptor.Endpoints[0];

    /// <summary>Starts a server for <paramref name="sessions"/> bench sessions.</summary>
    /// <exception cref="ReferenceDataFileException">The reference data is bad.</exception>
    public static async Task<BenchServer> StartAsync(int sessions, string referenceDataDirectory, CancellationToken cancellationToken)
    {
        var referenceData = ReferenceDataFiles.Load(referenceDataDirectory);
        var dataDirectory = Path.Combine(Path.GetTempPath(), "tradeflow-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dataDirectory);
        var fixConfig = Path.Combine(dataDirectory, "bench-acceptor.cfg");
        await File.WriteAllTextAsync(fixConfig, LoopbackAcceptorConfig.For(BenchSettings.ServerCompId, Enumerable.Range(0, sessions).Select(BenchSettings.ClientCompId), dataDirectory), cancellationToken).ConfigureAwait(false);
        var settings = new ServeSettings(StoreKind.Journal, dataDirectory, null, referenceDataDirectory, fixConfig, ["http://127.0.0.1:0"]);
        try
        {
            var host = await ServeHost.StartAsync(settings, referenceData, new ConfigurationBuilder().Build(), cancellationToken).ConfigureAwait(false);
            return new BenchServer(host, dataDirectory);
        }
        catch
        {
            Directory.Delete(dataDirectory, recursive: true);
            throw;
        }
    }

    /// <summary>Stops the server as <c>serve</c> stops, then deletes its data directory.</summary>
    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync().ConfigureAwait(false);
        Directory.Delete(DataDirectory, recursive: true);
    }
}
