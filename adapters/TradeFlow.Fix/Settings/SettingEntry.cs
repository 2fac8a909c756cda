namespace TradeFlow.Fix.Settings;

/// <summary>One <c>Key=Value</c> line of a settings file, with where it came from (for error messages).</summary>
internal readonly record struct SettingEntry(string Key, string Value, string File, int Line, string Section)
{
    /// <summary>The location prefix of every error about this entry: <c>fix.cfg:14 [SESSION 2] HeartBtInt</c>.</summary>
    public string Where => $"{File}:{Line} [{Section}] {Key}";
}
