using System.Text.Json;
using TradeFlow.Domain.ReferenceData;

namespace TradeFlow.ReferenceData;

/// <summary>
/// Loads and validates a directory of reference-data files (the shipped demo set is
/// <c>reference-data/</c> at the repository root; its format is in docs/reference-data.md). Every
/// error names the file, the record and the field; the whole set is validated (references between
/// files included) before anything trades on it.
/// </summary>
public static class ReferenceDataFiles
{
    /// <summary>The files a reference-data directory holds.</summary>
    public static IReadOnlyList<string> FileNames { get; } =
    [
        "counterparties.json", "instruments.json", "books.json", "traders.json",
        "calendars.json", "fx-rates.json", "marks.json", "restricted-list.json",
    ];

    /// <summary>Loads the set in <paramref name="directory"/>.</summary>
    /// <exception cref="ReferenceDataFileException">A file is missing, is not JSON, or a record is invalid.</exception>
    public static ReferenceDataSet Load(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var counterparties = Records(directory, "counterparties.json", ReferenceDataMapping.Counterparty);
        var instruments = Records(directory, "instruments.json", ReferenceDataMapping.Instrument);
        var books = Records(directory, "books.json", ReferenceDataMapping.Book);
        var traders = Records(directory, "traders.json", ReferenceDataMapping.Trader);
        var calendars = Single(directory, "calendars.json", ReferenceDataMapping.Calendars);
        var rates = Single(directory, "fx-rates.json", ReferenceDataMapping.FxRates);
        var marks = Single(directory, "marks.json", ReferenceDataMapping.Marks);
        var restricted = Records(directory, "restricted-list.json", ReferenceDataMapping.Restriction);
        try
        {
            return new ReferenceDataSet(counterparties, instruments, books, traders, calendars, rates, marks,
                new RestrictedList(restricted));
        }
        catch (ReferenceDataException ex)
        {
            // Cross-file checks (a trader's mandate naming an unknown book, a duplicate id) name the record the domain names.
            throw new ReferenceDataFileException(Path.GetFileName(directory.TrimEnd('/')), ex.Record, ex.Field, ex.Message, ex);
        }
    }

    private static List<T> Records<T>(string directory, string file, Func<JsonRecord, T> map)
    {
        using var document = Parse(directory, file);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new ReferenceDataFileException(file, "must hold a JSON array of records");
        }

        var records = new List<T>();
        var index = 0;
        foreach (var element in document.RootElement.EnumerateArray())
        {
            index++;
            var name = $"record {index}" + (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("id", out var id) ? $" ({id})" : string.Empty);
            records.Add(Map(new JsonRecord(file, name, element), map));
        }

        return records;
    }

    private static T Single<T>(string directory, string file, Func<JsonRecord, T> map)
    {
        using var document = Parse(directory, file);
        return Map(new JsonRecord(file, "document", document.RootElement), map);
    }

    private static T Map<T>(JsonRecord record, Func<JsonRecord, T> map)
    {
        try
        {
            return map(record);
        }
        catch (ReferenceDataException ex)
        {
            throw record.Invalid(ex);
        }
    }

    private static JsonDocument Parse(string directory, string file)
    {
        var path = Path.Combine(directory, file);
        if (!File.Exists(path))
        {
            throw new ReferenceDataFileException(path, "is missing (a reference-data directory holds " + string.Join(", ", FileNames) + ")");
        }

        try
        {
            return JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new ReferenceDataFileException(file, $"is not valid JSON at line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}: {ex.Message}", ex);
        }
    }
}
