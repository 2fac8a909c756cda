using TradeFlow.Fix.Dictionary;

namespace TradeFlow.Fix.Tests.Dictionary;

/// <summary>The dictionaries the tests validate against, loaded once.</summary>
internal static class TestDictionaries
{
    private static readonly Lazy<DataDictionary> QuickFix = new(() => DataDictionary.Load(QuickFixFix44Path));

    /// <summary>QuickFIX's own FIX44.xml (see TestData/README.md).</summary>
    public static string QuickFixFix44Path => Path.Combine(AppContext.BaseDirectory, "TestData", "FIX44.xml");

    /// <summary>Real messages logged by jspurefix, SOH shown as '|'.</summary>
    public static string JspurefixSessionPath => Path.Combine(AppContext.BaseDirectory, "TestData", "jspurefix-session.txt");

    /// <summary>QuickFIX's FIX44.xml, loaded.</summary>
    public static DataDictionary QuickFixFix44 => QuickFix.Value;
}
