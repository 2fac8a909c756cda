using System.Text;
using TradeFlow.Fix.Codec;
using TradeFlow.Fix.Dictionary;
using TradeFlow.Testing;

namespace TradeFlow.Fix.Tests.Dictionary;

public sealed class DataDictionaryTests
{
    private static readonly string[] Supported = ["0", "1", "2", "3", "4", "5", "A", "D", "8", "F", "G", "9", "AE", "AR", "J", "P", "j"];

    [Fact]
    public void The_shipped_dictionary_defines_TradeFlows_messages_with_fields_and_every_other_FIX44_type_without()
    {
        var dictionary = DataDictionary.TradeFlowFix44;

        Assert.Equal("FIX.4.4", dictionary.BeginString);
        foreach (var msgType in Supported)
        {
            Assert.True(dictionary.TryGetMessage(msgType, out var message), msgType);
            Assert.True(message.HasFieldList, msgType);
        }

        Assert.True(dictionary.IsDefinedMessageType("R"u8));
        Assert.True(dictionary.TryGetMessage("R", out var quoteRequest));
        Assert.False(quoteRequest.HasFieldList);
        Assert.False(dictionary.IsDefinedMessageType("ZZ"u8));
        Assert.Equal(TestDictionaries.QuickFixFix44.Messages.Count, dictionary.Messages.Count);
    }

    [Fact]
    public void The_embedded_dictionary_is_the_file_in_the_repository()
    {
        var fromFile = DataDictionary.Load(Path.Combine(RepositoryPaths.Root, "fix", "FIX44-TradeFlow.xml"));

        Assert.Equal(DataDictionary.TradeFlowFix44.Messages.Select(m => m.MsgType).Order(),
            fromFile.Messages.Select(m => m.MsgType).Order());
        Assert.Equal(DataDictionary.TradeFlowFix44.Fields.Select(f => f.Tag).Order(), fromFile.Fields.Select(f => f.Tag).Order());
    }

    [Fact]
    public void The_shipped_dictionary_defines_the_trade_capture_groups_with_nested_parties()
    {
        var dictionary = DataDictionary.TradeFlowFix44;

        var sides = dictionary.GetGroup("AE", Tags.NoSides);
        var allocs = dictionary.GetGroup("J", Tags.NoAllocs);

        Assert.NotNull(sides);
        Assert.Equal(Tags.Side, sides.DelimiterTag);
        Assert.Contains(Tags.OrderID, sides.MemberTags);
        Assert.Equal(Tags.NoPartyIDs, Assert.Single(sides.NestedGroups).CountTag);
        Assert.NotNull(allocs);
        Assert.Equal(Tags.AllocAccount, allocs.DelimiterTag);
        Assert.Equal(Tags.NoNestedPartyIDs, Assert.Single(allocs.NestedGroups).CountTag);
        Assert.Equal(Tags.PartyID, dictionary.GetGroup("AE", Tags.NoPartyIDs)?.DelimiterTag);
        Assert.Null(dictionary.GetGroup("AE", Tags.NoAllocs));
    }

    [Fact]
    public void Field_types_and_enums_come_from_QuickFIXs_definitions()
    {
        var dictionary = DataDictionary.TradeFlowFix44;

        Assert.True(dictionary.TryGetField(Tags.Side, out var side));
        Assert.Equal(FieldType.Char, side.Type);
        Assert.Contains("1", side.EnumValues);
        Assert.True(side.IsAllowedValue("2"u8));
        Assert.False(side.IsAllowedValue("Z"u8));
        Assert.True(dictionary.TryGetField(Tags.TransactTime, out var transactTime));
        Assert.Equal(FieldType.UtcTimestamp, transactTime.Type);
        Assert.True(dictionary.TryGetField(Tags.TradeID, out var tradeId));
        Assert.Equal("TradeID", tradeId.Name);
    }

    [Fact]
    public void QuickFIXs_own_FIX44_dictionary_loads_with_its_components_resolved()
    {
        var dictionary = TestDictionaries.QuickFixFix44;

        Assert.Equal("FIX.4.4", dictionary.BeginString);
        Assert.Equal(93, dictionary.Messages.Count);
        Assert.True(dictionary.TryGetMessage("AE", out var report));
        Assert.True(report.HasFieldList);
        Assert.Contains(Tags.Symbol, report.Body.Ordered);                  // from the Instrument component
        Assert.Contains(Tags.NoSides, report.Body.Required);                // TrdCapRptSideGrp is required
        var sides = dictionary.GetGroup("AE", Tags.NoSides);
        Assert.NotNull(sides);
        Assert.Equal(Fix44Groups.NoSides.MemberTags.Order(), sides.MemberTags.Order());
        Assert.Equal(Tags.NoPartyIDs, sides.FindNested(Tags.NoPartyIDs)?.CountTag);
    }

    [Fact]
    public void A_field_without_a_number_is_reported_with_file_element_and_line()
    {
        var error = LoadError("""
            <fix major='4' minor='4'>
             <header/><trailer/><messages/>
             <fields>
              <field name='Account' type='STRING'/>
             </fields>
            </fix>
            """);

        Assert.Equal("bad.xml: <field name='Account'> (line 4): attribute 'number' is missing", error);
    }

    [Fact]
    public void A_reference_to_an_undefined_component_is_reported()
    {
        var error = LoadError("""
            <fix major='4' minor='4'>
             <header/><trailer/>
             <messages><message name='News' msgtype='B' msgcat='app'><component name='Nope' required='N'/></message></messages>
             <fields/>
            </fix>
            """);

        Assert.Equal("bad.xml: <component name='Nope'> (line 3): component 'Nope' is not defined in <components>", error);
    }

    [Fact]
    public void A_message_field_missing_from_the_fields_section_is_reported()
    {
        var error = LoadError("""
            <fix major='4' minor='4'>
             <header/><trailer/>
             <messages><message name='News' msgtype='B' msgcat='app'><field name='Headline' required='Y'/></message></messages>
             <fields/>
            </fix>
            """);

        Assert.Equal("bad.xml: <field name='Headline'> (line 3): field 'Headline' is not defined in <fields>", error);
    }

    [Fact]
    public void A_component_that_contains_itself_is_refused()
    {
        var error = LoadError("""
            <fix major='4' minor='4'>
             <header/><trailer/>
             <messages><message name='News' msgtype='B' msgcat='app'><component name='Loop' required='N'/></message></messages>
             <components><component name='Loop'><component name='Loop' required='N'/></component></components>
             <fields/>
            </fix>
            """);

        Assert.Contains("component 'Loop' refers to itself (Loop > Loop)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_XML_and_a_missing_file_name_the_file()
    {
        Assert.StartsWith("bad.xml: not well-formed XML", LoadError("<fix major='4'"), StringComparison.Ordinal);
        var missing = Path.Combine(Path.GetTempPath(), "no-such-dictionary.xml");
        var error = Assert.Throws<DataDictionaryException>(() => DataDictionary.Load(missing));
        Assert.StartsWith(missing, error.Message, StringComparison.Ordinal);
    }

    private static string LoadError(string xml)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(xml));
        return Assert.Throws<DataDictionaryException>(() => DataDictionary.Load(stream, "bad.xml")).Message;
    }
}
