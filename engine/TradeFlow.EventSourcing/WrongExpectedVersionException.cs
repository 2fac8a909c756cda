namespace TradeFlow.EventSourcing;

/// <summary>Thrown by <see cref="AppendResult.EnsureSuccess"/> when a stream was not at the expected version.</summary>
public sealed class WrongExpectedVersionException : Exception
{
    /// <summary>Creates the exception for a conflict on <paramref name="streamId"/>.</summary>
    public WrongExpectedVersionException(string streamId, ExpectedVersion expected, long actualVersion)
        : base(Describe(streamId, expected, actualVersion))
    {
        StreamId = streamId;
        Expected = expected;
        ActualVersion = actualVersion;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public WrongExpectedVersionException()
        : this("unknown", ExpectedVersion.Any, StreamVersion.None)
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    public WrongExpectedVersionException(string message)
        : base(message)
    {
        StreamId = "unknown";
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public WrongExpectedVersionException(string message, Exception innerException)
        : base(message, innerException)
    {
        StreamId = "unknown";
    }

    /// <summary>The stream that was not at the expected version.</summary>
    public string StreamId { get; }

    /// <summary>The caller's expectation.</summary>
    public ExpectedVersion Expected { get; }

    /// <summary>The stream's actual version (-1: no stream).</summary>
    public long ActualVersion { get; }

    /// <summary>The message text for a conflict (also used by <see cref="AppendResult.ToString"/>).</summary>
    public static string Describe(string streamId, ExpectedVersion expected, long actualVersion) =>
        $"Wrong expected version appending to stream '{streamId}': expected {expected}, actual {StreamVersion.Describe(actualVersion)}.";
}
