using nietras.SeparatedValues;

namespace Levy.HostileInputs.Tests.Support;

/// <summary>Reads the CSV a batch wrote back into rows by column name.</summary>
internal static class Csv
{
    internal static List<Dictionary<string, string>> Read(string csv)
    {
        var rows = new List<Dictionary<string, string>>();
        if (csv.Length == 0)
        {
            return rows;
        }

        using SepReader reader = Sep.New(',').Reader(o => o with { Unescape = true }).FromText(csv);
        foreach (SepReader.Row row in reader)
        {
            Assert.Equal(reader.Header.ColNames.Count, row.ColCount); // a cut row would be short
            var d = new Dictionary<string, string>(StringComparer.Ordinal);
            for (int i = 0; i < reader.Header.ColNames.Count; i++)
            {
                d[reader.Header.ColNames[i]] = row[i].ToString();
            }

            rows.Add(d);
        }

        return rows;
    }

    /// <summary>The first line.</summary>
    internal static string HeaderOf(string csv) => csv.Split('\n', 2)[0];
}
