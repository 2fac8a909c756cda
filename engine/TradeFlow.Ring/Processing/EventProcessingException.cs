using System.Globalization;

namespace TradeFlow.Ring.Processing;

/// <summary>
/// A handler failure that halted its processor: the original exception, and the sequence it
/// failed on (-1 for failures in <c>OnStart</c>/<c>OnShutdown</c>).
/// </summary>
public sealed class EventProcessingException : Exception
{
    /// <summary>Creates the exception for a failure at <paramref name="sequence"/>.</summary>
    public EventProcessingException(long sequence, Exception innerException)
        : base(
            string.Create(CultureInfo.InvariantCulture, $"The event handler failed at sequence {sequence}: {innerException?.Message}"),
            innerException)
    {
        Sequence = sequence;
    }

    /// <summary>Creates the exception with no sequence.</summary>
    public EventProcessingException()
    {
        Sequence = -1;
    }

    /// <summary>Creates the exception with a message and no sequence.</summary>
    public EventProcessingException(string message)
        : base(message)
    {
        Sequence = -1;
    }

    /// <summary>Creates the exception with a message, a cause and no sequence.</summary>
    public EventProcessingException(string message, Exception innerException)
        : base(message, innerException)
    {
        Sequence = -1;
    }

    /// <summary>The sequence of the event whose handling failed, or -1 for a lifecycle failure.</summary>
    public long Sequence { get; }
}
