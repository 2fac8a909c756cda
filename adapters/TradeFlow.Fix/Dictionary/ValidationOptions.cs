namespace TradeFlow.Fix.Dictionary;

/// <summary>
/// Validation switches named and defaulted as QuickFIX's session settings, so a bank's <c>.cfg</c> means
/// the same here.
/// </summary>
public sealed record ValidationOptions
{
    /// <summary>QuickFIX's defaults: every check on, unknown fields rejected.</summary>
    public static ValidationOptions Default { get; } = new();

    /// <summary>ValidateFieldsOutOfOrder (default Y): header fields after the body, or body/header fields after the trailer, are rejected (14).</summary>
    public bool ValidateFieldsOutOfOrder { get; init; } = true;

    /// <summary>ValidateFieldsHaveValues (default Y): a field with an empty value is rejected (4).</summary>
    public bool ValidateFieldsHaveValues { get; init; } = true;

    /// <summary>ValidateUserDefinedFields (default Y): user-defined tags (5000 and up) are checked like any other.</summary>
    public bool ValidateUserDefinedFields { get; init; } = true;

    /// <summary>AllowUnknownMsgFields (default N): when Y, tags below 5000 that are undefined, or not defined for the message type, pass.</summary>
    public bool AllowUnknownMsgFields { get; init; }

    /// <summary>ValidateUnorderedGroupFields (default Y): fields of a group entry must follow the dictionary's order (15).</summary>
    public bool ValidateUnorderedGroupFields { get; init; } = true;
}
