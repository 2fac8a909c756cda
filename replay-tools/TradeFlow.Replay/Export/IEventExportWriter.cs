using TradeFlow.EventSourcing;

namespace TradeFlow.Replay.Export;

/// <summary>Writes exported envelopes in one format.</summary>
internal interface IEventExportWriter
{
    void Begin();

    void Write(RecordedEvent e);
}
