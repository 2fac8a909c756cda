using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using TradeFlow.Domain.Values;
using TradeFlow.EventSourcing;
using TradeFlow.Projections.Runtime;

namespace TradeFlow.Projections.Accounting;

/// <summary>
/// The kept journal written out instead of held: each entry as the canonical JSON it has inside the state
/// document's journal array, appended to a caller's seekable stream (a temporary file) as an array left open:
/// <c>[e1,e2,…</c>, so the writer places the commas exactly as inside the document.
/// </summary>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable",
    Justification = "The writer only buffers into the caller's stream, which the caller owns and disposes; it is flushed whenever read.")]
internal sealed class JournalSpill : IPostingJournal
{
    // Flushed to the stream past this many pending bytes, so the writer's own buffer stays small.
    private const int FlushThreshold = 64 * 1024;
    private readonly Stream _stream;
    private readonly Utf8JsonWriter _writer;

    public JournalSpill(Stream stream)
    {
        if (!stream.CanSeek || !stream.CanRead || !stream.CanWrite)
        {
            throw new ArgumentException("The journal spill must be a readable, writable, seekable stream (e.g. a temporary file).", nameof(stream));
        }

        _stream = stream;
        _stream.SetLength(0);
        _writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = ProjectionJson.Options.Encoder, Indented = false });
        _writer.WriteStartArray();
    }

    /// <summary>Nothing: the spilled entries are not held in memory.</summary>
    public IReadOnlyList<JournalEntry> Entries => [];

    public void Add(JournalEntry entry) =>
        Add(entry.Number, entry.Position, entry.EventId, entry.TradeId, entry.Kind, entry.EffectiveTime, entry.Lines.AsSpan());

    /// <summary>Appends the entry these fields make, without building it (the fold's path: nothing is kept).</summary>
    public void Add(long number, GlobalPosition position, Guid eventId, TradeId tradeId, EntryKind kind,
        DateTimeOffset effectiveTime, ReadOnlySpan<PostingLine> lines)
    {
        JournalEntryJsonWriter.Write(_writer, number, position, eventId, tradeId, kind, effectiveTime, lines);
        if (_writer.BytesPending > FlushThreshold)
        {
            _writer.Flush();
        }
    }

    /// <summary>Copies the entries so far, as the journal array without its closing bracket, to <paramref name="output"/>.</summary>
    public void CopyTo(Stream output)
    {
        _writer.Flush();
        var end = _stream.Position;
        _stream.Position = 0;
        var buffer = new byte[81920];
        for (var left = end; left > 0;)
        {
            var read = _stream.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
            if (read == 0)
            {
                throw new IOException("The journal spill ended early: was it written to by something else?");
            }

            output.Write(buffer, 0, read);
            left -= read;
        }

        _stream.Position = end;
    }

    public void Clear()
    {
        _writer.Flush();
        _writer.Reset(_stream);
        _stream.SetLength(0);
        _writer.WriteStartArray();
    }
}
