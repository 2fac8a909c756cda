using System.Buffers.Binary;

using System.Text.Json;
using TradeFlow.EventSourcing;
using TradeFlow.Projections.Runtime;

namespace TradeFlow.Projections.Storage;

/// <summary>
/// The snapshot file format: 8 magic bytes <c>TFPROJ01</c>, a 4-byte little-endian header length, the
/// header as UTF-8 JSON (name, version, checkpoint, last recorded time, state hash and length), then the
/// state bytes. The hash makes a torn or edited file an error on load, never a silently wrong state.
/// </summary>
internal static class SnapshotFile
{
    private static readonly byte[] Magic = "TFPROJ01"u8.ToArray();

    public static byte[] Encode(ProjectionSnapshot snapshot)
    {
        var header = JsonSerializer.SerializeToUtf8Bytes(new SnapshotHeader(snapshot.Name, snapshot.Version,
            snapshot.Checkpoint.Value, snapshot.LastRecordedTime, snapshot.StateHash, snapshot.State.Length), ProjectionJson.Options);
        var bytes = new byte[Magic.Length + 4 + header.Length + snapshot.State.Length];
        Magic.CopyTo(bytes, 0);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(Magic.Length), header.Length);
        header.CopyTo(bytes, Magic.Length + 4);
        snapshot.State.Span.CopyTo(bytes.AsSpan(Magic.Length + 4 + header.Length));
        return bytes;
    }

    public static ProjectionSnapshot Decode(string path, ReadOnlySpan<byte> bytes)
    {
        var header = ReadHeader(path, bytes, out var stateOffset);
        if (bytes.Length - stateOffset != header.StateLength)
        {
            throw Corrupt(path, $"state is {bytes.Length - stateOffset} bytes, header says {header.StateLength}");
        }

        var state = bytes[stateOffset..].ToArray();
        var hash = StateHash.OfBytes(state);
        if (!string.Equals(hash, header.StateHash, StringComparison.Ordinal))
        {
            throw Corrupt(path, $"state hash {hash} differs from the recorded {header.StateHash}");
        }

        return new ProjectionSnapshot(header.Name, header.Version, GlobalPosition.FromInt64(header.Checkpoint),
            header.LastRecordedTime, header.StateHash, state);
    }

    public static SnapshotHeader ReadHeader(string path, ReadOnlySpan<byte> bytes, out int stateOffset)
    {
        if (bytes.Length < Magic.Length + 4 || !bytes[..Magic.Length].SequenceEqual(Magic))
        {
            throw Corrupt(path, "missing the TFPROJ01 magic");
        }

        var length = BinaryPrimitives.ReadInt32LittleEndian(bytes[Magic.Length..]);
        stateOffset = Magic.Length + 4 + length;
        if (length <= 0 || stateOffset > bytes.Length)
        {
            throw Corrupt(path, $"header length {length} runs past the end of the file ({bytes.Length} bytes)");
        }

        try
        {
            return JsonSerializer.Deserialize<SnapshotHeader>(bytes[(Magic.Length + 4)..stateOffset], ProjectionJson.Options)
                   ?? throw Corrupt(path, "empty header");
        }
        catch (JsonException ex)
        {
            throw new ProjectionStoreCorruptException(
                $"Projection snapshot {path}: header is not valid JSON ({ex.Message}).", ex);
        }
    }

    private static ProjectionStoreCorruptException Corrupt(string path, string problem) =>
        new($"Projection snapshot {path}: {problem}.");

}
