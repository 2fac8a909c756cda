namespace TradeFlow.Fix.Codec;

/// <summary>FIX 4.4 tag numbers the engine and TradeFlow's application use, named as in the FIX specification.</summary>
public static class Tags
{
    // Standard header and trailer.
    /// <summary>BeginString (8): the protocol version, always the first field.</summary>
    public const int BeginString = 8;
    /// <summary>BodyLength (9): bytes after this field up to and including the SOH before CheckSum.</summary>
    public const int BodyLength = 9;
    /// <summary>CheckSum (10): the sum of every preceding byte modulo 256, three digits, always the last field.</summary>
    public const int CheckSum = 10;
    /// <summary>MsgType (35).</summary>
    public const int MsgType = 35;
    /// <summary>MsgSeqNum (34).</summary>
    public const int MsgSeqNum = 34;
    /// <summary>SenderCompID (49).</summary>
    public const int SenderCompID = 49;
    /// <summary>TargetCompID (56).</summary>
    public const int TargetCompID = 56;
    /// <summary>SendingTime (52).</summary>
    public const int SendingTime = 52;
    /// <summary>PossDupFlag (43).</summary>
    public const int PossDupFlag = 43;
    /// <summary>PossResend (97).</summary>
    public const int PossResend = 97;
    /// <summary>OrigSendingTime (122).</summary>
    public const int OrigSendingTime = 122;
    /// <summary>SenderSubID (50).</summary>
    public const int SenderSubID = 50;
    /// <summary>TargetSubID (57).</summary>
    public const int TargetSubID = 57;
    /// <summary>OnBehalfOfCompID (115).</summary>
    public const int OnBehalfOfCompID = 115;
    /// <summary>DeliverToCompID (128).</summary>
    public const int DeliverToCompID = 128;
    /// <summary>LastMsgSeqNumProcessed (369).</summary>
    public const int LastMsgSeqNumProcessed = 369;
    /// <summary>SignatureLength (93), the length of Signature (89).</summary>
    public const int SignatureLength = 93;
    /// <summary>Signature (89).</summary>
    public const int Signature = 89;

    // Session-level messages.
    /// <summary>HeartBtInt (108).</summary>
    public const int HeartBtInt = 108;
    /// <summary>TestReqID (112).</summary>
    public const int TestReqID = 112;
    /// <summary>BeginSeqNo (7).</summary>
    public const int BeginSeqNo = 7;
    /// <summary>EndSeqNo (16).</summary>
    public const int EndSeqNo = 16;
    /// <summary>NewSeqNo (36).</summary>
    public const int NewSeqNo = 36;
    /// <summary>GapFillFlag (123).</summary>
    public const int GapFillFlag = 123;
    /// <summary>RefSeqNum (45).</summary>
    public const int RefSeqNum = 45;
    /// <summary>RefTagID (371).</summary>
    public const int RefTagID = 371;
    /// <summary>RefMsgType (372).</summary>
    public const int RefMsgType = 372;
    /// <summary>SessionRejectReason (373).</summary>
    public const int SessionRejectReason = 373;
    /// <summary>Text (58).</summary>
    public const int Text = 58;
    /// <summary>EncryptMethod (98).</summary>
    public const int EncryptMethod = 98;
    /// <summary>ResetSeqNumFlag (141).</summary>
    public const int ResetSeqNumFlag = 141;
    /// <summary>Username (553).</summary>
    public const int Username = 553;
    /// <summary>Password (554).</summary>
    public const int Password = 554;
    /// <summary>RawDataLength (95), the length of RawData (96).</summary>
    public const int RawDataLength = 95;
    /// <summary>RawData (96).</summary>
    public const int RawData = 96;
    /// <summary>BusinessRejectReason (380).</summary>
    public const int BusinessRejectReason = 380;
    /// <summary>BusinessRejectRefID (379).</summary>
    public const int BusinessRejectRefID = 379;

