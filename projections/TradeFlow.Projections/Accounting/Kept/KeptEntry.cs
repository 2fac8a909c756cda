using TradeFlow.Domain.Values;
using TradeFlow.EventSourcing;

namespace TradeFlow.Projections.Accounting.Kept;

/// <summary>
/// A kept journal entry without its lines: they run from <see cref="FirstLine"/> up to the next entry's first line in
/// the journal's line store, so no count is stored, and without its number, which its place in the journal implies
/// (<see cref="KeptJournal"/>). The effective time is kept as its clock ticks and offset, from which the very same
/// <see cref="DateTimeOffset"/> is rebuilt. 48 bytes, where the <see cref="JournalEntry"/> record with its line array
/// was ~300.
/// </summary>
internal readonly struct KeptEntry
{
    // Declared largest first so the struct packs to 48 bytes with no padding but the last one.
    private readonly GlobalPosition _position;
    private readonly Guid _eventId;
    private readonly TradeId _tradeId;
    private readonly long _effectiveTicks;
    private readonly int _firstLine;
    private readonly short _offsetMinutes;
    private readonly byte _kind;

    public KeptEntry(GlobalPosition position, Guid eventId, TradeId tradeId, EntryKind kind,
        DateTimeOffset effectiveTime, int firstLine)
    {
        _position = position;
        _eventId = eventId;
        _tradeId = tradeId;
        _effectiveTicks = effectiveTime.Ticks;
        _firstLine = firstLine;
        // Offsets are whole minutes (DateTimeOffset refuses any other), within ±14 hours.
        _offsetMinutes = (short)(effectiveTime.Offset.Ticks / TimeSpan.TicksPerMinute);
        _kind = checked((byte)kind);
    }

    public GlobalPosition Position => _position;

    public Guid EventId => _eventId;

    public TradeId TradeId => _tradeId;

    public EntryKind Kind => (EntryKind)_kind;

    /// <summary>The effective time, rebuilt from its clock ticks and offset: equal, and written, as the one posted.</summary>
    public DateTimeOffset EffectiveTime => new(_effectiveTicks, TimeSpan.FromMinutes(_offsetMinutes));

    /// <summary>The index of the entry's first line in the journal's line store.</summary>
    public int FirstLine => _firstLine;
}
