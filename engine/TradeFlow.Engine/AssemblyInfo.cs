[assembly: System.CLSCompliant(false)]
[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("TradeFlow.Engine.Tests")]
[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("TradeFlow.Benchmarks")]
