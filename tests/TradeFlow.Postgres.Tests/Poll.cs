namespace TradeFlow.Postgres.Tests;

/// <summary>Waits for a condition in the database to become true (a real signal, probed), failing after a generous bound.</summary>
internal static class Poll
{
    public static async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Gave up after 30 s waiting for {what}.");
            }

            // The probe interval only; correctness rests on the condition, not on this delay.
            await Task.Delay(20);
        }
    }
}