    // Application fields TradeFlow uses.
    /// <summary>Account (1).</summary>
    public const int Account = 1;
    /// <summary>AvgPx (6).</summary>
    public const int AvgPx = 6;
    /// <summary>ClOrdID (11).</summary>
    public const int ClOrdID = 11;
    /// <summary>CumQty (14).</summary>
    public const int CumQty = 14;
    /// <summary>Currency (15).</summary>
    public const int Currency = 15;
    /// <summary>ExecID (17).</summary>
    public const int ExecID = 17;
    /// <summary>SecurityIDSource (22).</summary>
    public const int SecurityIDSource = 22;
    /// <summary>LastPx (31).</summary>
    public const int LastPx = 31;
    /// <summary>LastQty (32).</summary>
    public const int LastQty = 32;
    /// <summary>OrderID (37).</summary>
    public const int OrderID = 37;
    /// <summary>OrderQty (38).</summary>
    public const int OrderQty = 38;
    /// <summary>OrdStatus (39).</summary>
    public const int OrdStatus = 39;
    /// <summary>OrdType (40).</summary>
    public const int OrdType = 40;
    /// <summary>OrigClOrdID (41).</summary>
    public const int OrigClOrdID = 41;
    /// <summary>Price (44).</summary>
    public const int Price = 44;
    /// <summary>SecurityID (48).</summary>
    public const int SecurityID = 48;
    /// <summary>Side (54).</summary>
    public const int Side = 54;
    /// <summary>Symbol (55).</summary>
    public const int Symbol = 55;
    /// <summary>TimeInForce (59).</summary>
    public const int TimeInForce = 59;
    /// <summary>TransactTime (60).</summary>
    public const int TransactTime = 60;
    /// <summary>SettlDate (64).</summary>
    public const int SettlDate = 64;
    /// <summary>AllocID (70).</summary>
    public const int AllocID = 70;
    /// <summary>AllocTransType (71).</summary>
    public const int AllocTransType = 71;
    /// <summary>RefAllocID (72).</summary>
    public const int RefAllocID = 72;
    /// <summary>NoOrders (73).</summary>
    public const int NoOrders = 73;
    /// <summary>TradeDate (75).</summary>
    public const int TradeDate = 75;
    /// <summary>NoAllocs (78).</summary>
    public const int NoAllocs = 78;
    /// <summary>AllocAccount (79).</summary>
    public const int AllocAccount = 79;
    /// <summary>AllocQty (80).</summary>
    public const int AllocQty = 80;
    /// <summary>AllocStatus (87).</summary>
    public const int AllocStatus = 87;
    /// <summary>AllocRejCode (88).</summary>
    public const int AllocRejCode = 88;
    /// <summary>CxlRejReason (102).</summary>
    public const int CxlRejReason = 102;
    /// <summary>OrdRejReason (103).</summary>
    public const int OrdRejReason = 103;
    /// <summary>NoExecs (124).</summary>
    public const int NoExecs = 124;
    /// <summary>ExecType (150).</summary>
    public const int ExecType = 150;
    /// <summary>LeavesQty (151).</summary>
    public const int LeavesQty = 151;
    /// <summary>CxlRejResponseTo (434).</summary>
    public const int CxlRejResponseTo = 434;
    /// <summary>PartyIDSource (447).</summary>
    public const int PartyIDSource = 447;
    /// <summary>PartyID (448).</summary>
    public const int PartyID = 448;
    /// <summary>PartyRole (452).</summary>
    public const int PartyRole = 452;
    /// <summary>NoPartyIDs (453).</summary>
    public const int NoPartyIDs = 453;
    /// <summary>NestedPartyID (524).</summary>
    public const int NestedPartyID = 524;
    /// <summary>NestedPartyIDSource (525).</summary>
    public const int NestedPartyIDSource = 525;
    /// <summary>NestedPartyRole (538).</summary>
    public const int NestedPartyRole = 538;
    /// <summary>NoNestedPartyIDs (539).</summary>
    public const int NoNestedPartyIDs = 539;
    /// <summary>NoSides (552).</summary>
    public const int NoSides = 552;
    /// <summary>TradeRequestID (568).</summary>
    public const int TradeRequestID = 568;
    /// <summary>PreviouslyReported (570).</summary>
    public const int PreviouslyReported = 570;
    /// <summary>TradeReportID (571).</summary>
    public const int TradeReportID = 571;
    /// <summary>TradeReportRefID (572).</summary>
    public const int TradeReportRefID = 572;
    /// <summary>AllocType (626).</summary>
    public const int AllocType = 626;
    /// <summary>TradeReportRejectReason (751).</summary>
    public const int TradeReportRejectReason = 751;
    /// <summary>TradeReportTransType (487).</summary>
    public const int TradeReportTransType = 487;
    /// <summary>TradeReportType (856).</summary>
    public const int TradeReportType = 856;
    /// <summary>TrdMatchID (880).</summary>
    public const int TrdMatchID = 880;
    /// <summary>TrdRptStatus (939).</summary>
    public const int TrdRptStatus = 939;
    /// <summary>TradeID (1003).</summary>
    public const int TradeID = 1003;

    // More application fields the shipped dictionary defines.
    /// <summary>ExecInst (18).</summary>
    public const int ExecInst = 18;
    /// <summary>ExecRefID (19).</summary>
    public const int ExecRefID = 19;
    /// <summary>HandlInst (21).</summary>
    public const int HandlInst = 21;
    /// <summary>Quantity (53), an AllocationInstruction's total quantity.</summary>
    public const int Quantity = 53;
    /// <summary>StopPx (99).</summary>
    public const int StopPx = 99;
    /// <summary>ExpireTime (126).</summary>
    public const int ExpireTime = 126;
    /// <summary>EncodedTextLen (354), the length of EncodedText (355).</summary>
    public const int EncodedTextLen = 354;
    /// <summary>EncodedText (355).</summary>
    public const int EncodedText = 355;
    /// <summary>ExpireDate (432).</summary>
    public const int ExpireDate = 432;
    /// <summary>PartySubID (523).</summary>
    public const int PartySubID = 523;
    /// <summary>OrderCapacity (528).</summary>
    public const int OrderCapacity = 528;
    /// <summary>NoPartySubIDs (802).</summary>
    public const int NoPartySubIDs = 802;
    /// <summary>PartySubIDType (803).</summary>
    public const int PartySubIDType = 803;
    /// <summary>TrdType (828).</summary>
    public const int TrdType = 828;
    /// <summary>AllocNoOrdersType (857).</summary>
    public const int AllocNoOrdersType = 857;
}
