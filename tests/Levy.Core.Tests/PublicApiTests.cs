using Levy.Core.Primitives;
using PublicApiGenerator;

namespace Levy.Core.Tests;

/// <summary>The public API of Levy.Core, approved as a text file (as System.CommandLine does): a change to it shows in the
/// diff of <c>Expectations/Levy.Core.expected.txt</c> and is accepted on purpose (<c>LEVY_ACCEPT=1</c>, docs/testing.md).</summary>
public class PublicApiTests
{
    [Fact]
    public void LevyCore_PublicApi_MatchesTheApprovedFile()
    {
        string api = typeof(HtsCode).Assembly.GeneratePublicApi(new ApiGeneratorOptions { IncludeAssemblyAttributes = false });

        ExpectedFile.Match(api + "\n", "Levy.Core");
    }
}
