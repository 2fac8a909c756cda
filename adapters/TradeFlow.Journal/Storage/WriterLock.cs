using System.Globalization;

namespace TradeFlow.Journal.Storage;

/// <summary>
/// The journal's single-writer lock: <c>journal.lock</c> held open with <see cref="FileShare.None"/> (an
/// exclusive <c>flock</c> on Linux, released by the kernel when the process dies, so a crash never leaves
/// a stale lock). The holder's pid goes in <c>journal.owner</c>, because the lock file itself cannot be
/// read while it is held.
/// </summary>
internal sealed class WriterLock : IDisposable
{
    private readonly FileStream _lock;

    private WriterLock(FileStream held) => _lock = held;

    public static WriterLock Acquire(string journalDirectory)
    {
        var path = Path.Combine(journalDirectory, "journal.lock");
        var ownerPath = Path.Combine(journalDirectory, "journal.owner");
        FileStream held;
        try
        {
            held = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new JournalLockedException(path, ReadOwner(ownerPath), e);
        }

        File.WriteAllText(ownerPath, Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        return new WriterLock(held);
    }

    private static int? ReadOwner(string ownerPath)
    {
        try
        {
            return int.TryParse(File.ReadAllText(ownerPath), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid) ? pid : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose() => _lock.Dispose();
}
