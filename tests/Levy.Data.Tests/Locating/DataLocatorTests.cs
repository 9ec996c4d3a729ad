using Levy.Data.Locating;

namespace Levy.Data.Tests.Locating;

public class DataLocatorTests
{
    private static string MakeDataFolder(string parent, string name)
    {
        string root = Path.Combine(parent, name);
        Directory.CreateDirectory(Path.Combine(root, "policy"));
        File.WriteAllText(Path.Combine(root, "policy", "revision_dates.csv"), "revision,effective_date\n");
        return root;
    }

    [Fact]
    public void Locate_EnvironmentVariable_WinsOverLocalData()
    {
        string tmp = Directory.CreateTempSubdirectory("levy-").FullName;
        string env = MakeDataFolder(tmp, "elsewhere");
        MakeDataFolder(tmp, "data");

        DataDirectory found = DataLocator.Locate(null, name => name == "LEVY_DATA" ? env : null, tmp);

        Assert.Equal(env, found.Root);
        Assert.Equal("$LEVY_DATA", found.Source);
    }

    [Fact]
    public void Locate_LocalDataFolder_BeforeSharedData()
    {
        string tmp = Directory.CreateTempSubdirectory("levy-").FullName;
        string work = Path.Combine(tmp, "work");
        Directory.CreateDirectory(work);
        string local = MakeDataFolder(work, "data");
        MakeDataFolder(Path.Combine(tmp, "shared"), "data");

        Assert.Equal(local, DataLocator.Locate(null, _ => null, work).Root);
        Directory.Delete(local, recursive: true);
        DataDirectory shared = DataLocator.Locate(null, _ => null, work);
        Assert.Equal("../shared/data", shared.Source);
    }

    [Fact]
    public void Locate_Nothing_ListsPlacesTried()
    {
        // A folder of its own inside a fresh one, so that its ../shared/data is nothing another program left in /tmp.
        string tmp = Directory.CreateDirectory(Path.Combine(Directory.CreateTempSubdirectory("levy-").FullName, "work")).FullName;

        var ex = Assert.Throws<DataNotFoundException>(() => DataLocator.Locate(null, _ => null, tmp));

        Assert.Contains("levy data sync", ex.Message);
        Assert.Contains(Path.Combine(tmp, "data"), ex.Message);
    }

    [Fact]
    public void Locate_EnvironmentVariableWithoutData_IsAnError_NotAFallback()
    {
        string tmp = Directory.CreateTempSubdirectory("levy-").FullName;
        MakeDataFolder(tmp, "data");

        var ex = Assert.Throws<DataNotFoundException>(() => DataLocator.Locate(null, _ => "/nonexistent/levy", tmp));

        Assert.StartsWith("$LEVY_DATA=/nonexistent/levy holds no Levy data", ex.Message);
    }
}
