using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.Serialization.Converters;

/// <summary>Writes a <see cref="BookId"/> as a JSON string (the code).</summary>
public sealed class BookIdJsonConverter : SpanValueConverter<BookId>
{
    /// <inheritdoc/>
    protected override int MaxLength => 12;

    /// <inheritdoc/>
    protected override string TypeName => "BookId";

    /// <inheritdoc/>
    protected override bool TryParse(ReadOnlySpan<char> text, out BookId value) => BookId.TryParse(text, out value);

    /// <inheritdoc/>
    protected override bool TryFormat(BookId value, Span<char> destination, out int charsWritten) =>
        value.TryFormat(destination, out charsWritten);
}
