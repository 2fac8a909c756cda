using TradeFlow.Fix.Codec;
using TradeFlow.Fix.Dictionary;
using TradeFlow.Fix.Tests.Codec;

namespace TradeFlow.Fix.Tests.Dictionary;

// Real messages from a FIX engine we did not write (jspurefix's test client log, TestData/README.md),
// checked against QuickFIX's own FIX44.xml and TradeFlow's shipped dictionary.
public sealed class JspurefixMessagesTests
{
    private static IEnumerable<FixMessage> Messages() =>
        File.ReadLines(TestDictionaries.JspurefixSessionPath)
            .Where(line => line.StartsWith("8=FIX", StringComparison.Ordinal))
            .Select(line => FixMessage.Parse(FixText.Bytes(line.TrimEnd())));

    [Fact]
    public void Every_logged_jspurefix_message_frames_with_its_zero_padded_BodyLength_and_checksum()
    {
        var messages = Messages().ToList();

        Assert.Equal(15, messages.Count);
        Assert.All(messages, m => Assert.StartsWith("8=FIX.4.4|9=0000", m.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public void Validated_against_QuickFIXs_FIX44_dictionary_they_get_QuickFIXs_verdicts()
    {
        var validator = new MessageValidator(TestDictionaries.QuickFixFix44, ValidationOptions.Default);

        var verdicts = Messages().Select(m => $"{m.MsgTypeString} {Verdict(validator, m)}").Distinct().ToList();

        // AD's NoDates (580) entries start with TransactTime, not the group's delimiter TradeDate, so the count
        // does not match; the AEs carry no NoSides, which FIX 4.4 requires. QuickFIX gives the same reasons.
        Assert.Equal(["A valid", "AD 373=16 371=580", "AQ valid", "AE 373=1 371=552", "0 valid", "5 valid"], verdicts);
    }

    [Fact]
    public void Validated_against_the_shipped_dictionary_unsupported_types_pass_to_the_application()
    {
        var validator = new MessageValidator(DataDictionary.TradeFlowFix44, ValidationOptions.Default);

        var verdicts = Messages().Select(m => $"{m.MsgTypeString} {Verdict(validator, m)}").Distinct().ToList();

        // AD and AQ are FIX 4.4 types TradeFlow lists without fields: valid for the session, answered with j.
        Assert.Equal(["A valid", "AD valid", "AQ valid", "AE 373=1 371=552", "0 valid", "5 valid"], verdicts);
    }

    private static string Verdict(MessageValidator validator, FixMessage message) =>
        validator.TryValidate(message, out var failure) ? "valid" : $"373={failure.SessionRejectReason} 371={failure.RefTagId}";
}
