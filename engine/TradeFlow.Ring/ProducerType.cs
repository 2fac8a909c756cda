using System.Diagnostics.CodeAnalysis;

namespace TradeFlow.Ring;

/// <summary>How many threads may claim and publish on a ring.</summary>
public enum ProducerType
{
    /// <summary>Exactly one publishing thread: claims need no atomic instruction.</summary>
    [SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The Disruptor's name for it; it names a producer count, not System.Single.")]
    Single,

    /// <summary>Any number of publishing threads: claims are atomic and publication is tracked per slot.</summary>
    Multi,
}
