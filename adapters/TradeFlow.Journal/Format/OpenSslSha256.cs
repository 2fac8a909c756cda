using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace TradeFlow.Journal.Format;

/// <summary>
/// OpenSSL's low-level <c>SHA256_Init/Update/Final</c>, called directly through function pointers. Why: for the
/// journal's ~350-byte records, <see cref="SHA256.HashData(ReadOnlySpan{byte}, Span{byte})"/> on Linux costs 3–4×
/// the hashing itself (per call it fetches an EVP digest by name, allocates and frees a context and clears the
/// OpenSSL error queue — the verify profile showed <c>ERR_clear_error</c>, <c>CRYPTO_free</c> and <c>malloc</c> above
/// the SHA-NI block function). The low-level API hashes into a caller-owned context with the same SHA-NI code and
/// none of that. It is the library .NET itself loads for its cryptography on Linux; elsewhere (or if a self-test
/// against <see cref="SHA256"/> fails) <see cref="Instance"/> is null and callers use <see cref="SHA256"/>.
/// </summary>
internal sealed unsafe class OpenSslSha256
{
    /// <summary>Bytes to allocate for a <c>SHA256_CTX</c> (112 on OpenSSL 1.1 and 3.x; room to spare).</summary>
    public const int ContextSize = 256;

    private static readonly string[] LibraryNames = ["libcrypto.so.3", "libcrypto.so.1.1", "libcrypto.so"];

    private readonly delegate* unmanaged<void*, int> _init;
    private readonly delegate* unmanaged<void*, byte*, nuint, int> _update;
    private readonly delegate* unmanaged<byte*, void*, int> _final;

    private OpenSslSha256(nint init, nint update, nint final)
    {
        _init = (delegate* unmanaged<void*, int>)init;
        _update = (delegate* unmanaged<void*, byte*, nuint, int>)update;
        _final = (delegate* unmanaged<byte*, void*, int>)final;
    }

    /// <summary>The loaded, self-tested binding; null when OpenSSL's low-level SHA-256 is not available here.</summary>
    public static OpenSslSha256? Instance { get; } = TryLoad();

    /// <summary>Starts a digest in <paramref name="context"/> (at least <see cref="ContextSize"/> bytes).</summary>
    public void Init(void* context) => _init(context);

    /// <summary>Hashes <paramref name="data"/> into the digest in <paramref name="context"/>.</summary>
    public void Update(void* context, ReadOnlySpan<byte> data)
    {
        fixed (byte* bytes = data)
        {
            _update(context, bytes, (nuint)data.Length);
        }
    }

    /// <summary>Finishes the digest into <paramref name="destination"/> (32 bytes).</summary>
    public void Final(void* context, Span<byte> destination)
    {
        fixed (byte* output = destination)
        {
            _final(output, context);
        }
    }

    private static OpenSslSha256? TryLoad()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        foreach (var name in LibraryNames)
        {
            if (NativeLibrary.TryLoad(name, out var library)
                && NativeLibrary.TryGetExport(library, "SHA256_Init", out var init)
                && NativeLibrary.TryGetExport(library, "SHA256_Update", out var update)
                && NativeLibrary.TryGetExport(library, "SHA256_Final", out var final))
            {
                var binding = new OpenSslSha256(init, update, final);
                return binding.AgreesWithSha256() ? binding : null;
            }
        }

        return null;
    }

    // A binding that disagreed with the platform's SHA-256 (a wrong context layout, a broken library) would make the
    // verifier lie; checked once on lengths around the 64-byte block and padding boundaries.
    private bool AgreesWithSha256()
    {
        var input = new byte[1000];
        for (var i = 0; i < input.Length; i++)
        {
            input[i] = (byte)((i * 131) + 7);
        }

        var context = NativeMemory.AllocZeroed(ContextSize);
        try
        {
            Span<byte> ours = stackalloc byte[32];
            Span<byte> theirs = stackalloc byte[32];
            foreach (var length in (ReadOnlySpan<int>)[0, 1, 3, 55, 56, 63, 64, 65, 119, 350, 1000])
            {
                Init(context);
                Update(context, input.AsSpan(0, length / 2));
                Update(context, input.AsSpan(length / 2, length - (length / 2)));
                Final(context, ours);
                SHA256.HashData(input.AsSpan(0, length), theirs);
                if (!ours.SequenceEqual(theirs))
                {
                    return false;
                }
            }

            return true;
        }
        finally
        {
            NativeMemory.Free(context);
        }
    }
}
