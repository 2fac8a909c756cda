using System.Runtime.CompilerServices;

namespace TradeFlow.Testing.Snapshots;

/// <summary>
/// Snapshot testing with Verify's conventions (Verify itself cannot be restored here): the verified
/// text lives beside the test source as <c>{TestClass}.{TestMethod}.verified.txt</c>; a mismatch
/// writes <c>.received.txt</c> and fails with a line diff; a missing verified file fails the same way.
/// Set <c>TRADEFLOW_ACCEPT_SNAPSHOTS=1</c> to accept the received text as verified instead.
/// Volatile values are scrubbed to numbered placeholders first (<see cref="Scrubber.Defaults"/>).
/// </summary>
public static class Snapshot
{
    /// <summary>The environment variable that turns mismatches into acceptance.</summary>
    public const string AcceptVariable = "TRADEFLOW_ACCEPT_SNAPSHOTS";

    /// <summary>Compares <paramref name="actual"/> (scrubbed with the defaults) with the verified file.</summary>
    /// <exception cref="SnapshotMismatchException">The text differs or there is no verified file.</exception>
    public static void Verify(string actual, [CallerFilePath] string sourceFile = "",
        [CallerMemberName] string testMethod = "") =>
        Verify(actual, Scrubber.Defaults, sourceFile, testMethod);

    /// <summary>Compares <paramref name="actual"/>, scrubbed with <paramref name="scrubbers"/>, with the verified file.</summary>
    /// <exception cref="SnapshotMismatchException">The text differs or there is no verified file.</exception>
    public static void Verify(string actual, IEnumerable<Scrubber> scrubbers, [CallerFilePath] string sourceFile = "",
        [CallerMemberName] string testMethod = "")
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(scrubbers);
        var received = Normalize(scrubbers.Aggregate(actual, (text, s) => s.Scrub(text)));

        // One type per file, so the file name is the test class name.
        var directory = Path.GetDirectoryName(sourceFile) ?? ".";
        var stem = Path.Combine(directory, $"{Path.GetFileNameWithoutExtension(sourceFile)}.{testMethod}");
        var verifiedPath = stem + ".verified.txt";
        var receivedPath = stem + ".received.txt";
        var verified = File.Exists(verifiedPath) ? Normalize(File.ReadAllText(verifiedPath)) : null;

        if (verified == received)
        {
            File.Delete(receivedPath);
            return;
        }

        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            File.WriteAllText(verifiedPath, received);
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, received);
        throw new SnapshotMismatchException(verified is null
            ? $"No verified snapshot {verifiedPath}.\nReview {receivedPath} and rename it to .verified.txt, " +
              $"or rerun with {AcceptVariable}=1.\n\n{received}"
            : $"Snapshot differs from {verifiedPath} (- verified, + received); received text in {receivedPath}.\n" +
              $"Rerun with {AcceptVariable}=1 to accept.\n\n" +
              LineDiff.Render(verified.Split('\n'), received.Split('\n')));
    }

    private static string Normalize(string text)
    {
        var unix = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        return unix.EndsWith('\n') ? unix : unix + "\n";
    }
}
