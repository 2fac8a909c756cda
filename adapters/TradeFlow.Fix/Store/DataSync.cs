using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace TradeFlow.Fix.Store;

/// <summary>
/// <c>fdatasync(2)</c> of a file (Linux; elsewhere a full flush): its data, and of its metadata only what reading the
/// data back needs — the size and the block map when they changed, not the modification time. .NET offers only the
/// full <c>fsync</c> (<see cref="RandomAccess.FlushToDisk"/>).
/// </summary>
/// <remarks>
/// Why it matters to the FIX store (session 12): on this machine's ext4 (no file-system journal) an <c>fsync</c> after
/// an in-place write still writes the inode for its new modification time — one more synchronous device write in
/// series before the cache flush. An <c>fdatasync</c> of bytes written over blocks the file already holds (the store
/// reserves zero-filled room ahead of its log, see <see cref="LogMessageStore"/>) is the data write and the cache
/// flush alone. Durability is the same: POSIX makes <c>fdatasync</c> flush every change a later read depends on,
/// a new size included.
/// </remarks>
internal static class DataSync
{
    private const int EIntr = 4;

    /// <summary>Makes the data of <paramref name="file"/> durable; throws <see cref="IOException"/> naming the errno if it cannot.</summary>
    public static void Flush(SafeFileHandle file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (!OperatingSystem.IsLinux())
        {
            RandomAccess.FlushToDisk(file);
            return;
        }

        var added = false;
        try
        {
            // Held so that a concurrent close cannot release the descriptor (and let another file reuse its number).
            file.DangerousAddRef(ref added);
            int errno;
            do
            {
                if (FdataSync(file.DangerousGetHandle()) == 0)
                {
                    return;
                }

                errno = Marshal.GetLastPInvokeError();
            }
            while (errno == EIntr);

            throw new IOException($"fdatasync failed (errno {errno}).");
        }
        finally
        {
            if (added)
            {
                file.DangerousRelease();
            }
        }
    }

    [DllImport("libc", EntryPoint = "fdatasync", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int FdataSync(nint descriptor);
}
