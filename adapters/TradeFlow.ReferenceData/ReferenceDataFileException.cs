namespace TradeFlow.ReferenceData;

/// <summary>
/// A reference-data file that cannot be loaded, naming the file, the record (its position and id
/// where known) and the field, e.g. <c>counterparties.json: record 2 (784F5XWPLTWKTBV3E584): field
/// 'creditLimit.hard': '50000000 XYZ' is not an amount with an ISO 4217 currency</c>. Start-up stops
/// on it: trading on half-loaded reference data is worse than not trading.
/// </summary>
public sealed class ReferenceDataFileException : Exception
{
    /// <summary>Creates the exception for a file, record and field.</summary>
    public ReferenceDataFileException(string file, string record, string field, string problem, Exception? inner = null)
        : base($"{file}: {record}: field '{field}': {problem}", inner)
    {
        File = file;
        Record = record;
        Field = field;
    }

    /// <summary>Creates the exception for a whole file (missing, not JSON).</summary>
    public ReferenceDataFileException(string file, string problem, Exception? inner = null)
        : base($"{file}: {problem}", inner)
    {
        File = file;
        Record = string.Empty;
        Field = string.Empty;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public ReferenceDataFileException()
    {
        File = Record = Field = string.Empty;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public ReferenceDataFileException(string message)
        : base(message)
    {
        File = Record = Field = string.Empty;
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public ReferenceDataFileException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = Record = Field = string.Empty;
    }

    /// <summary>The file name, relative to the reference-data directory.</summary>
    public string File { get; }

    /// <summary>The record, e.g. "record 2 (784F5XWPLTWKTBV3E584)".</summary>
    public string Record { get; }

    /// <summary>The field, as a JSON path inside the record, e.g. "creditLimit.hard".</summary>
    public string Field { get; }
}
