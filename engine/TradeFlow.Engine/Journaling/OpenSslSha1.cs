using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace TradeFlow.Engine.Journaling;

/// <summary>
/// OpenSSL's low-level <c>SHA1_Init/Update/Final</c>, called through function pointers into a caller-owned context
/// on the stack, for the version-5 event ids. Why: the managed <see cref="Sha1"/> costs ~220 ns per id (80 rounds in
/// C#); OpenSSL hashes the same one or two blocks with the CPU's SHA instructions (SHA-NI on this machine), and this
/// path skips what made the platform's one-shot <c>SHA1.HashData</c> slower than both (an EVP fetch, a context
/// allocated and freed, the error queue cleared per call). It is the library .NET itself loads for its cryptography
/// on Linux, as the journal's chain hash uses it (<c>OpenSslSha256</c>). Elsewhere, or if a self-test against the
/// platform's SHA-1 fails, <see cref="Instance"/> is null and <see cref="EventIds"/> uses the managed hash: the ids
/// never depend on the path taken.
/// </summary>
internal sealed unsafe class OpenSslSha1
{
    /// <summary>Bytes to reserve for a <c>SHA_CTX</c> (96 on OpenSSL 1.1 and 3.x; room to spare).</summary>
    public const int ContextSize = 128;

    private static readonly string[] LibraryNames = ["libcrypto.so.3", "libcrypto.so.1.1", "libcrypto.so"];

    private readonly delegate* unmanaged<void*, int> _init;
    private readonly delegate* unmanaged<void*, byte*, nuint, int> _update;
    private readonly delegate* unmanaged<byte*, void*, int> _final;

    private OpenSslSha1(nint init, nint update, nint final)
    {
        _init = (delegate* unmanaged<void*, int>)init;
        _update = (delegate* unmanaged<void*, byte*, nuint, int>)update;
        _final = (delegate* unmanaged<byte*, void*, int>)final;
    }

    /// <summary>The loaded, self-tested binding; null when OpenSSL's low-level SHA-1 is not available here.</summary>
    public static OpenSslSha1? Instance { get; } = TryLoad();

    /// <summary>Writes the SHA-1 of <paramref name="source"/> to the first 20 bytes of <paramref name="destination"/>.</summary>
    public void HashData(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, Sha1.HashSizeInBytes);
        var context = stackalloc byte[ContextSize];
        fixed (byte* input = source)
        fixed (byte* output = destination)
        {
            _init(context);
            _update(context, input, (nuint)source.Length);
            _final(output, context);
        }
    }

    private static OpenSslSha1? TryLoad()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        foreach (var name in LibraryNames)
        {
            if (NativeLibrary.TryLoad(name, out var library)
                && NativeLibrary.TryGetExport(library, "SHA1_Init", out var init)
                && NativeLibrary.TryGetExport(library, "SHA1_Update", out var update)
                && NativeLibrary.TryGetExport(library, "SHA1_Final", out var final))
            {
                var binding = new OpenSslSha1(init, update, final);
                return binding.AgreesWithSha1() ? binding : null;
            }
        }

        return null;
    }

    // A binding that disagreed with SHA-1 (a wrong context layout, a broken library) would give resent commands new
    // event ids; checked once on lengths around the 64-byte block and padding boundaries.
    private bool AgreesWithSha1()
    {
        var input = new byte[300];
        for (var i = 0; i < input.Length; i++)
        {
            input[i] = (byte)((i * 131) + 7);
        }

        Span<byte> ours = stackalloc byte[Sha1.HashSizeInBytes];
        Span<byte> theirs = stackalloc byte[Sha1.HashSizeInBytes];
        foreach (var length in (ReadOnlySpan<int>)[0, 1, 3, 55, 56, 63, 64, 65, 119, 120, 128, 300])
        {
            HashData(input.AsSpan(0, length), ours);
#pragma warning disable CA5350 // SHA-1 names events (RFC 9562 version-5 UUIDs); it protects nothing.
            SHA1.HashData(input.AsSpan(0, length), theirs);
#pragma warning restore CA5350
            if (!ours.SequenceEqual(theirs))
            {
                return false;
            }
        }

        return true;
    }
}
