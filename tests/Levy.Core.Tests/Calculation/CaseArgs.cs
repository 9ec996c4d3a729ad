using System.Globalization;
using Levy.Core.Calculation;

namespace Levy.Core.Tests.Calculation;

/// <summary>The extra options of a test case written as on the command line (<c>--steel-share 0.2 --program KR</c>), as
/// ../shared/cases/visible.csv writes them in its <c>args</c> column.</summary>
internal static class CaseArgs
{
    /// <summary>The request with the options applied; an unknown option or a missing value fails the test.</summary>
    internal static QuoteRequest Apply(QuoteRequest request, string args, string caseId)
    {
        string[] tokens = args.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (int i = 0; i < tokens.Length; i++)
        {
            if (tokens[i] == "--additive")
            {
                request = request with { Stacking = StackingMode.Additive };
                continue;
            }

            string value = i + 1 < tokens.Length ? tokens[++i] : throw new Xunit.Sdk.XunitException($"{caseId}: {tokens[i]} has no value in \"{args}\"");
            decimal Share() => decimal.Parse(value, CultureInfo.InvariantCulture);
            request = tokens[i - 1] switch
            {
                "--steel-share" => request with { Metal = request.Metal with { Steel = Share() } },
                "--aluminum-share" => request with { Metal = request.Metal with { Aluminum = Share() } },
                "--copper-share" => request with { Metal = request.Metal with { Copper = Share() } },
                "--us-content" => request with { UsContentShare = Share() },
                "--program" => request with { ClaimedProgram = value },
                "--declare" => request with { Conditions = request.Conditions.Add(value) },
                "--loaded" => request with { LoadingDate = DateOnly.Parse(value, CultureInfo.InvariantCulture) },
                _ => throw new Xunit.Sdk.XunitException($"{caseId}: unknown option {tokens[i - 1]} in \"{args}\""),
            };
        }

        return request;
    }
}
