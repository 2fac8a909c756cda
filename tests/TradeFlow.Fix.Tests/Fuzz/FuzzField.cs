namespace TradeFlow.Fix.Tests.Fuzz;

/// <summary>One body field as the mutator handles it: a tag and its value as text (no SOH, ever: that would garble the frame).</summary>
internal readonly record struct FuzzField(int Tag, string Value);
