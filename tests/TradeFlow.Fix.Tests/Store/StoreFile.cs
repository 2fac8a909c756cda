using System.Buffers.Binary;
using TradeFlow.Fix.Store;

namespace TradeFlow.Fix.Tests.Store;

/// <summary>Reads a <see cref="LogMessageStore"/> file beside the open store, as a restart would find it.</summary>
internal static class StoreFile
{
    /// <summary>The records in the file, in order, up to the first that does not read.</summary>
    public static List<(LogRecordKind Kind, byte[] Payload, long Offset)> Records(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var bytes = new byte[file.Length];
        file.ReadExactly(bytes);
        var records = new List<(LogRecordKind, byte[], long)>();
        var offset = 0;
        while (LogRecord.TryRead(bytes.AsSpan(offset), out var kind, out var payload, out var size))
        {
            records.Add((kind, payload.ToArray(), offset));
            offset += size;
        }

        return records;
    }

    /// <summary>The numbers of the last commit mark: (next sender, next target).</summary>
    public static (int Sender, int Target) LastNumbers(string path)
    {
        var payload = Records(path).Last(r => r.Kind == LogRecordKind.Numbers).Payload;
        return (BinaryPrimitives.ReadInt32LittleEndian(payload), BinaryPrimitives.ReadInt32LittleEndian(payload.AsSpan(4)));
    }
}
