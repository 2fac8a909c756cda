using System.Runtime.InteropServices;

namespace TradeFlow.Projections.Accounting.Kept;

/// <summary>
/// A kept posting line: its ledger as an index into a <see cref="LedgerTable"/> (account, currency, book and
/// counterparty repeat on every line; the ledgers are few) and its amount as a scaled <see cref="long"/>
/// (<see cref="ScaledAmount"/>). 12 bytes, where a <see cref="PostingLine"/> is 48 and a ledger index with a
/// <see cref="decimal"/> 20. An amount no <see cref="long"/> holds exactly is <em>wide</em>: its <c>long</c> is then the
/// index of the decimal in the holder's own list (the kept journal's), or the holder keeps the line whole (a trade's
/// open lines).
/// </summary>
// Packed to 4: the long's 8-byte alignment would pad every line to 16 bytes.
[StructLayout(LayoutKind.Sequential, Pack = 4)]
internal readonly struct KeptLine
{
    // The head: the ledger index in the low 26 bits, the scale (0–28) in the next 5, the wide flag in the top bit.
    private const int LedgerBits = 26;
    private const uint LedgerMask = (1u << LedgerBits) - 1;
    private const uint WideFlag = 1u << 31;
    private readonly uint _head;
    private readonly long _units;

    private KeptLine(uint head, long units)
    {
        _head = head;
        _units = units;
    }

    /// <summary>The most ledgers a line can name (2^26): far beyond account × currency × book × counterparty in use.</summary>
    public const int MaxLedgers = 1 << LedgerBits;

    /// <summary>The ledger's index in the holder's <see cref="LedgerTable"/>.</summary>
    public int Ledger => (int)(_head & LedgerMask);

    /// <summary>True when the amount is not held here (<see cref="WideIndex"/> says where).</summary>
    public bool IsWide => (_head & WideFlag) != 0;

    /// <summary>The wide amount's index in the holder's list of decimals.</summary>
    public int WideIndex => (int)_units;

    /// <summary>The amount of a line that is not wide, bit for bit the decimal packed.</summary>
    public decimal Amount => ScaledAmount.Unpack(_units, (byte)((_head >> LedgerBits) & 0x1F));

    /// <summary>The line holding <paramref name="amount"/> itself, or false when it does not fit (<see cref="ScaledAmount"/>).</summary>
    public static bool TryCreate(int ledger, decimal amount, out KeptLine line)
    {
        if (!ScaledAmount.TryPack(amount, out var units, out var scale))
        {
            line = default;
            return false;
        }

        line = new KeptLine(LedgerHead(ledger) | ((uint)scale << LedgerBits), units);
        return true;
    }

    /// <summary>A wide line: its amount is the decimal at <paramref name="wideIndex"/> in the holder's list.</summary>
    public static KeptLine Wide(int ledger, int wideIndex) => new(LedgerHead(ledger) | WideFlag, wideIndex);

    private static uint LedgerHead(int ledger) =>
        (uint)ledger < MaxLedgers ? (uint)ledger : throw new InvalidOperationException($"More than {MaxLedgers} ledgers.");
}
