namespace TradeFlow.Fix.Dictionary;

/// <summary>SessionRejectReason (373) values of FIX 4.4, with QuickFIX's texts for Text (58).</summary>
public static class SessionRejectReasons
{
    /// <summary>0: Invalid tag number.</summary>
    public const int InvalidTagNumber = 0;
    /// <summary>1: Required tag missing.</summary>
    public const int RequiredTagMissing = 1;
    /// <summary>2: Tag not defined for this message type.</summary>
    public const int TagNotDefinedForMessageType = 2;
    /// <summary>3: Undefined tag.</summary>
    public const int UndefinedTag = 3;
    /// <summary>4: Tag specified without a value.</summary>
    public const int TagSpecifiedWithoutValue = 4;
    /// <summary>5: Value is incorrect (out of range) for this tag.</summary>
    public const int ValueIsIncorrect = 5;
    /// <summary>6: Incorrect data format for value.</summary>
    public const int IncorrectDataFormat = 6;
    /// <summary>7: Decryption problem.</summary>
    public const int DecryptionProblem = 7;
    /// <summary>8: Signature problem.</summary>
    public const int SignatureProblem = 8;
    /// <summary>9: CompID problem.</summary>
    public const int CompIdProblem = 9;
    /// <summary>10: SendingTime accuracy problem.</summary>
    public const int SendingTimeAccuracyProblem = 10;
    /// <summary>11: Invalid MsgType.</summary>
    public const int InvalidMsgType = 11;
    /// <summary>12: XML validation error.</summary>
    public const int XmlValidationError = 12;
    /// <summary>13: Tag appears more than once.</summary>
    public const int TagAppearsMoreThanOnce = 13;
    /// <summary>14: Tag specified out of required order.</summary>
    public const int TagSpecifiedOutOfRequiredOrder = 14;
    /// <summary>15: Repeating group fields out of order.</summary>
    public const int RepeatingGroupFieldsOutOfOrder = 15;
    /// <summary>16: Incorrect NumInGroup count for repeating group.</summary>
    public const int IncorrectNumInGroupCount = 16;
    /// <summary>17: Non-"data" value includes field delimiter (SOH).</summary>
    public const int NonDataValueIncludesFieldDelimiter = 17;
    /// <summary>99: Other.</summary>
    public const int Other = 99;

    /// <summary>QuickFIX's Text (58) for <paramref name="reason"/> (its <c>SessionRejectReason_*_TEXT</c> constants).</summary>
    public static string TextFor(int reason) => reason switch
    {
        InvalidTagNumber => "Invalid tag number",
        RequiredTagMissing => "Required tag missing",
        TagNotDefinedForMessageType => "Tag not defined for this message type",
        UndefinedTag => "Undefined Tag",
        TagSpecifiedWithoutValue => "Tag specified without a value",
        ValueIsIncorrect => "Value is incorrect (out of range) for this tag",
        IncorrectDataFormat => "Incorrect data format for value",
        DecryptionProblem => "Decryption problem",
        SignatureProblem => "Signature problem",
        CompIdProblem => "CompID problem",
        SendingTimeAccuracyProblem => "SendingTime accuracy problem",
        InvalidMsgType => "Invalid MsgType",
        XmlValidationError => "XML Validation error",
        TagAppearsMoreThanOnce => "Tag appears more than once",
        TagSpecifiedOutOfRequiredOrder => "Tag specified out of required order",
        RepeatingGroupFieldsOutOfOrder => "Repeating group fields out of order",
        IncorrectNumInGroupCount => "Incorrect NumInGroup count for repeating group",
        NonDataValueIncludesFieldDelimiter => "Non Data Value includes Field Delimiter",
        _ => "Other",
    };
}
