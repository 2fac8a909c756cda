using System.Buffers;
using System.Text;

namespace TradeFlow.Domain.Serialization;

/// <summary>
/// The printable ASCII that System.Text.Json's default encoder writes as itself: every character from space to
/// <c>~</c> but the quote, the backslash and the HTML-sensitive ones it escapes (<c>&amp;'+&lt;&gt;`</c>). The code that
/// writes JSON text as raw bytes (the booking's raw path, the journal's metadata, the writer's direct values) accepts
/// only these and leaves the rest to the writer, so no escaping rule is reimplemented; one set, so the three cannot
/// drift apart. Tests check every ASCII character against the writer.
/// </summary>
public static class UnescapedAscii
{
    /// <summary>The characters, as text.</summary>
    public const string Characters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 !#$%()*,-./:;=?@[]^_{|}~";

    /// <summary>The characters, for UTF-16 text.</summary>
    public static SearchValues<char> Chars { get; } = SearchValues.Create(Characters);

    /// <summary>The characters, for UTF-8 (here ASCII) bytes.</summary>
    public static SearchValues<byte> Bytes { get; } = SearchValues.Create(Encoding.ASCII.GetBytes(Characters));
}
