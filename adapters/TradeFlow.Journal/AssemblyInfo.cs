[assembly: System.CLSCompliant(false)]
[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("TradeFlow.Journal.Tests")]
[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("TradeFlow.Engine.Tests")]
[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("TradeFlow.Server.Tests")]
