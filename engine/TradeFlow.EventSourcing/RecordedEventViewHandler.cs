namespace TradeFlow.EventSourcing;

/// <summary>Receives each event of a <see cref="IEventViewSource.ReadAllViews"/>, in order; the view dies when it returns.</summary>
/// <param name="view">The event, over the reader's buffer.</param>
public delegate void RecordedEventViewHandler(in RecordedEventView view);
