using System.Collections.Immutable;
using TradeFlow.Domain.Trades;

namespace TradeFlow.Engine.Journaling;

/// <summary>The engine's metadata of one event, as read back by recovery.</summary>
/// <param name="SourceKey">The causing command's source key.</param>
/// <param name="Kind">The causing command's kind.</param>
/// <param name="Index">The event's index within the command (0 = the first).</param>
/// <param name="Warnings">The command's warnings (on the first event only).</param>
internal readonly record struct EventMetadataValues(string SourceKey, TradeCommandKind Kind, int Index, ImmutableArray<string> Warnings);
