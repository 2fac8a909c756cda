using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TradeFlow.Server.Http.Security;

/// <summary>
/// Salted hashes of API keys, in the form <c>sha256:{salt hex}:{hash hex}</c> where the hash is
/// SHA-256(salt bytes ‖ UTF-8 key). One SHA-256 rather than PBKDF2 because the keys are 256-bit random
/// tokens (<see cref="NewKey"/>), not passwords: stretching protects guessable secrets and would cost
/// every request tens of milliseconds. The form is reproducible with a shell (docs/http-api.md).
/// </summary>
public static class ApiKeyHasher
{
    private const string Scheme = "sha256";
    private const int SaltBytes = 16;

    /// <summary>A fresh random API key (32 random bytes, URL-safe base64, no padding).</summary>
    public static string NewKey() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Hashes <paramref name="key"/> with a fresh random salt.</summary>
    public static string Hash(string key) => Hash(key, RandomNumberGenerator.GetBytes(SaltBytes));

    /// <summary>Hashes <paramref name="key"/> with <paramref name="salt"/> (tests and reproducible set-ups).</summary>
    public static string Hash(string key, ReadOnlySpan<byte> salt)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var digest = Digest(key, salt);
        return string.Create(CultureInfo.InvariantCulture, $"{Scheme}:{Convert.ToHexStringLower(salt)}:{Convert.ToHexStringLower(digest)}");
    }

    /// <summary>True when <paramref name="hash"/> is well formed (what configuration loading checks).</summary>
    public static bool IsWellFormed(string? hash) => TryParse(hash, out _, out _);

    /// <summary>True when <paramref name="key"/> hashes to <paramref name="hash"/>; compared in constant time.</summary>
    public static bool Verify(string? key, string? hash)
    {
        if (string.IsNullOrEmpty(key) || !TryParse(hash, out var salt, out var expected))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Digest(key, salt), expected);
    }

    private static byte[] Digest(string key, ReadOnlySpan<byte> salt)
    {
        var keyBytes = Encoding.UTF8.GetBytes(key);
        var input = new byte[salt.Length + keyBytes.Length];
        salt.CopyTo(input);
        keyBytes.CopyTo(input.AsSpan(salt.Length));
        return SHA256.HashData(input);
    }

    private static bool TryParse(string? hash, out byte[] salt, out byte[] digest)
    {
        salt = [];
        digest = [];
        var parts = hash?.Split(':');
        if (parts is not { Length: 3 } || parts[0] != Scheme || parts[1].Length == 0 || parts[2].Length != 64)
        {
            return false;
        }

        try
        {
            salt = Convert.FromHexString(parts[1]);
            digest = Convert.FromHexString(parts[2]);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
