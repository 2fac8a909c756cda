namespace TradeFlow.Server.Http.Requests;

/// <summary>Counts what the API itself does (commands), for <c>/metrics</c>; one Interlocked long per figure.</summary>
internal sealed class ApiCounters
{
    private long _commands;

    public long Commands => Interlocked.Read(ref _commands);

    public void CommandSubmitted() => Interlocked.Increment(ref _commands);
}
