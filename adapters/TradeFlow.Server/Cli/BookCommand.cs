using System.CommandLine;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace TradeFlow.Server.Cli;

/// <summary>
/// <c>tradeflow book</c>: books one trade through a running <c>tradeflow serve</c> — its HTTP API, so the same
/// pipeline, checks and journal as a FIX capture — for a trader without FIX and for support staff.
/// </summary>
internal static class BookCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create()
    {
        var url = new Option<string>("--url") { Description = "The server's HTTP API.", DefaultValueFactory = _ => "http://127.0.0.1:8080" };
        url.Validators.Add(r =>
        {
            if (!Uri.TryCreate(r.GetValue(url), UriKind.Absolute, out _))
            {
                r.AddError("--url must be an absolute URL, e.g. http://127.0.0.1:8080");
            }
        });
        var apiKey = new Option<string?>("--api-key") { Description = "An API key with the trader or admin role (default: TRADEFLOW_API_KEY)." };
        var instrument = Required("--instrument", "ISIN, or an FX pair such as EUR/USD.");
        var side = Required("--side", "buy or sell (the bank's side).");
        side.AcceptOnlyFromAmong("buy", "sell");
        var quantity = new Option<decimal>("--quantity") { Description = "Shares, face amount or base-currency amount.", Required = true };
        var price = new Option<decimal>("--price") { Description = "Price per share, clean percent of face, or FX rate.", Required = true };
        var counterparty = Required("--counterparty", "The counterparty's LEI.");
        var book = Required("--book", "The book.");
        var trader = Required("--trader", "The trader who did the deal.");
        var tradeDate = new Option<string?>("--trade-date") { Description = "yyyy-MM-dd (default: today by the server's clock)." };
        var settlementDate = new Option<string?>("--settlement-date") { Description = "yyyy-MM-dd (default: derived from the instrument's cycle)." };
        var idempotencyKey = new Option<string?>("--idempotency-key") { Description = "Makes a retry safe: the same key books once and answers the original outcome." };
        var json = new Option<bool>("--json") { Description = "Print the server's answer as JSON." };
        var command = new Command("book", "Book one trade through a running tradeflow serve (its HTTP API).")
        {
            url, apiKey, instrument, side, quantity, price, counterparty, book, trader, tradeDate, settlementDate, idempotencyKey, json,
        };
        command.SetAction((result, cancellationToken) => RunAsync(new BookRequest(
            new Uri(result.GetValue(url)!), result.GetValue(apiKey) ?? Environment.GetEnvironmentVariable("TRADEFLOW_API_KEY"),
            result.GetValue(idempotencyKey), result.GetValue(json),
            new
            {
                instrument = result.GetValue(instrument),
                side = result.GetValue(side) == "buy" ? "Buy" : "Sell",
                quantity = result.GetValue(quantity),
                price = result.GetValue(price),
                counterparty = result.GetValue(counterparty),
                book = result.GetValue(book),
                trader = result.GetValue(trader),
                tradeDate = result.GetValue(tradeDate),
                settlementDate = result.GetValue(settlementDate),
            }), cancellationToken));
        return command;
    }

    private static Option<string> Required(string name, string description) => new(name) { Description = description, Required = true };

    private static async Task<int> RunAsync(BookRequest request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(request.ApiKey))
        {
            await Console.Error.WriteLineAsync("tradeflow book: an API key is needed (--api-key or TRADEFLOW_API_KEY).").ConfigureAwait(false);
            return 2;
        }

        using var http = new HttpClient { BaseAddress = request.Url, Timeout = TimeSpan.FromSeconds(30) };
        using var message = new HttpRequestMessage(HttpMethod.Post, "api/trades") { Content = JsonContent.Create(request.Body) };
        message.Headers.Add("X-Api-Key", request.ApiKey);
        if (request.IdempotencyKey is { } key)
        {
            message.Headers.Add("Idempotency-Key", key);
        }

        try
        {
            using var response = await http.SendAsync(message, cancellationToken).ConfigureAwait(false);
            var answer = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken).ConfigureAwait(false);
            Console.WriteLine(request.Json ? JsonSerializer.Serialize(answer, Json) : Describe(response.StatusCode, answer));
            return response.StatusCode switch
            {
                HttpStatusCode.Created or HttpStatusCode.OK => 0,
                HttpStatusCode.UnprocessableEntity => 1,
                HttpStatusCode.ServiceUnavailable => 3,
                _ => 2,
            };
        }
        catch (HttpRequestException ex)
        {
            await Console.Error.WriteLineAsync($"tradeflow book: {request.Url} is not reachable: {ex.Message}").ConfigureAwait(false);
            return 3;
        }
        catch (JsonException)
        {
            await Console.Error.WriteLineAsync($"tradeflow book: {request.Url} did not answer as a TradeFlow server.").ConfigureAwait(false);
            return 3;
        }
    }

    // One line a person reads: booked with the id (and warnings), or refused with every reason.
    private static string Describe(HttpStatusCode status, JsonElement answer)
    {
        string? Text(string name) => answer.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        if (status is HttpStatusCode.Created or HttpStatusCode.OK)
        {
            var warnings = answer.TryGetProperty("warnings", out var w) && w.GetArrayLength() > 0
                ? " (warnings: " + string.Join("; ", w.EnumerateArray().Select(x => x.GetString())) + ")" : string.Empty;
            var duplicate = answer.TryGetProperty("duplicate", out var d) && d.GetBoolean() ? " (already booked with this idempotency key)" : string.Empty;
            return $"Booked {Text("tradeId")}{duplicate}{warnings}";
        }

        if (answer.TryGetProperty("reasons", out var reasons))
        {
            return $"Refused {Text("tradeId")}: " + string.Join("; ", reasons.EnumerateArray()
                .Select(r => $"{r.GetProperty("code").GetString()}: {r.GetProperty("message").GetString()}"));
        }

        return $"{(int)status} {Text("title")}: {Text("detail")}";
    }

    private sealed record BookRequest(Uri Url, string? ApiKey, string? IdempotencyKey, bool Json, object Body);
}
