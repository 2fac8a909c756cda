using System.Text.RegularExpressions;
using TradeFlow.EventSourcing.Storage;

namespace TradeFlow.Projections.Storage;

/// <summary>
/// Projection snapshots as files in one directory, <c>{name}.projection</c>. A save writes a temporary
/// file, fsyncs it, renames it over the old one and fsyncs the directory, so after a crash the file is
/// either the old snapshot or the new one, never a mix. The compare-and-swap runs under an in-process
/// gate and an exclusive <c>{name}.lock</c> file, so runners in two processes cannot both advance it.
/// </summary>
public sealed partial class FileProjectionStore : IProjectionStore, IDisposable
{
    private readonly string _directory;
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Creates a store over <paramref name="directory"/>, creating it if needed.</summary>
    public FileProjectionStore(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        _directory = Path.GetFullPath(directory);
        Directory.CreateDirectory(_directory);
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    /// <summary>The snapshot file of a projection.</summary>
    public string PathOf(string projectionName) => Path.Combine(_directory, CheckName(projectionName) + ".projection");

    /// <inheritdoc />
    public async ValueTask<ProjectionSnapshot?> LoadAsync(string projectionName, CancellationToken cancellationToken = default)
    {
        var path = PathOf(projectionName);
        if (!File.Exists(path))
        {
            return null;
        }

        var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        return SnapshotFile.Decode(path, bytes);
    }

    /// <inheritdoc />
    public async ValueTask<ProjectionSaveResult> SaveAsync(ProjectionSnapshot snapshot, ExpectedCheckpoint expected,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var path = PathOf(snapshot.Name);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var crossProcessLock = TryLock(path + ".lock");
            if (crossProcessLock is null)
            {
                // Another process is saving this projection right now: by definition our expectation is stale.
                return new ProjectionSaveResult(false, CurrentToken(path));
            }

            var actual = CurrentToken(path);
            if (actual != expected)
            {
                return new ProjectionSaveResult(false, actual);
            }

            await WriteAtomicallyAsync(path, SnapshotFile.Encode(snapshot), cancellationToken).ConfigureAwait(false);
            return new ProjectionSaveResult(true, snapshot.Token);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task WriteAtomicallyAsync(string path, byte[] bytes, CancellationToken cancellationToken)
    {
        var temp = path + ".tmp";
        var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous);
        await using (stream.ConfigureAwait(false))
        {
            await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
            // The data must be on disk before the rename publishes it, or a crash could leave a renamed empty file.
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
        DirectorySync.Flush(_directory);
    }

    private static ExpectedCheckpoint CurrentToken(string path)
    {
        if (!File.Exists(path))
        {
            return ExpectedCheckpoint.None;
        }

        var header = SnapshotFile.ReadHeader(path, File.ReadAllBytes(path), out _);
        return ExpectedCheckpoint.At(header.Version, EventSourcing.GlobalPosition.FromInt64(header.Checkpoint));
    }

    private static FileStream? TryLock(string lockPath)
    {
        try
        {
            return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static string CheckName(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return ValidName().IsMatch(name)
            ? name
            : throw new ArgumentException($"Projection name '{name}' must be lower-case letters, digits and '-'.", nameof(name));
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex ValidName();
}
