using TradeFlow.Fix.Codec;
using TradeFlow.Fix.Dictionary;
using TradeFlow.Fix.Tests.Codec;

namespace TradeFlow.Fix.Tests.Dictionary;

public sealed class MessageValidatorTests
{
    private const string Header = "49=CLIENT|56=TRADEFLOW|34=12|52=20260315-09:30:01.123|";
    private const string Sides = "552=1|54=1|37=ORD-1|453=1|448=BANK-A|447=D|452=1|";
    private const string TradeReport = "571=TR-1|570=N|55=VOD.L|32=1000|31=101.25|75=20260315|";

    private static ValidationFailure? Validate(string msgType, string body, ValidationOptions? options = null,
        DataDictionary? dictionary = null, string header = Header)
    {
        var message = FixMessage.Parse(FixText.Frame($"35={msgType}|{header}{body}"));
        var validator = new MessageValidator(dictionary ?? DataDictionary.TradeFlowFix44, options ?? ValidationOptions.Default);
        return validator.TryValidate(message, out var failure) ? null : failure;
    }

    private static void AssertRejected(ValidationFailure? failure, int reason, int refTag, string refMsgType)
    {
        Assert.NotNull(failure);
        Assert.Equal(new ValidationFailure(reason, refTag, refMsgType, SessionRejectReasons.TextFor(reason)), failure);
    }

    [Fact]
    public void Typical_trade_capture_reports_and_orders_are_valid()
    {
        Assert.Null(Validate("AE", TradeReport + Sides + "15=GBP|"));
        Assert.Null(Validate("D", "11=CL-1|21=1|55=VOD.L|54=1|60=20260315-09:30:00|38=100|40=2|44=101.5|59=0|"));
        Assert.Null(Validate("AE", FixText.Pipes(FixText.TradeCaptureReport()).Split("|52=20260315-09:30:01.123|")[1]
            .Split("|10=")[0] + "|"));
    }

    [Fact]
    public void An_undefined_message_type_is_rejected_as_invalid_MsgType_without_RefTagID()
    {
        var failure = Validate("ZZ", "58=hello|");

        AssertRejected(failure, SessionRejectReasons.InvalidMsgType, 0, "ZZ");
        Assert.Equal("Invalid MsgType", failure!.Value.Text);
    }

    [Fact]
    public void A_missing_required_body_field_is_rejected_naming_the_tag()
    {
        var failure = Validate("AE", "570=N|32=1000|31=101.25|75=20260315|" + Sides);

        AssertRejected(failure, SessionRejectReasons.RequiredTagMissing, Tags.TradeReportID, "AE");
        Assert.Equal("Required tag missing", failure!.Value.Text);
    }

    [Fact]
    public void A_missing_required_header_field_is_rejected()
    {
        AssertRejected(Validate("0", "", header: "49=CLIENT|56=TRADEFLOW|34=12|"),
            SessionRejectReasons.RequiredTagMissing, Tags.SendingTime, "0");
    }

    [Fact]
    public void A_missing_required_field_in_a_group_entry_is_rejected()
    {
        // QuickFIX's FIX44.xml requires OrderID in every NoSides entry (TradeFlow's dictionary does not).
        var failure = Validate("AE", "571=TR-1|570=N|55=VOD.L|32=1000|31=101.25|75=20260315|60=20260315-09:30:00|552=1|54=1|1=ACC|",
            dictionary: TestDictionaries.QuickFixFix44);

        AssertRejected(failure, SessionRejectReasons.RequiredTagMissing, Tags.OrderID, "AE");
    }

    [Fact]
    public void A_defined_field_the_message_type_does_not_list_is_rejected()
    {
        AssertRejected(Validate("AE", TradeReport + "44=1.5|" + Sides),
            SessionRejectReasons.TagNotDefinedForMessageType, Tags.Price, "AE");
    }

    [Fact]
    public void An_undefined_tag_is_rejected_as_an_invalid_tag_number_as_QuickFIX_does()
    {
        var failure = Validate("AE", TradeReport + "4999=x|" + Sides);

        AssertRejected(failure, SessionRejectReasons.InvalidTagNumber, 4999, "AE");
        Assert.Equal("Invalid tag number", failure!.Value.Text);
    }

