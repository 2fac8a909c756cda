namespace TradeFlow.Engine.Pipeline;

/// <summary>
/// The engine's one-way fault latch, shared by the stages and the facade. The first failure wins and is
/// kept; from then on the decide stage decides nothing, the journal stage writes nothing, and every command
/// in flight completes as failed. Written with Interlocked, read with Volatile, from any thread.
/// </summary>
internal sealed class EngineFault
{
    private readonly Action<Exception>? _onFault;
    private Exception? _fault;

    /// <summary>Creates the latch; <paramref name="onFault"/> hears of the first failure.</summary>
    public EngineFault(Action<Exception>? onFault) => _onFault = onFault;

    /// <summary>The failure, or null while healthy.</summary>
    public Exception? Fault => Volatile.Read(ref _fault);

    /// <summary>Records a failure; the first one is kept and reported.</summary>
    public void Raise(Exception failure)
    {
        if (Interlocked.CompareExchange(ref _fault, failure, null) is null)
        {
            _onFault?.Invoke(failure);
        }
    }
}
