using TradeFlow.Engine.Pipeline;

namespace TradeFlow.Engine;

/// <summary>The producer side: claim a slot, load the command, publish — the ring stays hidden.</summary>
public sealed partial class TradeEngine
{
    /// <summary>
    /// Submits a command, waiting while the ring is full (back-pressure: nothing is dropped). The outcome is
    /// delivered to <paramref name="completion"/> with <paramref name="token"/> on the publish thread, after the
    /// command's events are durable. Allocation-free; callable from any number of threads.
    /// </summary>
    /// <exception cref="EngineNotRunningException">The engine is not running (not started, stopped or faulted).</exception>
    public void Submit(in EngineCommand command, ICommandCompletion completion, long token)
    {
        Validate(command, completion);
        EnsureRunning();
        var ring = _disruptor.RingBuffer;
        var sequence = ring.Next();
        Publish(sequence, command, completion, token);
    }

    /// <summary>
    /// Submits several commands at once, waiting while the ring is full: their slots are claimed together and published
    /// in one step (at most a quarter of the ring per step), so the stages wake once for the lot instead of once per
    /// command. The outcome of <c>commands[i]</c> is delivered to <paramref name="completion"/> with token
    /// <c><paramref name="firstToken"/> + i</c>, after its events are durable, exactly as if each had been given to
    /// <see cref="Submit"/> in order. Every command is checked before any is submitted. Allocation-free.
    /// </summary>
    /// <exception cref="EngineNotRunningException">The engine is not running (nothing was submitted).</exception>
    public void SubmitMany(ReadOnlySpan<EngineCommand> commands, ICommandCompletion completion, long firstToken)
    {
        foreach (ref readonly var command in commands)
        {
            Validate(command, completion);
        }

        EnsureRunning();
        var ring = _disruptor.RingBuffer;
        // A claim waits until all its slots are free: a quarter of the ring keeps the producer filling it while the
        // stages drain the rest, instead of waiting for an empty ring.
        var step = Math.Max(1, ring.BufferSize / 4);
        for (var done = 0; done < commands.Length; done += step)
        {
            var n = Math.Min(step, commands.Length - done);
            var hi = ring.Next(n);
            var lo = hi - n + 1;
            try
            {
                for (var i = 0; i < n; i++)
                {
                    ring[lo + i].Load(commands[done + i], completion, firstToken + done + i);
                }
            }
            finally
            {
                // Always publish claimed slots, or every stage would stop at them for ever.
                ring.Publish(lo, hi);
            }
        }
    }

    /// <summary>
    /// As <see cref="Submit"/>, but returns false at once when the ring is full (the gateway answers "busy" or
    /// stops reading its socket); nothing was submitted then.
    /// </summary>
    /// <exception cref="EngineNotRunningException">The engine is not running.</exception>
    public bool TrySubmit(in EngineCommand command, ICommandCompletion completion, long token)
    {
        Validate(command, completion);
        EnsureRunning();
        if (!_disruptor.RingBuffer.TryNext(out var sequence))
        {
            return false;
        }

        Publish(sequence, command, completion, token);
        return true;
    }

    /// <summary>
    /// Submits a command and returns its outcome (for HTTP, CLI and tests; allocates a task per call). While the
    /// ring is full it retries without blocking the caller's thread. Cancellation stops the wait only: once
    /// submitted, a command is decided and its outcome is durable whether or not anyone awaits it.
    /// </summary>
    /// <exception cref="EngineNotRunningException">The engine is not running.</exception>
    public async Task<CommandOutcome> SubmitAsync(EngineCommand command, CancellationToken cancellationToken = default)
    {
        var completion = new TaskCompletion();
        while (!TrySubmit(command, completion, 0))
        {
            await Task.Delay(1, cancellationToken).ConfigureAwait(false);
        }

        return await completion.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private void Publish(long sequence, in EngineCommand command, ICommandCompletion completion, long token)
    {
        var ring = _disruptor.RingBuffer;
        try
        {
            ring[sequence].Load(command, completion, token);
        }
        finally
        {
            // Always publish a claimed slot, or every stage would stop at it for ever.
            ring.Publish(sequence);
        }
    }

    private static void Validate(in EngineCommand command, ICommandCompletion completion)
    {
        ArgumentNullException.ThrowIfNull(completion);
        if (command.Command is null)
        {
            throw new ArgumentException("The engine command holds no domain command.", nameof(command));
        }

        ArgumentException.ThrowIfNullOrEmpty(command.Command.SourceKey, nameof(command));
    }

    private void EnsureRunning()
    {
        var state = State;
        if (state != EngineState.Running)
        {
            ThrowNotRunning(state);
        }
    }

    private void ThrowNotRunning(EngineState state) => throw new EngineNotRunningException(state, _fault.Fault);
}
