using System.Text;
using System.Text.Json;
using TradeFlow.EventSourcing;
using TradeFlow.Journal;
using TradeFlow.Replay.Cli;
using TradeFlow.Replay.Tests.Support;

namespace TradeFlow.Replay.Tests;

/// <summary>
/// <c>verify</c> names the segment, offset, position and reason of each kind of unreadable payload — the fast check
/// never decides that a payload is bad, the deserializer does — and lists them in file order.
/// </summary>
public sealed class VerifyPayloadProblemTests : IDisposable
{
    private const string Booked =
        "{\"tradeId\":\"T000000000001\",\"effectiveTime\":\"2025-03-14T09:00:01+00:00\",\"economics\":{\"instrument\":\"US0378331005\","
        + "\"side\":\"Buy\",\"quantity\":\"101\",\"price\":\"190.25\",\"counterparty\":\"7LTWFZYICNSX8D621K86\",\"book\":\"EQ-NY\","
        + "\"trader\":\"AKUMAR\",\"tradeDate\":\"2025-03-14\",\"settlementDate\":\"2025-03-18\"},\"assetClass\":\"CashEquity\","
        + "\"notional\":\"19215.25 USD\"}";

    private readonly TestHistory _history = TestHistory.Embedded(segmentSize: 16 * 1024).Run(40);

    public VerifyPayloadProblemTests() => _history.Stop();

    public void Dispose() => _history.Dispose();

    [Fact]
    public void A_canonical_payload_passes_and_a_truncated_one_is_named_with_segment_offset_and_reason()
    {
        var problems = AppendAndVerify(("TradeBooked", 1, Booked), ("TradeBooked", 1, Booked[..^20]));

        var problem = Assert.Single(problems);
        Assert.Equal((_lastSegment, _offsets[1], _head + 2), (problem.File, problem.Offset, problem.Position));
        Assert.StartsWith("the TradeBooked.v1 payload does not deserialize: Payload of TradeBooked.v1 is invalid:", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_retyped_property_is_named_with_the_deserializers_reason()
    {
        var problems = AppendAndVerify(("TradeBooked", 1, Booked.Replace("\"quantity\":\"101\"", "\"quantity\":true", StringComparison.Ordinal)));

        var problem = Assert.Single(problems);
        Assert.Equal((_lastSegment, _offsets[0], _head + 1), (problem.File, problem.Offset, problem.Position));
        Assert.Contains("Expected a Quantity as a JSON string, found True", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_enum_name_is_named_but_a_name_in_another_case_reads()
    {
        var purchase = Booked.Replace("\"Buy\"", "\"Purchase\"", StringComparison.Ordinal);
        var problems = AppendAndVerify(("TradeBooked", 1, Booked.Replace("\"Buy\"", "\"buy\"", StringComparison.Ordinal)), ("TradeBooked", 1, purchase));

        var problem = Assert.Single(problems);
        Assert.Equal((_lastSegment, _offsets[1]), (problem.File, problem.Offset));
        Assert.StartsWith("the TradeBooked.v1 payload does not deserialize", problem.Reason, StringComparison.Ordinal);
        Assert.Equal(Verification.PayloadCheck.Deserialize("TradeBooked", 1, Encoding.UTF8.GetBytes(purchase)), problem.Reason);
    }

    [Fact]
    public void A_counterparty_with_a_bad_check_digit_is_named()
    {
        var problems = AppendAndVerify(("TradeBooked", 1, Booked.Replace("7LTWFZYICNSX8D621K86", "7LTWFZYICNSX8D621K87", StringComparison.Ordinal)));

        var problem = Assert.Single(problems);
        Assert.Equal((_lastSegment, _offsets[0]), (problem.File, problem.Offset));
        Assert.Contains("'7LTWFZYICNSX8D621K87' is not a valid CounterpartyId", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dropped_property_is_judged_as_the_deserializer_judges_it()
    {
        var dropped = Booked.Replace(",\"assetClass\":\"CashEquity\"", string.Empty, StringComparison.Ordinal);
        var deserializer = Verification.PayloadCheck.Deserialize("TradeBooked", 1, Encoding.UTF8.GetBytes(dropped));

        var problems = AppendAndVerify(("TradeBooked", 1, dropped));

        Assert.Equal(deserializer is null ? [] : [deserializer], problems.Select(p => p.Reason));
    }

    [Fact]
    public void A_wrong_schema_version_and_an_unknown_type_are_named_in_file_order()
    {
        var problems = AppendAndVerify(("TradeBooked", 2, Booked), ("TradeBooked", 1, Booked), ("NoSuchEvent", 1, "{}"));

        Assert.Equal([(_offsets[0], _head + 1), (_offsets[2], _head + 3)], problems.Select(p => (p.Offset, p.Position)));
        Assert.Equal("event type TradeBooked.v2 is not in this build's event registry (no reader or upcaster)", problems[0].Reason);
        Assert.Equal("event type NoSuchEvent.v1 is not in this build's event registry (no reader or upcaster)", problems[1].Reason);
    }

    private string? _lastSegment;
    private List<long> _offsets = [];
    private long _head;

    private List<(string? File, long Offset, long Position, string Reason)> AppendAndVerify(params (string Type, int Version, string Payload)[] records)
    {
        _head = _history.Head;
        using (var journal = EventJournal.Open(new JournalOptions(_history.DataDirectory!) { SegmentSize = 16 * 1024 }))
        {
            var at = DateTimeOffset.UnixEpoch;
            journal.AppendMultiple([new StreamAppend("trade-T999999999999", ExpectedVersion.NoStream,
                [.. records.Select(r => new EventData(Guid.NewGuid(), r.Type, r.Version, Encoding.UTF8.GetBytes(r.Payload), at, at))])]).EnsureSuccess();
        }

        _lastSegment = JournalFiles.Segments(_history.DataDirectory!)[^1];
        _offsets = [.. JournalFiles.Records(File.ReadAllBytes(_lastSegment))[^records.Length..].Select(r => (long)r.Offset)];
        var result = Tool.Run(["verify", "--json", .. _history.StoreArgs]);
        Assert.Equal(result.Stdout.Contains("\"clean\": true", StringComparison.Ordinal) ? ExitCodes.Ok : ExitCodes.ProblemsFound, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        return [.. json.RootElement.GetProperty("problems").EnumerateArray()
            .Select(p => (p.GetProperty("file").GetString(), p.GetProperty("offset").GetInt64(), p.GetProperty("position").GetInt64(), p.GetProperty("reason").GetString()!))];
    }
}
