using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text.Json;
using TradeFlow.Domain.Events;
using static TradeFlow.Domain.Serialization.FastJson;

namespace TradeFlow.Domain.Serialization;

/// <summary>
/// Hand-written readers for the events that follow a booking through its life (confirmation, settlement,
/// amendment, cancellation): the canonical bytes straight into the record; anything else answers false and is
/// read by the generated deserializer. A property test pins the equality with the generated reader.
/// </summary>
internal static class LifecycleEventJsonReaders
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryReadConfirmed(ReadOnlySpan<byte> utf8, [NotNullWhen(true)] out TradeConfirmed? evt)
    {
        evt = HeaderAndText(utf8, "confirmationReference"u8, out var id, out var at, out var reference) ? new TradeConfirmed(id, at, reference) : null;
        return evt is not null;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryReadMatched(ReadOnlySpan<byte> utf8, [NotNullWhen(true)] out SettlementMatched? evt)
    {
        evt = HeaderAndText(utf8, "matchReference"u8, out var id, out var at, out var reference) ? new SettlementMatched(id, at, reference) : null;
        return evt is not null;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryReadCancelled(ReadOnlySpan<byte> utf8, [NotNullWhen(true)] out TradeCancelled? evt)
    {
        evt = HeaderAndText(utf8, "reason"u8, out var id, out var at, out var reason) ? new TradeCancelled(id, at, reason) : null;
        return evt is not null;
    }

    // The shape of the events that add one text to the header (trade id, effective time): exactly that, nothing more.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool HeaderAndText(ReadOnlySpan<byte> utf8, ReadOnlySpan<byte> name, out Values.TradeId id, out DateTimeOffset at,
        [NotNullWhen(true)] out string? text)
    {
        var reader = new Utf8JsonReader(utf8);
        text = null;
        return EventJsonValues.Header(ref reader, out id, out at) && Property(ref reader, name) && String(ref reader, out text)
               && Finish(ref reader);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryReadSettled(ReadOnlySpan<byte> utf8, [NotNullWhen(true)] out SettlementSettled? evt)
    {
        evt = null;
        var reader = new Utf8JsonReader(utf8);
        if (!EventJsonValues.Header(ref reader, out var id, out var at) || !Property(ref reader, "settledOn"u8))
        {
            return false;
        }

        var settledOn = EventJsonValues.Date(ref reader);
        evt = Finish(ref reader) ? new SettlementSettled(id, at, settledOn) : null;
        return evt is not null;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryReadAmended(ReadOnlySpan<byte> utf8, [NotNullWhen(true)] out TradeAmended? evt)
    {
        evt = null;
        var reader = new Utf8JsonReader(utf8);
        if (!EventJsonValues.Header(ref reader, out var id, out var at)
            || !Property(ref reader, "previous"u8) || !EventJsonValues.Economics(ref reader, out var previous)
            || !Property(ref reader, "current"u8) || !EventJsonValues.Economics(ref reader, out var current)
            || !Property(ref reader, "notional"u8))
        {
            return false;
        }

        var notional = EventJsonValues.Money(ref reader);
        evt = Finish(ref reader) ? new TradeAmended(id, at, previous, current, notional) : null;
        return evt is not null;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryReadInstructed(ReadOnlySpan<byte> utf8, [NotNullWhen(true)] out SettlementInstructed? evt)
    {
        evt = null;
        var reader = new Utf8JsonReader(utf8);
        if (!EventJsonValues.Header(ref reader, out var id, out var at)
            || !Property(ref reader, "attempt"u8) || !Int32(ref reader, out var attempt)
            || !Property(ref reader, "accounts"u8) || reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        if (!Accounts(ref reader, out var accounts))
        {
            return false;
        }

        evt = Finish(ref reader) ? new SettlementInstructed(id, at, attempt, accounts) : null;
        return evt is not null;
    }

    // An instruction holds one account (a security's cash leg) or two (an FX deal's currencies): those are made into an
    // exactly-sized array directly, a builder (an object and an 8-slot array, then a copy) only for three or more.
    private static bool Accounts(ref Utf8JsonReader reader, out ImmutableArray<SettlementAccount> accounts)
    {
        accounts = [];
        SettlementAccount? first = null;
        SettlementAccount? second = null;
        ImmutableArray<SettlementAccount>.Builder? more = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            if (!Account(ref reader, out var account))
            {
                return false;
            }

            if (first is null)
            {
                first = account;
            }
            else if (second is null)
            {
                second = account;
            }
            else
            {
                if (more is null)
                {
                    more = ImmutableArray.CreateBuilder<SettlementAccount>();
                    more.Add(first);
                    more.Add(second);
                }

                more.Add(account);
            }
        }

        accounts = more is not null ? more.DrainToImmutable()
            : second is not null ? [first!, second]
            : first is not null ? [first]
            : [];
        return reader.TokenType == JsonTokenType.EndArray;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Account(ref Utf8JsonReader reader, [NotNullWhen(true)] out SettlementAccount? account)
    {
        account = null;
        if (!Property(ref reader, "currency"u8))
        {
            return false;
        }

        var currency = EventJsonValues.Currency(ref reader);

        // The account and agent come from the counterparty's standing instructions: the same few texts in every event.
        if (!Property(ref reader, "account"u8) || !RepeatedString(ref reader, out var number)
            || !Property(ref reader, "agentBic"u8) || !RepeatedString(ref reader, out var agentBic) || !EndObject(ref reader))
        {
            return false;
        }

        account = new SettlementAccount(currency, number, agentBic);
        return true;
    }

    // The event's last member was read: its object, and the payload, must end here.
    private static bool Finish(ref Utf8JsonReader reader) => EndObject(ref reader) && AtEnd(ref reader);
}
