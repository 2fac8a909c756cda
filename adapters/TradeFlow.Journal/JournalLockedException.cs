namespace TradeFlow.Journal;

/// <summary>Thrown when a second writer tries to open a journal that another writer holds.</summary>
public sealed class JournalLockedException : IOException
{
    /// <summary>Creates the exception for <paramref name="lockPath"/>, held by <paramref name="holderProcessId"/> if known.</summary>
    public JournalLockedException(string lockPath, int? holderProcessId, Exception innerException)
        : base($"The journal is locked by another writer{(holderProcessId is { } pid ? $" (pid {pid})" : string.Empty)}: {lockPath}. Open it read-only to replay while the writer runs.", innerException)
    {
        LockPath = lockPath;
        HolderProcessId = holderProcessId;
    }

    /// <summary>Creates the exception with a message.</summary>
    public JournalLockedException(string message)
        : base(message) => LockPath = string.Empty;

    /// <summary>Creates the exception with a message.</summary>
    public JournalLockedException()
        : this("The journal is locked by another writer.")
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public JournalLockedException(string message, Exception innerException)
        : base(message, innerException) => LockPath = string.Empty;

    /// <summary>The lock file's path.</summary>
    public string LockPath { get; }

    /// <summary>The process id of the writer holding the lock, when it could be read.</summary>
    public int? HolderProcessId { get; }
}
