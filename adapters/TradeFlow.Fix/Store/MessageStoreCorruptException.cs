namespace TradeFlow.Fix.Store;

/// <summary>A store file that cannot be trusted: the message names the file and the byte offset of the problem.</summary>
public sealed class MessageStoreCorruptException : IOException
{
    /// <summary>Creates the exception for <paramref name="file"/> at <paramref name="offset"/>.</summary>
    public MessageStoreCorruptException(string file, long offset, string reason)
        : base($"{file} at offset {offset}: {reason}")
    {
        FilePath = file;
        Offset = offset;
    }

    /// <summary>Creates the exception with a message (analyzer convention).</summary>
    public MessageStoreCorruptException(string message)
        : base(message)
    {
        FilePath = "";
    }

    /// <summary>Creates the exception with a message and cause (analyzer convention).</summary>
    public MessageStoreCorruptException(string message, Exception innerException)
        : base(message, innerException)
    {
        FilePath = "";
    }

    /// <summary>Creates the exception without a message (analyzer convention).</summary>
    public MessageStoreCorruptException()
    {
        FilePath = "";
    }

    /// <summary>The corrupt file.</summary>
    public string FilePath { get; }

    /// <summary>Byte offset in <see cref="FilePath"/> where the problem starts.</summary>
    public long Offset { get; }
}
