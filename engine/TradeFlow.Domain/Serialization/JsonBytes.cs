using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.Serialization;

/// <summary>
/// Compact JSON built as raw UTF-8 into a caller's buffer, for a writer that then hands the whole object to
/// <c>Utf8JsonWriter.WriteRawValue</c> in one call. Each piece writes the bytes <c>Utf8JsonWriter</c> would, or marks
/// the build <see cref="Failed"/> (a value it cannot vouch for, or no room) and the caller falls back to the writer:
/// only text the default encoder writes as itself (<see cref="UnescapedAscii"/>) is accepted, so no escaping rule is
/// reimplemented here.
/// </summary>
internal ref struct JsonBytes
{
    private static readonly StandardFormat RoundTrip = new('O');

    private readonly Span<byte> _buffer;
    private int _length;

    /// <summary>Builds into <paramref name="buffer"/>.</summary>
    public JsonBytes(Span<byte> buffer) => _buffer = buffer;

    /// <summary>True once a piece could not be written as the writer would; the bytes are then not to be used.</summary>
    public bool Failed { get; private set; }

    /// <summary>The bytes built so far.</summary>
    public readonly ReadOnlySpan<byte> Written => _buffer[.._length];

    /// <summary>Marks the build failed: a value is left to the writer.</summary>
    public void Fail() => Failed = true;

    /// <summary>Appends bytes as they are (punctuation, property names, values already encoded).</summary>
    public void Raw(scoped ReadOnlySpan<byte> bytes)
    {
        if (Failed || !bytes.TryCopyTo(_buffer[_length..]))
        {
            Failed = true;
            return;
        }

        _length += bytes.Length;
    }

    /// <summary>Appends <paramref name="text"/> between quotes, if every character is one the encoder keeps as is.</summary>
    public void Text(scoped ReadOnlySpan<char> text)
    {
        if (Failed || text.ContainsAnyExcept(UnescapedAscii.Chars) || _buffer.Length - _length < text.Length + 2)
        {
            Failed = true;
            return;
        }

        _buffer[_length++] = (byte)'"';
        for (var i = 0; i < text.Length; i++)
        {
            _buffer[_length++] = (byte)text[i];
        }

        _buffer[_length++] = (byte)'"';
    }

    /// <summary>Appends a trade id as its converter writes it, a quoted "T" and twelve digits.</summary>
    public void TradeId(TradeId id)
    {
        Span<char> text = stackalloc char[Values.TradeId.TextLength];
        if (!id.TryFormat(text, out var length))
        {
            Failed = true;
            return;
        }

        Text(text[..length]);
    }

    /// <summary>Appends a decimal as the quantity, price and money converters write it: invariant, quoted.</summary>
    public void Decimal(decimal value)
    {
        if (Failed || _buffer.Length - _length < 2
            || !value.TryFormat(_buffer[(_length + 1)..^1], out var written, default, CultureInfo.InvariantCulture))
        {
            Failed = true;
            return;
        }

        _buffer[_length] = (byte)'"';
        _buffer[_length + written + 1] = (byte)'"';
        _length += written + 2;
    }

    /// <summary>Appends "amount CCY" as the money converter writes it.</summary>
    public void Money(Money value)
    {
        Span<char> currency = stackalloc char[3];
        if (Failed || !value.Currency.TryFormat(currency, out var letters) || _buffer.Length - _length < letters + 3
            || !value.Amount.TryFormat(_buffer[(_length + 1)..^(letters + 2)], out var written, default, CultureInfo.InvariantCulture)
            || currency[..letters].ContainsAnyExcept(UnescapedAscii.Chars))
        {
            Failed = true;
            return;
        }

        var at = _length;
        _buffer[at] = (byte)'"';
        at += written + 1;
        _buffer[at++] = (byte)' ';
        for (var i = 0; i < letters; i++)
        {
            _buffer[at++] = (byte)currency[i];
        }

        _buffer[at++] = (byte)'"';
        _length = at;
    }

    /// <summary>
    /// Appends a time as <c>Utf8JsonWriter.WriteString(…, DateTimeOffset)</c> writes it: round-trip ("O") format with the
    /// fraction's trailing zeros dropped, and the fraction with its point when it is all zeros.
    /// </summary>
    public void Time(DateTimeOffset value)
    {
        // "O" is yyyy-MM-ddTHH:mm:ss.fffffff+hh:mm: 33 bytes, the point at 19, the seven digits at 20-26.
        Span<byte> text = stackalloc byte[33];
        if (Failed || !Utf8Formatter.TryFormat(value, text, out var written, RoundTrip) || written != 33 || text[19] != '.'
            || _buffer.Length - _length < written + 2)
        {
            Failed = true;
            return;
        }

        var fractionEnd = 27;
        while (fractionEnd > 20 && text[fractionEnd - 1] == '0')
        {
            fractionEnd--;
        }

        var keep = fractionEnd == 20 ? 19 : fractionEnd;
        _buffer[_length++] = (byte)'"';
        text[..keep].CopyTo(_buffer[_length..]);
        _length += keep;
        text[27..].CopyTo(_buffer[_length..]);
        _length += 6;
        _buffer[_length++] = (byte)'"';
    }
}
