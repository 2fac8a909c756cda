using System.Globalization;
using Npgsql;

namespace TradeFlow.Benchmarks.Postgres;

/// <summary>CPU time of PostgreSQL's processes on this machine, from <c>/proc</c> (the server must be local).</summary>
internal static class ServerCpu
{
    /// <summary>
    /// The pids of the server processes that work for a store whose connections carry <paramref name="applicationName"/>:
    /// its pooled backends plus the server's own background processes (WAL writer, checkpointer, …), not other clients.
    /// </summary>
    public static HashSet<int> StoreBackends(string connectionString, string applicationName)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(
            "SELECT pid FROM pg_stat_activity WHERE (application_name = $1 OR backend_type <> 'client backend') AND pid <> pg_backend_pid()", connection);
        command.Parameters.AddWithValue(applicationName);
        var pids = new HashSet<int>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            pids.Add(reader.GetInt32(0));
        }

        return pids;
    }

    /// <summary>The pids of the client backends whose connections carry <paramref name="applicationName"/>, and nothing else.</summary>
    public static HashSet<int> ClientBackends(string connectionString, string applicationName)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand("SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND pid <> pg_backend_pid()", connection);
        command.Parameters.AddWithValue(applicationName);
        var pids = new HashSet<int>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            pids.Add(reader.GetInt32(0));
        }

        return pids;
    }

    /// <summary>The server's current WAL insert position, in bytes (for WAL volume per event).</summary>
    public static long WalPosition(string connectionString)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand("SELECT (pg_current_wal_lsn() - '0/0')::bigint", connection);
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>
    /// Bytes passed to write system calls (<c>wchar</c> in <c>/proc/PID/io</c>) by every process named postgres whose pid
    /// <paramref name="include"/> accepts: WAL, relation extension and evicted dirty buffers alike.
    /// </summary>
    public static long WrittenBytes(Func<int, bool> include)
    {
        long bytes = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), CultureInfo.InvariantCulture, out var pid) || !include(pid))
            {
                continue;
            }

            try
            {
                var line = File.ReadLines(Path.Combine(dir, "io")).First(l => l.StartsWith("wchar:", StringComparison.Ordinal));
                bytes += long.Parse(line.AsSpan(6).Trim(), CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                // The process ended between listing and reading.
            }
        }

        return bytes;
    }

    /// <summary>utime + stime, in seconds, of every process named postgres whose pid <paramref name="include"/> accepts.</summary>
    public static double Seconds(Func<int, bool> include)
    {
        double ticks = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), CultureInfo.InvariantCulture, out var pid) || !include(pid))
            {
                continue;
            }

            try
            {
                if (!File.ReadAllText(Path.Combine(dir, "comm")).StartsWith("postgres", StringComparison.Ordinal))
                {
                    continue;
                }

                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                // The process ended between listing and reading.
            }
        }

        // USER_HZ is 100 on Linux.
        return ticks / 100.0;
    }
}
