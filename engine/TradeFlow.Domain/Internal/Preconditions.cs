using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace TradeFlow.Domain.Internal;

/// <summary>
/// Argument checks for public entry points (NodaTime style): the check is inline and cheap,
/// the throw is out of line so the hot caller stays small enough to inline.
/// </summary>
internal static class Preconditions
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CheckArgument(bool expression, string paramName, string message)
    {
        if (!expression)
        {
            ThrowArgument(paramName, message);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CheckRange(bool expression, string paramName, object? actual, string message)
    {
        if (!expression)
        {
            ThrowRange(paramName, actual, message);
        }
    }

    /// <summary>Internal invariants: checked in debug builds only, like NodaTime's CheckDebugState.</summary>
    [Conditional("DEBUG")]
    public static void DebugCheck(bool expression, string message) => Debug.Assert(expression, message);

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void ThrowArgument(string paramName, string message) =>
        throw new ArgumentException(message, paramName);

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void ThrowRange(string paramName, object? actual, string message) =>
        throw new ArgumentOutOfRangeException(paramName, actual, message);

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void ThrowFormat(string typeName, string text, string why) =>
        throw new FormatException($"'{text}' is not a valid {typeName}: {why}.");
}
