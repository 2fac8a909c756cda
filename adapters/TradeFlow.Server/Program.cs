System.Console.WriteLine("tradeflow");