    [Fact]
    public void AllowUnknownMsgFields_lets_undefined_and_unlisted_tags_below_5000_pass()
    {
        var options = ValidationOptions.Default with { AllowUnknownMsgFields = true };

        Assert.Null(Validate("AE", TradeReport + "4999=x|44=1.5|" + Sides, options));
        AssertRejected(Validate("AE", TradeReport + "5001=x|" + Sides, options), SessionRejectReasons.InvalidTagNumber, 5001, "AE");
    }

    [Fact]
    public void User_defined_tags_pass_unchecked_when_ValidateUserDefinedFields_is_off()
    {
        var options = ValidationOptions.Default with { ValidateUserDefinedFields = false };

        Assert.Null(Validate("AE", TradeReport + "5001=x|" + Sides, options));
        AssertRejected(Validate("AE", TradeReport + "4999=x|" + Sides, options), SessionRejectReasons.InvalidTagNumber, 4999, "AE");
    }

    [Fact]
    public void A_tag_without_a_value_is_rejected_unless_ValidateFieldsHaveValues_is_off()
    {
        var failure = Validate("AE", TradeReport + Sides + "15=|");

        AssertRejected(failure, SessionRejectReasons.TagSpecifiedWithoutValue, Tags.Currency, "AE");
        Assert.Equal("Tag specified without a value", failure!.Value.Text);
        Assert.Null(Validate("AE", TradeReport + Sides + "15=|", ValidationOptions.Default with { ValidateFieldsHaveValues = false }));
    }

    [Fact]
    public void A_value_outside_the_enum_is_rejected_as_incorrect()
    {
        var failure = Validate("AE", TradeReport + "552=1|54=Z|");

        AssertRejected(failure, SessionRejectReasons.ValueIsIncorrect, Tags.Side, "AE");
        Assert.Equal("Value is incorrect (out of range) for this tag", failure!.Value.Text);
    }

    [Theory]
    [InlineData("D", "38=12a", 38)]                       // QTY
    [InlineData("D", "44=1e5", 44)]                       // PRICE: no exponent in FIX
    [InlineData("D", "44=1,5", 44)]                       // PRICE: invariant decimal point
    [InlineData("D", "60=2026-03-15T09:30:00", 60)]       // UTCTIMESTAMP
    [InlineData("D", "64=20261301", 64)]                  // LOCALMKTDATE
    [InlineData("D", "54=12", 54)]                        // CHAR
    [InlineData("A", "108=3.0", 108)]                     // INT
    [InlineData("4", "36=-1", 36)]                        // SEQNUM
    [InlineData("4", "123=Yes", 123)]                     // BOOLEAN
    [InlineData("AE", "552=two", 552)]                    // NUMINGROUP
    [InlineData("0", "43=X", 43)]                         // BOOLEAN in the header
    public void A_value_in_the_wrong_data_format_is_rejected(string msgType, string field, int tag)
    {
        var failure = Validate(msgType, field + "|");

        AssertRejected(failure, SessionRejectReasons.IncorrectDataFormat, tag, msgType);
        Assert.Equal("Incorrect data format for value", failure!.Value.Text);
    }

    [Fact]
    public void MonthYear_and_UTC_date_formats_are_checked_with_QuickFIXs_dictionary()
    {
        var dictionary = TestDictionaries.QuickFixFix44;
        var order = "11=CL-1|21=1|55=X|54=1|60=20260315-09:30:00|38=100|40=1|";

        Assert.Null(Validate("D", order + "200=202603|", dictionary: dictionary));
        Assert.Null(Validate("D", order + "200=202603w2|", dictionary: dictionary));
        AssertRejected(Validate("D", order + "200=2026-03|", dictionary: dictionary),
            SessionRejectReasons.IncorrectDataFormat, 200, "D");
    }

