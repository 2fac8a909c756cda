namespace TradeFlow.Testing;

/// <summary>Paths inside the repository, found from the test assembly's location (so tests run from any directory).</summary>
public static class RepositoryPaths
{
    /// <summary>The repository root: the nearest ancestor directory holding TradeFlow.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The shipped demo reference data.</summary>
    public static string DemoReferenceData => Path.Combine(Root, "reference-data");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TradeFlow.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No TradeFlow.sln above {AppContext.BaseDirectory}.");
    }
}
