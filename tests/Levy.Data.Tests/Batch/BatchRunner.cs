using Levy.Core.Calculation.Entries;
using Levy.Data.Batch;
using Levy.Data.Rulebook;
using nietras.SeparatedValues;

namespace Levy.Data.Tests.Batch;

/// <summary>Runs a batch in memory with the fake engine and reads the CSV output back.</summary>
internal static class BatchRunner
{
    internal static readonly Core.Calculation.Entries.FeeSchedule Fees = FeeScheduleReader.Read(RulebookFiles.Embedded);

    internal static (List<Dictionary<string, string>> Rows, BatchSummary Summary) Csv(string input, bool compare = false, DateOnly? dataAsOf = null)
    {
        var output = new StringWriter();
        BatchSummary summary;
        using (var csv = new CsvDutyOutput(output, compare, dataAsOf))
        {
            summary = new DutyBatch(FakeEngine.Quote, Fees, compare, dataAsOf).Run(DutyInputReader.ReadCsv(new StringReader(input), "lines.csv", compare), csv);
        }

        return (ReadBack(output.ToString()), summary);
    }

    internal static (List<string> Lines, BatchSummary Summary) JsonLines(string input, bool compare = false, DateOnly? dataAsOf = null)
    {
        var output = new StringWriter();
        BatchSummary summary;
        using (var jsonl = new JsonLinesDutyOutput(output, compare, dataAsOf))
        {
            summary = new DutyBatch(FakeEngine.Quote, Fees, compare, dataAsOf).Run(DutyInputReader.ReadJsonLines(new StringReader(input), "lines.jsonl", compare), jsonl);
        }

        return ([.. output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)], summary);
    }

    internal static List<Dictionary<string, string>> ReadBack(string csv)
    {
        using SepReader reader = Sep.New(',').Reader(o => o with { Unescape = true }).FromText(csv);
        var rows = new List<Dictionary<string, string>>();
        foreach (SepReader.Row row in reader)
        {
            var d = new Dictionary<string, string>();
            for (int i = 0; i < reader.Header.ColNames.Count; i++)
            {
                d[reader.Header.ColNames[i]] = row[i].ToString();
            }

            rows.Add(d);
        }

        return rows;
    }
}
