namespace TradeFlow.Server.Http.Security;

/// <summary>The roles an API key can carry (configuration spells them in lower case).</summary>
public static class ApiRole
{
    /// <summary>Books, amends and cancels trades.</summary>
    public const string Trader = "trader";

    /// <summary>Reads exposure, limits, positions and P&amp;L.</summary>
    public const string Risk = "risk";

    /// <summary>Reads settlement and the ledger; updates settlement statuses.</summary>
    public const string BackOffice = "backoffice";

    /// <summary>Reads everything, changes nothing.</summary>
    public const string Auditor = "auditor";

    /// <summary>Everything.</summary>
    public const string Admin = "admin";

    /// <summary>Every role, for validating configuration.</summary>
    public static IReadOnlyList<string> All { get; } = [Trader, Risk, BackOffice, Auditor, Admin];
}