    [Fact]
    public void A_tag_that_appears_twice_is_rejected()
    {
        var failure = Validate("D", "11=CL-1|11=CL-2|54=1|60=20260315-09:30:00|38=100|40=1|");

        AssertRejected(failure, SessionRejectReasons.TagAppearsMoreThanOnce, Tags.ClOrdID, "D");
        Assert.Equal("Tag appears more than once", failure!.Value.Text);
    }

    [Fact]
    public void A_header_field_after_the_body_is_out_of_order_unless_ValidateFieldsOutOfOrder_is_off()
    {
        const string body = "11=CL-1|54=1|60=20260315-09:30:00|38=100|40=1|";
        var header = "49=CLIENT|56=TRADEFLOW|34=12|";

        var failure = Validate("D", body + "52=20260315-09:30:01|", header: header);

        AssertRejected(failure, SessionRejectReasons.TagSpecifiedOutOfRequiredOrder, Tags.SendingTime, "D");
        Assert.Equal("Tag specified out of required order", failure!.Value.Text);
        Assert.Null(Validate("D", body + "52=20260315-09:30:01|", ValidationOptions.Default with { ValidateFieldsOutOfOrder = false }, header: header));
    }

    [Fact]
    public void MsgType_that_is_not_the_third_field_is_out_of_order()
    {
        var message = FixMessage.Parse(FixText.Frame("49=CLIENT|35=0|56=TRADEFLOW|34=12|52=20260315-09:30:01|"));

        Assert.False(new MessageValidator(DataDictionary.TradeFlowFix44, ValidationOptions.Default).TryValidate(message, out var failure));
        Assert.Equal(SessionRejectReasons.TagSpecifiedOutOfRequiredOrder, failure.SessionRejectReason);
        Assert.Equal(Tags.MsgType, failure.RefTagId);
    }

    [Fact]
    public void A_NumInGroup_that_disagrees_with_the_entries_is_rejected()
    {
        var failure = Validate("AE", TradeReport + "552=2|54=1|37=ORD-1|");

        AssertRejected(failure, SessionRejectReasons.IncorrectNumInGroupCount, Tags.NoSides, "AE");
        Assert.Equal("Incorrect NumInGroup count for repeating group", failure!.Value.Text);
    }

    [Fact]
    public void A_nested_group_count_is_checked_too()
    {
        AssertRejected(Validate("AE", TradeReport + "552=1|54=1|453=2|448=BANK-A|452=1|"),
            SessionRejectReasons.IncorrectNumInGroupCount, Tags.NoPartyIDs, "AE");
    }

    [Fact]
    public void Group_entry_fields_out_of_dictionary_order_are_rejected_unless_ValidateUnorderedGroupFields_is_off()
    {
        const string body = TradeReport + "552=1|54=1|453=1|448=BANK-A|452=1|447=D|";

        var failure = Validate("AE", body);

        AssertRejected(failure, SessionRejectReasons.RepeatingGroupFieldsOutOfOrder, Tags.PartyIDSource, "AE");
        Assert.Null(Validate("AE", body, ValidationOptions.Default with { ValidateUnorderedGroupFields = false }));
    }

    [Fact]
    public void A_known_type_listed_without_fields_is_checked_only_for_header_and_known_formats()
    {
        Assert.Null(Validate("R", "131=Q-1|146=1|55=VOD.L|38=100|9999=x|"));
        AssertRejected(Validate("R", "131=Q-1|38=lots|"), SessionRejectReasons.IncorrectDataFormat, Tags.OrderQty, "R");
        AssertRejected(Validate("R", "131=Q-1|", header: "49=CLIENT|56=TRADEFLOW|34=12|"),
            SessionRejectReasons.RequiredTagMissing, Tags.SendingTime, "R");
    }

    [Fact]
    public void Validating_a_valid_message_allocates_nothing()
    {
        var message = FixMessage.Parse(FixText.TradeCaptureReport());
        var validator = new MessageValidator(DataDictionary.TradeFlowFix44, ValidationOptions.Default);
        for (var i = 0; i < 100; i++)
        {
            Assert.True(validator.TryValidate(message, out _));
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            validator.TryValidate(message, out _);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
