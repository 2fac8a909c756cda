namespace TradeFlow.Fix.Settings;

/// <summary>
/// A session settings file that cannot be used. The message names the file, line, section and key, the way an
/// operator needs it to fix a bank's config: <c>fix.cfg:14 [SESSION 2] HeartBtInt: 'abc' is not a number</c>.
/// </summary>
public sealed class SettingsFormatException : Exception
{
    /// <summary>Creates the exception with a complete, located message.</summary>
    public SettingsFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a complete, located message and its cause.</summary>
    public SettingsFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception without a message (serialisation and analyzer convention).</summary>
    public SettingsFormatException()
    {
    }
}
