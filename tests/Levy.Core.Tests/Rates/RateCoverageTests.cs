using System.Diagnostics;
using System.Text;
using Levy.Core.Rates;

namespace Levy.Core.Tests.Rates;

/// <summary>The parser against every distinct rate text of every revision in ../shared/data/hts (docs/rate-grammar.md,
/// "Coverage").</summary>
public class RateCoverageTests
{
    [Fact]
    public void ParseCell_EveryDistinctTextOfEveryRevision_IsRateOrKnownUnsupportedForm()
    {
        HtsRateTexts data = HtsRateTexts.All;
        var report = new StringBuilder($"{data.Files} revisions\n");
        var unexplained = new List<string>();
        var formsSeen = new Dictionary<UnsupportedRateForm, int>();
        var clock = Stopwatch.StartNew();
        int total = 0;

        foreach (HtsRateField field in data.Fields)
        {
            int rates = 0, references = 0, unsupported = 0;
            foreach ((string text, string where) in field.Texts)
            {
                Rate rate = RateParser.ParseCell(text, field.Column);
                if (rate is UnparsedRate unparsed)
                {
                    if (UnsupportedRateForms.Find(text) is { } form)
                    {
                        formsSeen[form] = formsSeen.GetValueOrDefault(form) + 1;
                        unsupported++;
                    }
                    else
                    {
                        unexplained.Add($"{field.Name} ({where}): {text} -> {unparsed.Reason}");
                    }
                }
                else if (rate is ReferenceRate)
                {
                    references++;
                }
                else
                {
                    rates++;
                }
            }

            total += field.Texts.Count;
            report.Append($"{field.Name}: {field.Texts.Count} distinct, {rates} rates, {references} references, {unsupported} unsupported\n");
        }

        report.Append($"{total} texts parsed in {clock.ElapsedMilliseconds} ms\n");
        foreach (UnsupportedRateForm form in UnsupportedRateForms.All)
        {
            report.Append($"unsupported \"{form.Fragment}\": {formsSeen.GetValueOrDefault(form)} texts\n");
        }

        Report(report.ToString());

        Assert.True(unexplained.Count == 0, $"{unexplained.Count} texts are neither rates nor known unsupported forms:\n" + string.Join("\n", unexplained.Take(50)));
        Assert.All(UnsupportedRateForms.All, form => Assert.True(formsSeen.ContainsKey(form), $"No text matches the unsupported form \"{form.Fragment}\"; remove it."));
    }

    [Fact]
    public void Parse_CanonicalTextOfEveryParsedRate_RoundTrips()
    {
        var failures = new List<string>();
        int checkedRates = 0;

        foreach (HtsRateField field in HtsRateTexts.All.Fields)
        {
            foreach ((string text, string where) in field.Texts)
            {
                Rate rate = RateParser.ParseCell(text, field.Column);
                if (rate is UnparsedRate)
                {
                    continue;
                }

                checkedRates++;
                string canonical = rate.ToString();
                if (!RateParser.TryParse(canonical, field.Column, out Rate? again) || !again.Equals(rate))
                {
                    failures.Add($"{field.Name} ({where}): {text} -> {canonical} -> {again?.ToString() ?? "(no rate)"}");
                }
            }
        }

        Report($"{checkedRates} parsed texts round-tripped");
        Assert.True(failures.Count == 0, $"{failures.Count} rates do not round-trip:\n" + string.Join("\n", failures.Take(50)));
    }

    private static void Report(string message)
    {
        TestContext.Current.SendDiagnosticMessage(message);
        TestContext.Current.TestOutputHelper?.WriteLine(message);
    }
}
