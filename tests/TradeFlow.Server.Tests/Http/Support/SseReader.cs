using System.Text;
using System.Text.Json;

namespace TradeFlow.Server.Tests.Http.Support;

/// <summary>Reads a server-sent event stream: each event's <c>data</c> line as JSON, comments and other fields skipped.</summary>
internal sealed class SseReader : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private SseReader(HttpResponseMessage response, StreamReader reader)
    {
        _response = response;
        _reader = reader;
    }

    public string? ContentType => _response.Content.Headers.ContentType?.MediaType;

    /// <summary>Opens the stream; the server subscribes the client before it sends the headers, so it is subscribed on return.</summary>
    public static async Task<SseReader> OpenAsync(HttpClient client, string path)
    {
        client.Timeout = Timeout.InfiniteTimeSpan;
        var response = await client.GetAsync(new Uri(path, UriKind.Relative), HttpCompletionOption.ResponseHeadersRead).WaitAsync(ApiHost.Timeout);
        if (!response.IsSuccessStatusCode)
        {
            // Only a refusal has an end to read: a stream's body never ends.
            Assert.Fail($"stream answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        var reader = new StreamReader(await response.Content.ReadAsStreamAsync(), Encoding.UTF8);
        return new SseReader(response, reader);
    }

    /// <summary>The next event's data, parsed.</summary>
    public async Task<JsonElement> NextDataAsync()
    {
        while (await _reader.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                return JsonDocument.Parse(line["data: ".Length..]).RootElement.Clone();
            }
        }

        throw new EndOfStreamException("the stream ended");
    }

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _response.Dispose();
        return ValueTask.CompletedTask;
    }
}
