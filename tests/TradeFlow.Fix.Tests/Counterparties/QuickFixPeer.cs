using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Threading.Channels;
using TradeFlow.Testing;

namespace TradeFlow.Fix.Tests.Counterparties;

/// <summary>
/// A FIX initiator we did not write: tests/fix-peers/quickfix/qf-peer, built on Debian's QuickFIX C++ by
/// scripts/fix-peers.sh (test.sh runs it). Driven over stdin ("send D 11=...|..."), observed on stdout, one
/// event per line ("LOGON", "IN 8=FIX.4.4|...", "ADMIN_OUT ..."), each awaited with a generous timeout.
/// </summary>
internal sealed class QuickFixPeer : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly List<string> _seen = [];

    private QuickFixPeer(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                _lines.Writer.TryComplete();
            }
            else
            {
                _lines.Writer.TryWrite(e.Data);
            }
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>The qf-peer executable: $TRADEFLOW_QF_PEER, else where scripts/fix-peers.sh builds it.</summary>
    public static string Executable
    {
        get
        {
            var path = Environment.GetEnvironmentVariable("TRADEFLOW_QF_PEER")
                ?? Path.Combine(RepositoryPaths.Root, "tests", "fix-peers", "quickfix", "bin", "qf-peer");
            return File.Exists(path) ? path : throw new InvalidOperationException(
                $"The QuickFIX counterparty {path} is not built: run `source scripts/fix-peers.sh && build_fix_peers` (test.sh does).");
        }
    }

    /// <summary>The full QuickFIX FIX44.xml the peer validates with (QuickFIX's own dictionary, not ours).</summary>
    public static string Dictionary => Path.Combine(AppContext.BaseDirectory, "TestData", "FIX44.xml");

    /// <summary>Writes an initiator config for CLIENT1 → TRADEFLOW at <paramref name="port"/> and starts the peer on it.</summary>
    public static QuickFixPeer Start(string directory, int port, string senderCompId = "CLIENT1")
    {
        Directory.CreateDirectory(directory);
        var config = Path.Combine(directory, "qf-peer.cfg");
        File.WriteAllText(config, string.Create(CultureInfo.InvariantCulture, $"""
            [DEFAULT]
            ConnectionType=initiator
            SocketConnectHost=127.0.0.1
            SocketConnectPort={port}
            HeartBtInt=30
            ReconnectInterval=1
            FileStorePath={Path.Combine(directory, "qf-store")}
            StartTime=00:00:00
            EndTime=00:00:00
            UseDataDictionary=Y
            DataDictionary={Dictionary}
            [SESSION]
            BeginString=FIX.4.4
            SenderCompID={senderCompId}
            TargetCompID=TRADEFLOW
            """));
        var start = new ProcessStartInfo(Executable, ["script", config])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.ASCII,
        };
        return new QuickFixPeer(Process.Start(start) ?? throw new InvalidOperationException("qf-peer did not start"));
    }

    /// <summary>Sends one command line to the peer.</summary>
    public void Command(string line)
    {
        _process.StandardInput.WriteLine(line);
        _process.StandardInput.Flush();
    }

    /// <summary>Has the peer send <paramref name="msgType"/> with body fields "tag=value|tag=value|...".</summary>
    public void Send(string msgType, string body) => Command($"send {msgType} {body}");

    /// <summary>The next line for which <paramref name="match"/> holds; fails naming every line seen meanwhile.</summary>
    public async Task<string> Expect(Func<string, bool> match, string what)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            while (true)
            {
                var line = await _lines.Reader.ReadAsync(timeout.Token);
                _seen.Add(line);
                if (match(line))
                {
                    return line;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ChannelClosedException)
        {
            throw new Xunit.Sdk.XunitException($"qf-peer never showed {what}. It printed:\n  {string.Join("\n  ", _seen)}");
        }
    }

    /// <summary>The next inbound application message of <paramref name="msgType"/>.</summary>
    public Task<string> ExpectApp(string msgType) =>
        Expect(l => l.StartsWith("IN ", StringComparison.Ordinal) && l.Contains($"|35={msgType}|", StringComparison.Ordinal),
            $"an inbound {msgType}");

    /// <summary>The value of <paramref name="tag"/> in a printed message line.</summary>
    public static string? Field(string line, int tag)
    {
        var prefix = $"|{tag}=";
        var start = line.IndexOf(prefix, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        start += prefix.Length;
        var end = line.IndexOf('|', start);
        return end < 0 ? line[start..] : line[start..end];
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try
            {
                Command("quit");
                await _process.WaitForExitAsync().WaitAsync(Timeout);
            }
            catch (Exception ex) when (ex is IOException or TimeoutException or InvalidOperationException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
    }
}
