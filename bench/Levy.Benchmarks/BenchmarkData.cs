using Levy.Data;
using Levy.Data.Locating;

namespace Levy.Benchmarks;

/// <summary>Finds the data the benchmarks read: $LEVY_DATA, ./data or ../shared/data, searched from the working
/// directory and from the repository that holds this binary.</summary>
internal static class BenchmarkData
{
    internal static DataDirectory Locate()
    {
        try
        {
            return DataLocator.Locate();
        }
        catch (DataNotFoundException)
        {
            string root = DataLocator.FindRepositoryRoot(AppContext.BaseDirectory)
                ?? throw new InvalidOperationException("Run the benchmarks from inside the Levy repository or set LEVY_DATA.");
            return DataLocator.Locate(null, null, root);
        }
    }

    internal static LevyData Open() => LevyData.Open(Locate());
}
