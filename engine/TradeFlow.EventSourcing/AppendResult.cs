namespace TradeFlow.EventSourcing;

/// <summary>
/// The result of appending to one stream, as a value rather than an exception (after EventStoreDB's
/// <c>SuccessResult</c>/<c>WrongExpectedVersionResult</c>): either success with the stream's next
/// expected version and the last event's global position, or a wrong-expected-version outcome naming
/// the stream, the expectation and the actual version. <see cref="EnsureSuccess"/> turns the latter into
/// a <see cref="WrongExpectedVersionException"/>.
/// </summary>
public readonly struct AppendResult
{
    private AppendResult(AppendStatus status, string stream, ExpectedVersion expected, long version, GlobalPosition position, bool alreadyWritten)
    {
        Status = status;
        StreamId = stream;
        Expected = expected;
        Version = version;
        LastPosition = position;
        WasAlreadyWritten = alreadyWritten;
    }

    /// <summary>Whether the append succeeded.</summary>
    public AppendStatus Status { get; }

    /// <summary>True when <see cref="Status"/> is <see cref="AppendStatus.Success"/>.</summary>
    public bool IsSuccess => Status == AppendStatus.Success;

    /// <summary>The stream appended to.</summary>
    public string StreamId { get; }

    /// <summary>The caller's expectation.</summary>
    public ExpectedVersion Expected { get; }

    /// <summary>
    /// On success, the version of the stream's last event after the append: pass it as
    /// <c>ExpectedVersion.At(NextExpectedVersion)</c> next time. On a conflict, the stream's actual version.
    /// </summary>
    public long NextExpectedVersion => Version;

    /// <summary>On a conflict, the stream's actual version (-1: no stream); on success, the new version.</summary>
    public long ActualVersion => Version;

    /// <summary>On success, the global position of the stream's last appended event (the store's head for an empty append).</summary>
    public GlobalPosition LastPosition { get; }

    /// <summary>True when the events were already in the stream from an identical earlier append, so nothing was written.</summary>
    public bool WasAlreadyWritten { get; }

    private long Version { get; }

    /// <summary>A success result.</summary>
    public static AppendResult Success(string stream, ExpectedVersion expected, long nextExpectedVersion, GlobalPosition lastPosition, bool alreadyWritten = false) =>
        new(AppendStatus.Success, stream, expected, nextExpectedVersion, lastPosition, alreadyWritten);

    /// <summary>A wrong-expected-version result: nothing was written.</summary>
    public static AppendResult WrongExpectedVersion(string stream, ExpectedVersion expected, long actualVersion) =>
        new(AppendStatus.WrongExpectedVersion, stream, expected, actualVersion, GlobalPosition.Start, false);

    /// <summary>Returns this result when it is a success; throws <see cref="WrongExpectedVersionException"/> otherwise.</summary>
    public AppendResult EnsureSuccess()
    {
        if (!IsSuccess)
        {
            throw new WrongExpectedVersionException(StreamId, Expected, ActualVersion);
        }

        return this;
    }

    /// <inheritdoc />
    public override string ToString() => IsSuccess
        ? $"Success: {StreamId} now at {NextExpectedVersion}, last position {LastPosition}{(WasAlreadyWritten ? " (already written)" : string.Empty)}"
        : WrongExpectedVersionException.Describe(StreamId, Expected, ActualVersion);
}
