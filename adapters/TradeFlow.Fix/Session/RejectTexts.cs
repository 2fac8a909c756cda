namespace TradeFlow.Fix.Session;

/// <summary>QuickFIX's texts for each SessionRejectReason (373), which counterparties' operations staff recognise.</summary>
internal static class RejectTexts
{
    public static string For(int sessionRejectReason) => sessionRejectReason switch
    {
        0 => "Invalid tag number",
        1 => "Required tag missing",
        2 => "Tag not defined for this message type",
        3 => "Undefined Tag",
        4 => "Tag specified without a value",
        5 => "Value is incorrect (out of range) for this tag",
        6 => "Incorrect data format for value",
        7 => "Decryption problem",
        8 => "Signature problem",
        9 => "CompID problem",
        10 => "SendingTime accuracy problem",
        11 => "Invalid MsgType",
        13 => "Tag appears more than once",
        14 => "Tag specified out of required order",
        15 => "Repeating group fields out of order",
        16 => "Incorrect NumInGroup count for repeating group",
        17 => "Non Data value includes field delimiter (SOH character)",
        _ => "Other",
    };
}
