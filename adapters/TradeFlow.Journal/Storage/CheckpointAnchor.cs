using Microsoft.Win32.SafeHandles;
using TradeFlow.Journal.Format;

namespace TradeFlow.Journal.Storage;

/// <summary>The commit boundary a checkpoint describes: event count, segment, offset and chain hash there.</summary>
internal sealed record CheckpointAnchor(long Count, long Segment, long Offset, byte[] Hash)
{
    /// <summary>
    /// True when the anchor segment (open as <paramref name="segment"/>, <paramref name="length"/> bytes) still has this
    /// anchor's hash stored just before its offset — so the journal was not truncated or rewritten since the checkpoint.
    /// An anchor at a segment's first record place (a segment holding only its header: an empty journal, or a crash
    /// between a roll and the write that needed it, then a clean close) compares the header's previous hash instead.
    /// </summary>
    public bool MatchesSegment(SafeFileHandle segment, long length)
    {
        if (Offset < JournalFormat.SegmentHeaderSize || length < Offset)
        {
            return false;
        }

        var hashAt = Offset == JournalFormat.SegmentHeaderSize ? SegmentHeader.PreviousHashOffset : Offset - JournalFormat.HashSize;
        Span<byte> stored = stackalloc byte[JournalFormat.HashSize];
        return RandomAccess.Read(segment, stored, hashAt) == stored.Length && stored.SequenceEqual(Hash);
    }
}
