using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace TradeFlow.Domain.Serialization;

/// <summary>
/// Matches UTF-8 bytes against a <see cref="PayloadShape"/> without a tokenizer or a single allocation: the
/// structure byte by byte (no whitespace, no escapes, printable ASCII strings — what the writer produces), each
/// value through the check its converter makes. Every input it accepts is valid JSON that the generated
/// deserializer binds member by member and the converters read; anything else (including much valid JSON that the
/// deserializer would also accept) answers false, which means "ask the deserializer", never "invalid".
/// </summary>
internal ref struct PayloadMatcher
{
    private const int MaxDomainText = 40;
    private readonly ReadOnlySpan<byte> _utf8;
    private int _at;

    public PayloadMatcher(ReadOnlySpan<byte> utf8) => _utf8 = utf8;

    /// <summary>True when the whole input is one canonical object of <paramref name="shape"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool MatchDocument(PayloadShape shape) => Object(shape) && _at == _utf8.Length;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Object(PayloadShape shape)
    {
        if (!Take((byte)'{'))
        {
            return false;
        }

        var written = false;
        foreach (var member in shape.Members)
        {
            var at = _at;
            if ((!written || Take((byte)',')) && TakeName(member))
            {
                if (!Value(member.Value))
                {
                    return false;
                }

                written = true;
            }
            else if (member.Optional)
            {
                _at = at;
            }
            else
            {
                return false;
            }
        }

        return Take((byte)'}');
    }

    // Inlined into Object and Array, as PlainString into its callers: each call saved took ~10 ns off the 1M store's
    // ~170 ns per event (verify13, docs/benchmarks.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.AggressiveInlining)]
    private bool Value(PayloadValue value) => value.Kind switch
    {
        PayloadValueKind.Text => PlainString(out _),
        PayloadValueKind.Int32 => Int32(),
        PayloadValueKind.Time => Time(),
        PayloadValueKind.Enum => PlainString(out var name) && IsOneOf(name, value.EnumNames),
        PayloadValueKind.DomainValue => DomainValue(value.Domain),
        PayloadValueKind.Object => Object(value.Shape!),
        PayloadValueKind.Array => Array(value.Element!),
        _ => false,
    };

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Array(PayloadValue element)
    {
        if (!Take((byte)'['))
        {
            return false;
        }

        if (Take((byte)']'))
        {
            return true;
        }

        do
        {
            if (!Value(element))
            {
                return false;
            }
        }
        while (Take((byte)','));

        return Take((byte)']');
    }

    // The converters widen the string (no escapes here, so its bytes are its characters) and call TryParse.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool DomainValue(DomainValueText domain)
    {
        if (!PlainString(out var text) || text.Length > DomainValueTexts.MaxLength(domain))
        {
            return false;
        }

        if (domain == DomainValueText.TradeId)
        {
            return TradeIdText.IsValid(text);
        }

        var remember = AcceptedTexts.Remembers(domain);
        if (remember && AcceptedTexts.Contains(domain, text))
        {
            return true;
        }

        Span<char> chars = stackalloc char[MaxDomainText];
        for (var i = 0; i < text.Length; i++)
        {
            chars[i] = (char)text[i];
        }

        if (!DomainValueTexts.TryParse(domain, chars[..text.Length]))
        {
            return false;
        }

        if (remember)
        {
            AcceptedTexts.Add(domain, text);
        }

        return true;
    }

    // The writer's own layout checked directly (a subset of what the converter accepts); anything else through
    // System.Text.Json's own ISO 8601 parser, on just this token, so the verdict is the DateTimeOffset converter's.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Time()
    {
        var start = _at;
        if (!PlainString(out var text))
        {
            return false;
        }

        if (CanonicalTimeText.IsValid(text))
        {
            return true;
        }

        var reader = new Utf8JsonReader(_utf8[start.._at]);
        return reader.Read() && reader.TryGetDateTimeOffset(out _);
    }

    // A JSON integer without sign games: 0, or a non-zero digit and up to eight more (always within int's range).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Int32()
    {
        Take((byte)'-');
        var start = _at;
        while (_at < _utf8.Length && unchecked((uint)(_utf8[_at] - '0')) <= 9)
        {
            _at++;
        }

        var digits = _at - start;
        return digits is > 0 and <= 9 && (digits == 1 || _utf8[start] != '0');
    }

    // A string of printable ASCII with no escape: its bytes are exactly its value.
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.AggressiveInlining)]
    private bool PlainString(out ReadOnlySpan<byte> value)
    {
        value = default;
        if (!Take((byte)'"'))
        {
            return false;
        }

        var rest = _utf8[_at..];
        var quote = PlainJsonText.ClosingQuote(rest);
        if (quote < 0)
        {
            return false;
        }

        value = rest[..quote];
        _at += quote + 1;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsOneOf(ReadOnlySpan<byte> name, byte[][] names)
    {
        foreach (var candidate in names)
        {
            if (name.SequenceEqual(candidate))
            {
                return true;
            }
        }

        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Take(byte expected)
    {
        if (_at < _utf8.Length && _utf8[_at] == expected)
        {
            _at++;
            return true;
        }

        return false;
    }

    // A name of 8 to 16 bytes (with its quotes and colon: nearly all of them) is two overlapping 8-byte comparisons
    // against the member's precomputed words, inline; the general span comparison was a call per member.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TakeName(PayloadMember member)
    {
        var rest = _utf8[_at..];
        var name = member.Name;
        if (rest.Length < name.Length)
        {
            return false;
        }

        var matches = member.HasWords
            ? BinaryPrimitives.ReadUInt64LittleEndian(rest) == member.Head && BinaryPrimitives.ReadUInt64LittleEndian(rest[(name.Length - sizeof(ulong))..]) == member.Tail
            : rest.StartsWith(name);
        if (matches)
        {
            _at += name.Length;
        }

        return matches;
    }
}
