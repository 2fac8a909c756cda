namespace TradeFlow.Fix.Session;

/// <summary>The stages of the durable ack path that <see cref="FixTrace"/> times.</summary>
internal enum FixTraceStage
{
    /// <summary>One socket read's messages: framing, session checks, the application's FromApp (per read).</summary>
    ConsumeRead,

    /// <summary>FromApp entry → the engine took the command (ring submit).</summary>
    Submit,

    /// <summary>FromApp entry → the engine decided the command (its journal thread, before the group commit).</summary>
    Decided,

    /// <summary>FromApp entry → the engine reported the outcome durable (journal commit, publish stage).</summary>
    Engine,

    /// <summary>The engine's outcome → the reply thread picked it up.</summary>
    ReplyWake,

    /// <summary>The store's flush of one reply batch (the fsyncs).</summary>
    StoreFlush,

    /// <summary>The socket write of one reply batch.</summary>
    SocketWrite,

    /// <summary>FromApp entry → the reply is durable in the store and written to the socket (per order).</summary>
    Total,

    /// <summary>The engine's durable outcome → the reply written to the socket (per order): the gateway's share of <see cref="Total"/>.</summary>
    AfterDurable,

    /// <summary>How many stages there are.</summary>
    Count,
}
