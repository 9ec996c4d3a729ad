using Levy.Core.Rates;
using static Levy.Core.Tests.Rates.ExpectedRates;

namespace Levy.Core.Tests.Rates;

/// <summary>Texts that say where the rate is found rather than the rate (docs/rate-grammar.md, "References").</summary>
public partial class RateParserTests
{
    public static TheoryData<string, Rate> ReferenceForms { get; } = new()
    {
        { "See additional U.S. note 1", Reference("See additional U.S. note 1") },                          // 5810.91.00
        {
            // 6103.22.00
            "The rate applicable to each garment in the ensemble if separately entered",
            Reference("The rate applicable to each garment in the ensemble if separately entered")
        },
        {
            // 2106.90.52.00
            "The rate applicable to the natural juice in heading 2009",
            Reference("The rate applicable to the natural juice in heading 2009", "2009")
        },
        {
            // 8211.10.00.00, column 2: line-break hyphens kept as printed
            "The rate of duty appli- cable to that article in the set subject to the high- est rate of duty",
            Reference("The rate of duty appli- cable to that article in the set subject to the high- est rate of duty")
        },
        { "The rate applicable to the complete, assembled", Reference("The rate applicable to the complete, assembled") }, // 9110.11.00.00, column 2
        {
            // 9802.00.40
            "A duty upon the value of the repairs or alterations (see U.S. note 3 of this subchapter)",
            Reference("A duty upon the value of the repairs or alterations (see U.S. note 3 of this subchapter)")
        },
        {
            // 9813.00.05
            "Free, under bond, as prescribed in U.S. note 1 to this subchapter",
            Reference("Free, under bond, as prescribed in U.S. note 1 to this subchapter")
        },
        {
            // 9804.00.60
            "Free, for such temporary periods as the Secretary of the Treasury by regulation may prescribe",
            Reference("Free, for such temporary periods as the Secretary of the Treasury by regulation may prescribe")
        },
        {
            // 9822.07.10, Special column
            "The duty rate provided for originating goods of Korea in such subheading",
            Reference("The duty rate provided for originating goods of Korea in such subheading")
        },
        { "Free (See U.S. note 4 of this subchapter)", Reference("Free (See U.S. note 4 of this subchapter)") }, // 9802.00.91.00, Special column
        { "See  9822.04.25\n", Reference("See 9822.04.25", "9822.04.25") },
    };

    [Fact]
    public void Parse_ReferenceToRange_CollectsBothEnds()
    {
        var rate = (ReferenceRate)RateParser.Parse("See 9823.08.01-9823.08.38");

        Assert.Equal(["9823.08.01", "9823.08.38"], rate.Headings.Select(h => h.ToString()));
    }
}
