using System.Diagnostics.CodeAnalysis;

namespace TradeFlow.Fix.Codec;

/// <summary>Throws out of line, so the hot paths that check stay small enough to inline.</summary>
internal static class ThrowHelper
{
    [DoesNotReturn]
    public static void ArgumentOutOfRange(string paramName, string message) =>
        throw new ArgumentOutOfRangeException(paramName, message);

    [DoesNotReturn]
    public static void Argument(string paramName, string message) =>
        throw new ArgumentException(message, paramName);

    [DoesNotReturn]
    public static void InvalidOperation(string message) =>
        throw new InvalidOperationException(message);
}
