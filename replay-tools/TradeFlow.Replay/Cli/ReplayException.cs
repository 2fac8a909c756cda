namespace TradeFlow.Replay.Cli;

/// <summary>A failure the tool reports as one line on stderr with its exit code (bad input, an unusable store).</summary>
public sealed class ReplayException : Exception
{
    /// <summary>Creates the failure.</summary>
    public ReplayException(int exitCode, string message, Exception? innerException = null)
        : base(message, innerException) => ExitCode = exitCode;

    /// <summary>Creates a bad-input failure.</summary>
    public ReplayException()
        : this(ExitCodes.BadInput, "Bad input.")
    {
    }

    /// <summary>Creates a bad-input failure.</summary>
    public ReplayException(string message)
        : this(ExitCodes.BadInput, message)
    {
    }

    /// <summary>Creates a bad-input failure with its cause.</summary>
    public ReplayException(string message, Exception innerException)
        : this(ExitCodes.BadInput, message, innerException)
    {
    }

    /// <summary>The exit code (see <see cref="ExitCodes"/>).</summary>
    public int ExitCode { get; }

    /// <summary>A bad-input failure.</summary>
    public static ReplayException BadInput(string message) => new(ExitCodes.BadInput, message);

    /// <summary>An unusable-store failure.</summary>
    public static ReplayException StoreUnavailable(string message, Exception? inner = null) => new(ExitCodes.StoreUnavailable, message, inner);
}
