using System.Runtime.InteropServices;

namespace TradeFlow.Projections.Accounting.Kept;

/// <summary>
/// A kept posting line: its ledger as an index into the journal's ledger table (account, currency, book and counterparty
/// repeat on every line; the ledgers are few) and its amount. 20 bytes, where a <see cref="PostingLine"/> is 64.
/// </summary>
/// <param name="Ledger">The ledger's index in <see cref="LedgerTable"/>.</param>
/// <param name="Amount">The signed amount.</param>
// Packed to 4: the decimal's 8-byte alignment would pad every line to 24 bytes.
[StructLayout(LayoutKind.Sequential, Pack = 4)]
internal readonly record struct KeptLine(int Ledger, decimal Amount);
