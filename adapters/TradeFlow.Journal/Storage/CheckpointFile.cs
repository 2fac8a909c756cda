using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using TradeFlow.Journal.Format;

namespace TradeFlow.Journal.Storage;

/// <summary>
/// The index checkpoint (<c>index.tfi</c>): the whole in-memory index as of a commit boundary, anchored to
/// that boundary's segment, offset and chain hash, so that opening reads one file and verifies only the
/// records after the anchor. Written to a temporary file, fsynced and renamed, so it is either the old or
/// the new one, never half of one. Layout in docs/journal-format.md.
/// </summary>
internal static class CheckpointFile
{
    public const string FileName = "index.tfi";

    /// <summary>Bytes of the header (magic, version, anchor, stream count) before the index.</summary>
    public const int HeaderSize = 80;

    public static void Write(string directory, JournalIndex index, long segment, long offset, ReadOnlySpan<byte> hash)
    {
        var path = Path.Combine(directory, FileName);
        var temporary = path + ".tmp";
        var count = index.Count;
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        {
            var crc = new CrcWriter(file);
            Span<byte> header = stackalloc byte[HeaderSize];
            JournalFormat.CheckpointMagic.CopyTo(header);
            BinaryPrimitives.WriteUInt32LittleEndian(header[8..], JournalFormat.Version);
            BinaryPrimitives.WriteUInt32LittleEndian(header[12..], 0);
            BinaryPrimitives.WriteInt64LittleEndian(header[16..], count);
            BinaryPrimitives.WriteInt64LittleEndian(header[24..], segment);
            BinaryPrimitives.WriteInt64LittleEndian(header[32..], offset);
            hash.CopyTo(header[40..72]);
            BinaryPrimitives.WriteInt64LittleEndian(header[72..], index.StreamCount);
            crc.Write(header);
            for (var position = 1L; position <= count; position++)
            {
                crc.WriteInt64(index.LocationOf(position));
            }

            foreach (var entry in index.Streams)
            {
                crc.WriteString(entry.Name);
                var positions = entry.Positions;
                crc.WriteInt64(positions.Length);
                foreach (var position in positions)
                {
                    crc.WriteInt64(position);
                }
            }

            crc.Finish();
            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>
    /// Loads a checkpoint into an empty index; null when there is none, or when it is damaged (then
    /// <paramref name="damage"/> says how, and the index may hold part of it: the caller discards it).
    /// </summary>
    // One long call per open, whose loops run once per position and per stream: compiled optimized at once rather
    // than spending most of a large journal's load in the first tier.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static CheckpointAnchor? TryLoad(string directory, JournalIndex index, out string? damage)
    {
        damage = null;
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < HeaderSize + 4)
        {
            damage = string.Create(CultureInfo.InvariantCulture, $"{FileName} holds {bytes.Length} bytes, fewer than a checkpoint header and CRC");
            return null;
        }

        if (BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(bytes.Length - 4)) != Crc32C.Compute(bytes.AsSpan(0, bytes.Length - 4)))
        {
            damage = $"the CRC-32C trailer of {FileName} does not match its bytes";
            return null;
        }

        if (ReadAnchor(bytes) is not { } anchor)
        {
            damage = $"{FileName} is not this build's checkpoint format, or its anchor numbers cannot describe a journal";
            return null;
        }

        damage = $"the counts in {FileName} do not describe exactly the bytes it holds";

        // A checkpoint whose CRC holds but whose numbers do not describe exactly the bytes it has (a writer bug, a forged
        // file) is ignored like a damaged one: the open then verifies every record.
        var span = bytes.AsSpan();
        var end = bytes.Length - 4;
        var count = anchor.Count;
        var streams = BinaryPrimitives.ReadInt64LittleEndian(span[72..]);
        var at = HeaderSize;
        if (count > (end - at) / 8 || streams < 0)
        {
            return null;
        }

        for (var i = 0L; i < count; i++, at += 8)
        {
            index.Stage(BinaryPrimitives.ReadInt64LittleEndian(span[at..]));
        }

        // Never more than the bytes left could describe (a stream takes at least 10): a bad count cannot reserve a huge table.
        index.ReserveStreams((int)Math.Min(streams, (end - at) / 10));
        for (var s = 0L; s < streams; s++)
        {
            if (end - at < 10 || end - at - 10 < BinaryPrimitives.ReadUInt16LittleEndian(span[at..]))
            {
                return null;
            }

            int length = BinaryPrimitives.ReadUInt16LittleEndian(span[at..]);
            var name = Encoding.UTF8.GetString(span.Slice(at + 2, length));
            at += 2 + length;
            var versions = BinaryPrimitives.ReadInt64LittleEndian(span[at..]);
            at += 8;
            if (versions < 0 || versions > (end - at) / 8)
            {
                return null;
            }

            var entry = index.GetOrAdd(name, (int)Math.Min(versions, 1 << 20));
            for (var v = 0L; v < versions; v++, at += 8)
            {
                entry.Add(BinaryPrimitives.ReadInt64LittleEndian(span[at..]));
            }
        }

        if (at != end)
        {
            return null;
        }

        damage = null;
        index.Publish();
        return anchor;
    }

