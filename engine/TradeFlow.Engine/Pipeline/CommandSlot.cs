using TradeFlow.Domain.Trades;

namespace TradeFlow.Engine.Pipeline;

/// <summary>
/// One preallocated ring slot. Each stage writes only its own part — the producer the input fields,
/// risk <see cref="Risk"/>, compliance <see cref="Compliance"/>, decide <see cref="Decision"/>, the journal
/// <see cref="Journal"/>, the sync stage <see cref="DurabilityFailure"/> — and reads the parts of the stages before it, so parallel stages never write the
/// same memory and the ring's sequences order every hand-over (docs/pipeline.md). Parts are reused lap after
/// lap; each stage resets its own part before writing it.
/// </summary>
internal sealed class CommandSlot
{
    // ---- written by the producer (TradeEngine.Submit), read by every stage ----

    /// <summary>The command; the producer allocated it.</summary>
    public TradeCommand? Command;

    /// <summary>The envelope's source.</summary>
    public string? Source;

    /// <summary>The envelope's actor.</summary>
    public string? Actor;

    /// <summary>Who hears the outcome.</summary>
    public ICommandCompletion? Completion;

    /// <summary>The caller's token, handed back with the outcome.</summary>
    public long Token;

    /// <summary>Risk enrichment: written by the risk stage only.</summary>
    public RiskEnrichment Risk { get; } = new();

    /// <summary>Compliance results: written by the compliance stage only.</summary>
    public ComplianceResult Compliance { get; } = new();

    /// <summary>The decision: written by the decide stage only.</summary>
    public DecisionOutput Decision { get; } = new();

    /// <summary>The commit: written by the journal stage only.</summary>
    public JournalOutput Journal { get; } = new();

    /// <summary>
    /// Why the command's commit never became durable (the fsync failed, or an earlier one did); null when durable or
    /// when there is no sync stage. Written by the sync stage only.
    /// </summary>
    public Exception? DurabilityFailure;

    /// <summary>Loads a command (producer side).</summary>
    public void Load(in EngineCommand command, ICommandCompletion completion, long token)
    {
        Command = command.Command;
        Source = command.Source;
        Actor = command.Actor;
        Completion = completion;
        Token = token;
    }

    /// <summary>Drops the references the slot holds once the command is answered, so they do not live for a lap.</summary>
    public void Release()
    {
        Command = null;
        Source = null;
        Actor = null;
        Completion = null;
        Risk.Release();
        Compliance.Release();
        Decision.Release();
        Journal.Release();
        DurabilityFailure = null;
    }
}
