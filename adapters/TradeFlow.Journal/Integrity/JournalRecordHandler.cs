namespace TradeFlow.Journal.Integrity;

/// <summary>Receives one record of a scan; the view is valid only during the call.</summary>
public delegate void JournalRecordHandler(in JournalRecordView record);
