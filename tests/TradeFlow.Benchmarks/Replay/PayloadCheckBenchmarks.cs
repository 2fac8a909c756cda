using BenchmarkDotNet.Attributes;
using TradeFlow.Domain.Serialization;

namespace TradeFlow.Benchmarks.Replay;

/// <summary>
/// <c>verify</c>'s payload check per event, on the five payloads of the 1M-event benchmark journal (one of each type
/// it holds, in its proportions: a fifth each): the full deserializer (what <c>verify</c> ran on every payload before)
/// against <see cref="EventPayloadValidator"/> (what it runs now, falling back to the deserializer only when unsure).
/// One operation is one payload.
/// </summary>
[MemoryDiagnoser]
public class PayloadCheckBenchmarks
{
    private readonly (string Type, byte[] Payload)[] _payloads =
    [
        ("TradeBooked", """{"tradeId":"T000000000001","effectiveTime":"2025-03-14T09:00:01+00:00","economics":{"instrument":"US0378331005","side":"Buy","quantity":"101","price":"190.25","counterparty":"7LTWFZYICNSX8D621K86","book":"EQ-NY","trader":"AKUMAR","tradeDate":"2025-03-14","settlementDate":"2025-03-18"},"assetClass":"CashEquity","notional":"19215.25 USD"}"""u8.ToArray()),
        ("TradeConfirmed", """{"tradeId":"T000000000001","effectiveTime":"2025-03-14T09:00:01+00:00","confirmationReference":"CONF"}"""u8.ToArray()),
        ("SettlementInstructed", """{"tradeId":"T000000000001","effectiveTime":"2025-03-14T09:00:01+00:00","attempt":1,"accounts":[{"currency":"USD","account":"ACC-USD","agentBic":"GSCMUS33"}]}"""u8.ToArray()),
        ("SettlementMatched", """{"tradeId":"T000000000001","effectiveTime":"2025-03-14T09:00:01+00:00","matchReference":"MATCH"}"""u8.ToArray()),
        ("SettlementSettled", """{"tradeId":"T000000000001","effectiveTime":"2025-03-14T09:00:01+00:00","settledOn":"2025-03-18"}"""u8.ToArray()),
    ];

    private readonly EventPayloadValidator[] _validators;

    public PayloadCheckBenchmarks() => _validators = [.. _payloads.Select(p => EventPayloadValidator.For(p.Type, 1)!)];

    [Benchmark(Baseline = true, OperationsPerInvoke = 5)]
    public int Deserialize()
    {
        var read = 0;
        foreach (var (type, payload) in _payloads)
        {
            read += DomainEventSerializer.Instance.Deserialize(type, 1, payload) is null ? 0 : 1;
        }

        return read;
    }

    [Benchmark(OperationsPerInvoke = 5)]
    public int Validate()
    {
        var accepted = 0;
        for (var i = 0; i < _payloads.Length; i++)
        {
            accepted += _validators[i].Accepts(_payloads[i].Payload) ? 1 : 0;
        }

        return accepted;
    }
}
