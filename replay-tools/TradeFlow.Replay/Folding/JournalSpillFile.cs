namespace TradeFlow.Replay.Folding;

/// <summary>A temporary file for the accounting journal of a replay, deleted when closed (also on Ctrl-C or a crash of the file's handle).</summary>
internal static class JournalSpillFile
{
    public static FileStream Create() => new(
        Path.Combine(Path.GetTempPath(), $"tradeflow-replay-journal-{Guid.NewGuid():N}.tmp"),
        FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
}
