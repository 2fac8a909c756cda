using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace TradeFlow.Ring;

/// <summary>
/// Throws on behalf of hot methods, so that the throw (and its string formatting) stays out of
/// their bodies and they remain small enough to inline.
/// </summary>
internal static class ThrowHelper
{
    [DoesNotReturn]
    public static void ThrowBufferSizeNotPowerOfTwo(int bufferSize)
        => throw new ArgumentOutOfRangeException(
            nameof(bufferSize),
            bufferSize,
            "The ring's size must be a power of two, at least 1.");

    [DoesNotReturn]
    public static void ThrowClaimSizeOutOfRange(int n, int bufferSize)
        => throw new ArgumentOutOfRangeException(
            nameof(n),
            n,
            string.Create(CultureInfo.InvariantCulture, $"A claim must be between 1 and the ring's size ({bufferSize}) slots."));

    [DoesNotReturn]
    public static void ThrowAlreadyRunning()
        => throw new InvalidOperationException("The event processor is already running; halt it before starting it again.");

    [DoesNotReturn]
    public static void ThrowAlreadyStarted()
        => throw new InvalidOperationException("The disruptor was already started; its graph can no longer change.");

    [DoesNotReturn]
    public static void ThrowUnknownHandler()
        => throw new ArgumentException("The handler is not part of this disruptor.", "handler");

    [DoesNotReturn]
    public static void ThrowProcessorRunning()
        => throw new InvalidOperationException("The exception handler cannot change while the processor is running.");
}
