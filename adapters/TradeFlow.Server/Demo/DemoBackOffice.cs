using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;
using TradeFlow.Engine;

namespace TradeFlow.Server.Demo;

/// <summary>
/// The demo's back office on the server's HTTP API with the run's API key: settlement status updates
/// (<c>POST /api/trades/{id}/settlement/{status}</c>, the scenario's source key as <c>Idempotency-Key</c>), sent
/// several at a time as a back-office system would, and the reads risk and the back office look at.
/// </summary>
internal sealed class DemoBackOffice : IDisposable
{
    /// <summary>Requests in flight at once: enough for the engine to group-commit them, few enough for two cores.</summary>
    private const int Concurrency = 16;

    private readonly HttpClient _http;

    public DemoBackOffice(Uri baseAddress, string apiKey)
    {
        _http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) };
        _http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
    }

    /// <summary>True for the commands this API carries (instructed, matched, settled, failed).</summary>
    public static bool Carries(TradeCommand command) => command is InstructSettlement or MatchSettlement or SettleTrade or FailSettlement;

    /// <summary>Posts every command, <see cref="Concurrency"/> at a time; the answers are in the commands' order.</summary>
    public async Task<DemoAnswer[]> SendAsync(IReadOnlyList<TradeCommand> commands, CancellationToken cancellationToken)
    {
        var answers = new DemoAnswer[commands.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, commands.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken },
            async (i, ct) => answers[i] = await PostAsync(commands[i], ct).ConfigureAwait(false)).ConfigureAwait(false);
        return answers;
    }

    /// <summary>GETs <paramref name="path"/> as JSON.</summary>
    /// <exception cref="HttpRequestException">The server did not answer 200.</exception>
    public async Task<JsonElement> GetAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(new Uri(path, UriKind.Relative), cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new HttpRequestException($"GET {path} answered {(int)response.StatusCode}: {text}");
        }

        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public void Dispose() => _http.Dispose();

    private async Task<DemoAnswer> PostAsync(TradeCommand command, CancellationToken cancellationToken)
    {
        var (id, status, body) = Describe(command);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/trades/{id}/settlement/{status}", UriKind.Relative))
        {
            Content = JsonContent.Create(body),
        };
        request.Headers.Add("Idempotency-Key", command.SourceKey);
        var sent = Stopwatch.GetTimestamp();
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var latency = Stopwatch.GetTimestamp() - sent;
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return response.StatusCode switch
        {
            HttpStatusCode.OK => new DemoAnswer(CommandStatus.Accepted, id, [], latency, Warnings(text)),
            HttpStatusCode.UnprocessableEntity => new DemoAnswer(CommandStatus.Rejected, id, Reasons(text), latency),
            _ => DemoAnswer.Failed($"{command.Kind} {id}: HTTP {(int)response.StatusCode} {text}"),
        };
    }

    private static (TradeId Id, string Status, object Body) Describe(TradeCommand command)
    {
        var at = ((ExistingTradeCommand)command).EffectiveTime.ToString("O", CultureInfo.InvariantCulture);
        return command switch
        {
            InstructSettlement i => (i.TradeId, "instructed", new { effectiveTime = at }),
            MatchSettlement m => (m.TradeId, "matched", new { matchReference = m.MatchReference, effectiveTime = at }),
            SettleTrade s => (s.TradeId, "settled", new { settledOn = s.SettledOn.ToString(), effectiveTime = at }),
            FailSettlement f => (f.TradeId, "failed", new { reason = f.Reason, effectiveTime = at }),
            _ => throw new ArgumentException($"{command.Kind} has no settlement endpoint", nameof(command)),
        };
    }

    private static int Warnings(string result)
    {
        using var document = JsonDocument.Parse(result);
        return document.RootElement.TryGetProperty("warnings", out var warnings) ? warnings.GetArrayLength() : 0;
    }

    // A 422 is Problem Details with reasons: [{ code, message }].
    private static System.Collections.Immutable.ImmutableArray<string> Reasons(string problem)
    {
        using var document = JsonDocument.Parse(problem);
        return document.RootElement.TryGetProperty("reasons", out var reasons)
            ? [.. reasons.EnumerateArray().Select(r => $"{r.GetProperty("code").GetString()}: {r.GetProperty("message").GetString()}")]
            : [document.RootElement.GetProperty("detail").GetString() ?? "rejected"];
    }
}
