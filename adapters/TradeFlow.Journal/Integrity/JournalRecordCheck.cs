namespace TradeFlow.Journal.Integrity;

/// <summary>
/// Checks one record above the journal (e.g. that its payload deserializes): null when it passes, otherwise the
/// problem in a sentence. Called for each record whose CRC holds and whose body is well formed, from up to two
/// threads at once and in no particular order, so it must be thread-safe; the view is valid only during the call.
/// The scan reports what it returns in file order (<see cref="JournalScanReport.RecordCheckProblems"/>).
/// </summary>
public delegate string? JournalRecordCheck(in JournalRecordView record);
