using Microsoft.AspNetCore.Authorization;

namespace TradeFlow.Server.Http.Security;

/// <summary>
/// The authorization policies, each a set of roles (admin is in every one). Kept as data so that
/// docs/http-api.md's role table and the tests read from one place.
/// </summary>
public static class ApiPolicy
{
    /// <summary>Exposure, limits, positions, P&amp;L.</summary>
    public const string RiskRead = "risk-read";

    /// <summary>Settlement and the ledger.</summary>
    public const string BackOfficeRead = "backoffice-read";

    /// <summary>The blotter, a trade and its audit trail, metrics: any key.</summary>
    public const string AnyRole = "any-role";

    /// <summary>Book, amend, cancel.</summary>
    public const string TradeWrite = "trade-write";

    /// <summary>Settlement status updates.</summary>
    public const string SettlementWrite = "settlement-write";

    /// <summary>Admin commands: credit limit changes.</summary>
    public const string Admin = "admin";

    /// <summary>Each policy's roles.</summary>
    public static IReadOnlyDictionary<string, string[]> Roles { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [RiskRead] = [ApiRole.Risk, ApiRole.Auditor, ApiRole.Admin],
        [BackOfficeRead] = [ApiRole.BackOffice, ApiRole.Auditor, ApiRole.Admin],
        [AnyRole] = [.. ApiRole.All],
        [TradeWrite] = [ApiRole.Trader, ApiRole.Admin],
        [SettlementWrite] = [ApiRole.BackOffice, ApiRole.Admin],
        [Admin] = [ApiRole.Admin],
    };

    /// <summary>Registers every policy.</summary>
    public static void AddTo(AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var (name, roles) in Roles)
        {
            options.AddPolicy(name, policy => policy.AddAuthenticationSchemes(ApiKeyAuthentication.SchemeName).RequireRole(roles));
        }
    }
}
