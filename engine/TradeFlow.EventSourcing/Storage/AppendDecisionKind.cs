namespace TradeFlow.EventSourcing.Storage;

/// <summary>What a backend must do with one stream's append, per <see cref="AppendRule"/>.</summary>
public enum AppendDecisionKind
{
    /// <summary>The expectation holds: write the events.</summary>
    Write,

    /// <summary>The same event ids are already at that place: write nothing and report success.</summary>
    AlreadyWritten,

    /// <summary>The expectation fails and this is not a retry: report wrong expected version.</summary>
    Conflict,
}
