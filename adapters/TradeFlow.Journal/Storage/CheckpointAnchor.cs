using Microsoft.Win32.SafeHandles;
using TradeFlow.Journal.Format;

namespace TradeFlow.Journal.Storage;

/// <summary>The commit boundary a checkpoint describes: event count, segment, offset and chain hash there.</summary>
internal sealed record CheckpointAnchor(long Count, long Segment, long Offset, byte[] Hash)
{
    /// <summary>
    /// True when the anchor segment (open as <paramref name="segment"/>, <paramref name="length"/> bytes) still has this
    /// anchor's hash stored just before its offset — so the journal was not truncated or rewritten since the checkpoint.
    /// An anchor at the first record's place holds for an empty journal only.
    /// </summary>
    public bool MatchesSegment(SafeFileHandle segment, long length)
    {
        if (Offset <= JournalFormat.SegmentHeaderSize || length < Offset)
        {
            return Offset == JournalFormat.SegmentHeaderSize && Count == 0;
        }

        Span<byte> stored = stackalloc byte[JournalFormat.HashSize];
        return RandomAccess.Read(segment, stored, Offset - JournalFormat.HashSize) == stored.Length && stored.SequenceEqual(Hash);
    }
}