    /// <summary>
    /// The first <see cref="HeaderSize"/> bytes of the checkpoint at <paramref name="path"/> when the whole file's
    /// CRC-32C trailer holds, or null when there is none, it is too short or the CRC fails. Streamed, 1 MiB at a time:
    /// the index after the header (8 bytes per event) is never held, for readers that need only the header.
    /// </summary>
    public static byte[]? ReadIntactHeader(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var length = RandomAccess.GetLength(handle);
        if (length < HeaderSize + 4)
        {
            return null;
        }

        var header = new byte[HeaderSize];
        var crc = 0xFFFFFFFFu;
        var buffer = new byte[(int)Math.Min(1 << 20, length)];
        Span<byte> trailer = stackalloc byte[4];
        for (long at = 0; at < length - 4;)
        {
            var chunk = buffer.AsSpan(0, (int)Math.Min(buffer.Length, length - 4 - at));
            if (RandomAccess.Read(handle, chunk, at) != chunk.Length)
            {
                return null;
            }

            if (at == 0)
            {
                chunk[..HeaderSize].CopyTo(header);
            }

            crc = Crc32C.Update(crc, chunk);
            at += chunk.Length;
        }

        return RandomAccess.Read(handle, trailer, length - 4) == 4 && BinaryPrimitives.ReadUInt32LittleEndian(trailer) == ~crc ? header : null;
    }

    /// <summary>
    /// The anchor a checkpoint's header describes, or null when the magic or the format version is not this build's or
    /// its numbers cannot describe a journal (a negative count or segment, an offset inside a segment header). The caller
    /// checks the whole file's CRC-32C trailer (the journal's open reads the file whole, the forward reader streams it).
    /// </summary>
    public static CheckpointAnchor? ReadAnchor(ReadOnlySpan<byte> header)
    {
        if (header.Length < HeaderSize || !header[..8].SequenceEqual(JournalFormat.CheckpointMagic)
            || BinaryPrimitives.ReadUInt32LittleEndian(header[8..]) != JournalFormat.Version)
        {
            return null;
        }

        var anchor = new CheckpointAnchor(BinaryPrimitives.ReadInt64LittleEndian(header[16..]), BinaryPrimitives.ReadInt64LittleEndian(header[24..]),
            BinaryPrimitives.ReadInt64LittleEndian(header[32..]), header[40..72].ToArray());
        return anchor is { Count: >= 0, Segment: >= 0, Offset: >= JournalFormat.SegmentHeaderSize } ? anchor : null;
    }

    // Streams the checkpoint through a buffered FileStream while computing its CRC-32C trailer.
    private sealed class CrcWriter(Stream stream)
    {
        private uint _state = 0xFFFFFFFFu;

        public void Write(ReadOnlySpan<byte> bytes)
        {
            stream.Write(bytes);
            _state = Crc32C.Update(_state, bytes);
        }

        public void WriteInt64(long value)
        {
            Span<byte> bytes = stackalloc byte[8];
            BinaryPrimitives.WriteInt64LittleEndian(bytes, value);
            Write(bytes);
        }

        public void WriteString(string value)
        {
            Span<byte> bytes = stackalloc byte[2 + (3 * 256)];
            var length = Encoding.UTF8.GetBytes(value, bytes[2..]);
            BinaryPrimitives.WriteUInt16LittleEndian(bytes, (ushort)length);
            Write(bytes[..(2 + length)]);
        }

        public void Finish()
        {
            Span<byte> crc = stackalloc byte[4];
            BinaryPrimitives.WriteUInt32LittleEndian(crc, ~_state);
            stream.Write(crc);
        }
    }
}
