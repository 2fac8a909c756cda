using System.Runtime.CompilerServices;

namespace TradeFlow.Domain.Trades;

/// <summary>
/// The detail of a rejection reason as an interpolated string that is formatted only when its
/// <see cref="RejectionCollector"/> keeps reasons: a validation that only asks whether terms are valid
/// (<see cref="TradeDecider.TryValidateBooking"/>, run ahead of the decision on another thread) formats no sentence it
/// would throw away.
/// </summary>
[InterpolatedStringHandler]
internal ref struct RejectionDetailHandler
{
    private DefaultInterpolatedStringHandler _text;

    /// <summary>Starts the detail; <paramref name="formats"/> is false when <paramref name="collector"/> discards reasons.</summary>
    public RejectionDetailHandler(int literalLength, int formattedCount, RejectionCollector collector, out bool formats)
    {
        formats = !collector.DiscardsReasons;
        _text = formats ? new DefaultInterpolatedStringHandler(literalLength, formattedCount) : default;
    }

    /// <summary>Appends literal text.</summary>
    public void AppendLiteral(string value) => _text.AppendLiteral(value);

    /// <summary>Appends a formatted value.</summary>
    public void AppendFormatted<T>(T value) => _text.AppendFormatted(value);

    /// <summary>The detail as text.</summary>
    public string ToStringAndClear() => _text.ToStringAndClear();
}
