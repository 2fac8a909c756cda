using Microsoft.Extensions.Configuration;
using TradeFlow.Server.Http.Security;

namespace TradeFlow.Server.Http;

/// <summary>
/// How the HTTP API is configured: its API keys (salted hashes, never keys) and how long a command's response
/// waits for the projections to reach it. Bound from the <c>TradeFlow:Http</c> configuration section by
/// <see cref="FromConfiguration"/>.
/// </summary>
public sealed class HttpApiOptions
{
    /// <summary>The configuration section read by <see cref="FromConfiguration"/>.</summary>
    public const string Section = "TradeFlow:Http";

    /// <summary>The default address: loopback only, so nothing is exposed until an operator says so.</summary>
    public const string DefaultUrl = "http://127.0.0.1:8080";

    /// <summary>The keys that may call the API.</summary>
    public IReadOnlyList<ApiKey> ApiKeys { get; init; } = [];

    /// <summary>
    /// How long a command's response waits for the live projections to fold its events (default 5 s), so a
    /// client that reads right after a write sees it. The command is durable either way.
    /// </summary>
    public TimeSpan ProjectionWait { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Reads <c>TradeFlow:Http:ApiKeys:{i}:Name|Roles|Hash</c> and <c>TradeFlow:Http:ProjectionWaitSeconds</c>;
    /// a bad entry stops start-up naming the key and field.
    /// </summary>
    /// <exception cref="InvalidOperationException">A key has no name, an unknown role, or a malformed hash.</exception>
    public static HttpApiOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section);
        var keys = section.GetSection("ApiKeys").GetChildren().Select(ReadKey).ToList();
        var wait = section["ProjectionWaitSeconds"] is { } seconds ? TimeSpan.FromSeconds(double.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture)) : TimeSpan.FromSeconds(5);
        return new HttpApiOptions { ApiKeys = keys, ProjectionWait = wait };
    }

    /// <summary>Checks every key; throws naming the first bad field.</summary>
    /// <exception cref="InvalidOperationException">A key has no name, no or an unknown role, or a malformed hash.</exception>
    public void Validate()
    {
        for (var i = 0; i < ApiKeys.Count; i++)
        {
            var key = ApiKeys[i];
            var where = $"{Section}:ApiKeys:{i}";
            if (string.IsNullOrWhiteSpace(key.Name))
            {
                throw new InvalidOperationException($"{where}:Name is missing.");
            }

            if (key.Roles.Count == 0 || key.Roles.Any(r => !ApiRole.All.Contains(r)))
            {
                throw new InvalidOperationException($"{where}:Roles of '{key.Name}' must be one or more of {string.Join(", ", ApiRole.All)}.");
            }

            if (!ApiKeyHasher.IsWellFormed(key.Hash))
            {
                throw new InvalidOperationException($"{where}:Hash of '{key.Name}' is not of the form sha256:<salt hex>:<64 hex digits> (see docs/http-api.md).");
            }
        }
    }

    private static ApiKey ReadKey(IConfigurationSection entry)
    {
        var roles = entry.GetSection("Roles").GetChildren().Select(r => r.Value ?? string.Empty).ToList();
        if (roles.Count == 0 && entry["Roles"] is { } single)
        {
            // Environment variables and flags give a list more easily as "risk,auditor".
            roles = [.. single.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
        }

        return new ApiKey(entry["Name"] ?? string.Empty, roles, entry["Hash"] ?? string.Empty);
    }
}
