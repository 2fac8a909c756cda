namespace TradeFlow.Domain.ReferenceData;

/// <summary>
/// Invalid reference data, naming the record ("Counterparty 5493001KJTIIGC8Y1R12") and the field,
/// so a bad file is fixed at the right line rather than debugged from a crash.
/// </summary>
public sealed class ReferenceDataException : Exception
{
    /// <summary>Creates the exception for a record and field.</summary>
    public ReferenceDataException(string record, string field, string problem)
        : base($"{record}: {field} {problem}")
    {
        Record = record;
        Field = field;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public ReferenceDataException()
    {
        Record = string.Empty;
        Field = string.Empty;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public ReferenceDataException(string message)
        : base(message)
    {
        Record = string.Empty;
        Field = string.Empty;
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public ReferenceDataException(string message, Exception innerException)
        : base(message, innerException)
    {
        Record = string.Empty;
        Field = string.Empty;
    }

    /// <summary>The record at fault, e.g. "Instrument US0378331005".</summary>
    public string Record { get; }

    /// <summary>The field at fault, e.g. "SettlementCycle".</summary>
    public string Field { get; }

    internal static void ThrowIf(bool condition, string record, string field, string problem)
    {
        if (condition)
        {
            throw new ReferenceDataException(record, field, problem);
        }
    }

    internal static string RequireText(string? value, string record, string field)
    {
        ThrowIf(string.IsNullOrWhiteSpace(value), record, field, "must not be empty");
        return value!;
    }
}
