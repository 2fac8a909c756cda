using TradeFlow.Testing;

namespace TradeFlow.ReferenceData.Tests;

/// <summary>A bad reference-data file stops start-up with the file, the record and the field named.</summary>
public sealed class BadFileTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "tf-refdata-" + Guid.NewGuid().ToString("N"));

    public BadFileTests()
    {
        Directory.CreateDirectory(_directory);
        foreach (var file in ReferenceDataFiles.FileNames)
        {
            File.Copy(Path.Combine(RepositoryPaths.DemoReferenceData, file), Path.Combine(_directory, file));
        }
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_missing_file_is_named_with_its_path()
    {
        File.Delete(Path.Combine(_directory, "marks.json"));

        var error = Assert.Throws<ReferenceDataFileException>(() => ReferenceDataFiles.Load(_directory));

        Assert.Contains(Path.Combine(_directory, "marks.json"), error.Message, StringComparison.Ordinal);
        Assert.Contains("is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_json_is_named_with_the_line()
    {
        File.WriteAllText(Path.Combine(_directory, "books.json"), "[\n  { \"id\": \"EQ-NY\", \"name\": \"US\" },\n  { \"id\": \n]");

        var error = Assert.Throws<ReferenceDataFileException>(() => ReferenceDataFiles.Load(_directory));

        Assert.Equal("books.json", error.File);
        Assert.Contains("not valid JSON at line 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_lei_with_wrong_check_digits_names_the_file_record_and_field()
    {
        Replace("counterparties.json", "\"id\": \"G5GSEF7VJP5I7OUK5573\"", "\"id\": \"G5GSEF7VJP5I7OUK5574\"");

        var error = Assert.Throws<ReferenceDataFileException>(() => ReferenceDataFiles.Load(_directory));

        Assert.Equal("counterparties.json", error.File);
        Assert.Equal("record 3 (G5GSEF7VJP5I7OUK5574)", error.Record);
        Assert.Equal("id", error.Field);
    }

    [Fact]
    public void A_malformed_amount_inside_a_nested_object_names_its_path()
    {
        Replace("counterparties.json", "\"hard\": \"50000000 USD\"", "\"hard\": \"50000000 XYZ\"");

        var error = Assert.Throws<ReferenceDataFileException>(() => ReferenceDataFiles.Load(_directory));

        Assert.Equal("record 1 (784F5XWPLTWKTBV3E584)", error.Record);
        Assert.Equal("creditLimit.hard", error.Field);
        Assert.Contains("'50000000 XYZ'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_asset_class_lists_the_known_ones()
    {
        Replace("instruments.json", "\"assetClass\": \"CashEquity\"", "\"assetClass\": \"Crypto\"");

        var error = Assert.Throws<ReferenceDataFileException>(() => ReferenceDataFiles.Load(_directory));

        Assert.Equal("instruments.json", error.File);
        Assert.Equal("assetClass", error.Field);
        Assert.Contains("CashEquity, FxSpot, FxForward, GovernmentBond", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_required_field_that_is_absent_is_named()
    {
        Replace("instruments.json", "\"settlementCycleDays\": 1,", string.Empty);

        var error = Assert.Throws<ReferenceDataFileException>(() => ReferenceDataFiles.Load(_directory));

        Assert.Equal("instruments.json", error.File);
        Assert.Contains("settlementCycleDays", error.Field, StringComparison.Ordinal);
        Assert.Contains("is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quoted_price_is_refused_with_the_instrument_path()
    {
        Replace("marks.json", "\"US0378331005\": 191.20", "\"US0378331005\": \"191.20\"");

        var error = Assert.Throws<ReferenceDataFileException>(() => ReferenceDataFiles.Load(_directory));

        Assert.Equal("marks.json", error.File);
        Assert.Equal("prices.US0378331005", error.Field);
    }

    [Fact]
    public void A_domain_rule_broken_inside_a_record_keeps_the_domain_reason()
    {
        Replace("instruments.json", "\"currency\": \"GBP\",\n    \"settlementCycleDays\": 2\n  }\n]", "\"currency\": \"EUR\",\n    \"settlementCycleDays\": 2\n  }\n]");

        var error = Assert.Throws<ReferenceDataFileException>(() => ReferenceDataFiles.Load(_directory));

        Assert.Equal("instruments.json", error.File);
        Assert.Equal("record 8 (EUR/GBP)", error.Record);
        Assert.Contains("quote currency", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mandate_naming_an_unknown_book_is_refused()
    {
        Replace("traders.json", "\"EQ-LDN\"", "\"EQ-PAR\"");

        var error = Assert.Throws<ReferenceDataFileException>(() => ReferenceDataFiles.Load(_directory));

        Assert.Contains("EQ-PAR", error.Message, StringComparison.Ordinal);
        Assert.Contains("JSMITH", error.Message, StringComparison.Ordinal);
    }

    private void Replace(string file, string from, string to)
    {
        var path = Path.Combine(_directory, file);
        var text = File.ReadAllText(path);
        Assert.Contains(from, text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
    }
}
