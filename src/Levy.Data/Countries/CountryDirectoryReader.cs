using System.Collections.Immutable;
using Levy.Core.Countries;
using Levy.Core.Primitives;
using Levy.Data.Rulebook;
using Levy.Data.Tables;

namespace Levy.Data.Countries;

/// <summary>Builds the <see cref="CountryDirectory"/> from the rulebook's <c>countries.csv</c> (Census code ↔ ISO code,
/// names, aliases) and <c>country-groups.yaml</c>; the Census names of the data folder's <c>census_codes.csv</c> are
/// added as aliases when the file is there.</summary>
public static class CountryDirectoryReader
{
    /// <summary>Reads the directory.</summary>
    /// <param name="rulebook">The rulebook.</param>
    /// <param name="censusCodesCsv">Path of <c>census_codes.csv</c>, or null.</param>
    /// <exception cref="CsvDataException">A table is malformed.</exception>
    /// <exception cref="RulebookException">A group names an unknown country.</exception>
    public static CountryDirectory Read(RulebookFiles rulebook, string? censusCodesCsv) =>
        Read(rulebook, censusCodesCsv is not null && File.Exists(censusCodesCsv) ? CsvTable.Read(censusCodesCsv, "Code", "Name") : null);

    /// <summary>Reads the directory, with the Census names of <c>policy/census_codes.csv</c> of a data folder or bundle
    /// when it is there.</summary>
    /// <inheritdoc cref="Read(RulebookFiles, string?)"/>
    public static CountryDirectory Read(RulebookFiles rulebook, Locating.DataFiles files) =>
        Read(rulebook, files.Exists(CensusCodesFile) ? CsvTable.Read(files, CensusCodesFile, "Code", "Name") : null);

    /// <summary>The Census country table in the data layout.</summary>
    public const string CensusCodesFile = "policy/census_codes.csv";

    private static CountryDirectory Read(RulebookFiles rulebook, CsvTable? censusTable)
    {
        CsvTable table = CsvTable.Parse(rulebook.ReadText("countries.csv"), "rulebook/countries.csv", 0, "census_code", "iso2", "name", "aliases");
        table.NaIsBlank = false; // "NA" is Namibia here
        Dictionary<string, string> censusNames = [];
        if (censusTable is not null)
        {
            foreach (CsvRecord r in censusTable.Records)
            {
                censusNames[r.Required("Code")] = r.Required("Name");
            }
        }

        var countries = new List<Country>();
        foreach (CsvRecord row in table.Records)
        {
            string iso = row.Required("iso2");
            if (!CountryCode.TryParse(iso, out CountryCode code))
            {
                throw row.Error("iso2", $"is not a two-letter code: \"{iso}\"");
            }

            string census = row.Required("census_code");
            var aliases = row["aliases"].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
            if (censusNames.TryGetValue(census, out string? censusName) && !aliases.Contains(censusName))
            {
                aliases.Add(censusName);
            }

            countries.Add(new Country(code, census, row.Required("name"), [.. aliases]));
        }

        GroupsFile groups = YamlRulebook.Read<GroupsFile>(rulebook, "country-groups.yaml");
        var map = new Dictionary<string, ImmutableArray<CountryCode>>(StringComparer.OrdinalIgnoreCase);
        foreach ((string name, GroupEntry g) in groups.Groups ?? [])
        {
            var members = ImmutableArray.CreateBuilder<CountryCode>();
            foreach (string m in g.Members ?? [])
            {
                members.Add(CountryCode.TryParse(m, out CountryCode c) ? c
                    : throw new RulebookException("country-groups.yaml", 0, $"group {name}: \"{m}\" is not a two-letter code"));
            }

            map[name] = members.ToImmutable();
        }

        try
        {
            return new CountryDirectory(countries, map);
        }
        catch (ArgumentException ex)
        {
            throw new RulebookException("country-groups.yaml", 0, ex.Message.Split(" (Parameter")[0]);
        }
    }

    private sealed class GroupsFile
    {
        public Dictionary<string, GroupEntry>? Groups { get; set; }
    }

    private sealed class GroupEntry
    {
        public string? Name { get; set; }

        public List<string>? Members { get; set; }

        public string? Source { get; set; }
    }
}
