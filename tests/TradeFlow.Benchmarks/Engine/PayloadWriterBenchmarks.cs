using System.Buffers;
using System.Collections.Immutable;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using TradeFlow.Domain.Events;
using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Serialization;
using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;

namespace TradeFlow.Benchmarks.Engine;

/// <summary>
/// The journal thread's payload JSON per booking (issue 4, pass <c>engine8</c>): the engine's
/// <see cref="DomainEventSerializer"/> (the booking writer with repeated values' bytes copied and ids and decimals
/// written straight to UTF-8) against the engine7 writer (<see cref="EngineSevenBookingWriter"/>) and the generated
/// serializer, on 1,024 enriched bookings over 8 books, 16 counterparties, 32 instruments, 12 traders — each
/// operation writes one booking into a reused buffer. Setup checks that the three write the same bytes.
/// </summary>
[MemoryDiagnoser]
public class PayloadWriterBenchmarks : IDisposable
{
    private const int Bookings = 1024;
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private TradeBooked[] _bookings = [];
    private Utf8JsonWriter _writer = null!;
    private int _next;

    /// <summary>Builds the bookings and checks the writers agree.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(8);
        var books = Enumerable.Range(0, 8).Select(i => BookId.Parse($"BOOK-{i}")).ToArray();
        var traders = Enumerable.Range(0, 12).Select(i => TraderId.Parse($"TRADER{i}")).ToArray();
        var leis = Enumerable.Range(0, 16).Select(i => Lei($"5493001KJTIIGC8Y{i:D2}")).ToArray();
        var instruments = Enumerable.Range(0, 32).Select(i => Isin($"US{i:D9}")).ToArray();
        _bookings = [.. Enumerable.Range(0, Bookings).Select(i => Booking(i, random, books, traders, leis, instruments))];
        _writer = new Utf8JsonWriter(_buffer);
        foreach (var booked in _bookings)
        {
            var generated = JsonSerializer.SerializeToUtf8Bytes(booked, DomainJsonContext.Default.TradeBooked);
            _buffer.Clear();
            EngineSevenBookingWriter.Write(_writer, booked);
            _writer.Flush();
            _writer.Reset();
            var engineSeven = _buffer.WrittenSpan.ToArray();
            if (!generated.AsSpan().SequenceEqual(DomainEventSerializer.Instance.SerializeToUtf8Bytes(booked))
                || !generated.AsSpan().SequenceEqual(engineSeven))
            {
                throw new InvalidOperationException("The writers disagree.");
            }
        }
    }

    /// <summary>Engine7's writer through a reused writer, as the serializer reuses its own.</summary>
    [Benchmark(Baseline = true)]
    public int EngineSevenWriter()
    {
        _buffer.Clear();
        _writer.Reset(_buffer);
        EngineSevenBookingWriter.Write(_writer, _bookings[_next++ & (Bookings - 1)]);
        _writer.Flush();
        return _buffer.WrittenCount;
    }

    /// <summary>The engine's path: the registry lookup, the thread's writer, the booking writer.</summary>
    [Benchmark]
    public int Serializer()
    {
        _buffer.Clear();
        DomainEventSerializer.Instance.Serialize(_bookings[_next++ & (Bookings - 1)], _buffer);
        return _buffer.WrittenCount;
    }

    /// <summary>The source-generated metadata path, for reference.</summary>
    [Benchmark]
    public int Generated()
    {
        _buffer.Clear();
        _writer.Reset(_buffer);
        JsonSerializer.Serialize(_writer, _bookings[_next++ & (Bookings - 1)], DomainJsonContext.Default.TradeBooked);
        return _buffer.WrittenCount;
    }

    /// <summary>Releases the reused writer.</summary>
    public void Dispose()
    {
        _writer?.Dispose();
        GC.SuppressFinalize(this);
    }

    private static TradeBooked Booking(int i, Random random, BookId[] books, TraderId[] traders, CounterpartyId[] leis,
        InstrumentId[] instruments)
    {
        var quantity = Quantity.Of(random.Next(1, 10_000) * 100m);
        var price = Price.Of(Math.Round((decimal)(50 + random.NextDouble() * 150), 2));
        var notional = new Money(quantity.Value * price.Value, Currency.USD);
        var economics = new TradeEconomics(instruments[random.Next(instruments.Length)],
            random.Next(2) == 0 ? Side.Buy : Side.Sell, quantity, price, leis[random.Next(leis.Length)],
            books[random.Next(books.Length)], traders[random.Next(traders.Length)], new BusinessDate(2025, 3, 14),
            new BusinessDate(2025, 3, 17));
        var inBase = new Money(Math.Round(notional.Amount * 0.9231m, 2), Currency.EUR);
        var enrichment = new TradeEnrichment(inBase, inBase, $"CL-{economics.Counterparty.GetHashCode() & 0xFF}",
            ImmutableArray<string>.Empty);
        return new TradeBooked(TradeId.FromInt64(1_000_000 + i), new DateTimeOffset(2025, 3, 14, 14, 30, 0, TimeSpan.Zero)
            .AddTicks(i * 10_000L), economics, AssetClass.CashEquity, notional, Enrichment: enrichment);
    }

    private static CounterpartyId Lei(string prefix18) =>
        CounterpartyId.Parse(prefix18 + CounterpartyId.ComputeCheckDigits(prefix18));

    private static InstrumentId Isin(string prefix11) => InstrumentId.Parse(prefix11 + InstrumentId.ComputeIsinCheckDigit(prefix11));
}
