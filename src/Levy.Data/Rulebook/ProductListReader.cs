using System.Globalization;
using Levy.Core.Measures;
using Levy.Core.Primitives;
using Levy.Data.Locating;
using Levy.Data.Tables;
using YamlDotNet.RepresentationModel;

namespace Levy.Data.Rulebook;

/// <summary>Reads the product lists named in the rulebook's <c>product-lists.yaml</c> from the files of the data folder.</summary>
internal static class ProductListReader
{
    internal sealed class ListDefinition
    {
        public string? File { get; set; }

        public string Format { get; set; } = "csv";

        public string? Code { get; set; }

        public string? Heading { get; set; }

        public string? From { get; set; }

        public string? Until { get; set; }

        public Dictionary<string, string>? Where { get; set; }

        public List<string>? Paths { get; set; }

        public IncludeDefinition? Include { get; set; }

        public List<string>? Exclude { get; set; }

        public List<DatedRule>? Dated { get; set; }

        public string? Partition { get; set; }

        public int? MaxDigits { get; set; }

        public string Source { get; set; } = string.Empty;
    }

    internal sealed class IncludeDefinition
    {
        public List<string>? Prefixes { get; set; }
    }

    internal sealed class DatedRule
    {
        public List<string>? Prefixes { get; set; }

        public DateOnly From { get; set; }

        public string? Reason { get; set; }

        public string? Source { get; set; }
    }

    internal sealed class ListsFile
    {
        public Dictionary<string, ListDefinition>? Lists { get; set; }
    }

    /// <summary>Reads every list.</summary>
    /// <exception cref="RulebookException">A definition is malformed.</exception>
    /// <exception cref="CsvDataException">A data file is missing or malformed.</exception>
    internal static Dictionary<string, ProductSet> ReadAll(RulebookFiles rulebook, DataFiles data)
    {
        ListsFile file = YamlRulebook.Read<ListsFile>(rulebook, "product-lists.yaml");
        var result = new Dictionary<string, ProductSet>(StringComparer.Ordinal);
        foreach ((string name, ListDefinition def) in file.Lists ?? [])
        {
            result[name] = Read(name, def, data);
        }

        foreach (IGrouping<string, string> partition in (file.Lists ?? []).Where(l => l.Value.Partition is not null).GroupBy(l => l.Value.Partition!, l => l.Key))
        {
            Partition(partition.Key, [.. partition], result);
        }

        return result;
    }

    /// <summary>Reads, from <paramref name="path"/>, every list the rulebook defines on the data file <paramref name="file"/>
    /// (<c>policy/s232_copper_products.csv</c>): what <c>levy data sync</c> and <c>levy data info --verify</c> run on a file
    /// before they call it good, so that a file they accept is a file the engine can read.</summary>
    /// <returns>How many lists were read from it (0 when no list uses the file).</returns>
    /// <exception cref="RulebookException">A definition is malformed.</exception>
    /// <exception cref="CsvDataException">The file is malformed.</exception>
    internal static int ReadFile(RulebookFiles rulebook, string file, string path)
    {
        int read = 0;
        foreach ((string name, ListDefinition def) in YamlRulebook.Read<ListsFile>(rulebook, "product-lists.yaml").Lists ?? [])
        {
            if (string.Equals(def.File, file, StringComparison.Ordinal))
            {
                Read(name, def, DataFiles.Single(file, path));
                read++;
            }
        }

        return read;
    }

    /// <summary>Lists of one partition split one table (the annexes of the 2026 metals proclamation): a product belongs to
    /// the list whose entry covering it is the most specific. Each list learns the longer entries of its siblings that lie
    /// within its own entries ("8407" of Annex II loses 8407.90.10 to Annex I-B). The same prefix in two lists of a
    /// partition is an error, since nothing would decide between them.</summary>
    private static void Partition(string partition, List<string> names, Dictionary<string, ProductSet> lists)
    {
        var owner = new Dictionary<HtsCode, string>();
        foreach (string name in names)
        {
            foreach (ProductListEntry e in lists[name].Entries)
            {
                if (owner.TryGetValue(e.Prefix, out string? other) && other != name)
                {
                    throw new RulebookException("product-lists.yaml", 0,
                        $"partition {partition}: {e.Prefix} is listed in both {other} and {name}; the most specific listing cannot decide");
                }

                owner[e.Prefix] = name;
            }
        }

        foreach (string name in names)
        {
            ProductSet set = lists[name];
            var shadows = new List<ProductListEntry>();
            foreach (string sibling in names.Where(n => n != name))
            {
                shadows.AddRange(lists[sibling].Entries.Where(s => set.Entries.Any(e => s.Prefix.Length > e.Prefix.Length && s.Prefix.IsWithin(e.Prefix))));
            }

            lists[name] = new ProductSet(set.Name, set.Source, set.Entries, set.Excluded, shadows);
        }
    }

    private static ProductSet Read(string name, ListDefinition def, DataFiles data)
    {
        var entries = new List<ProductListEntry>();
        string where = def.File is null ? "rulebook/product-lists.yaml" : def.File;
        if (def.File is not null)
        {
            switch (def.Format)
            {
                case "csv":
                    ReadCsv(name, def, data, entries);
                    break;
                case "lines":
                    if (!data.Exists(def.File))
                    {
                        throw new CsvDataException(def.File, 0, null, $"file not found: {data.Describe(def.File)} (product list {name})");
                    }

                    int line = 0;
                    foreach (string raw in data.ReadText(def.File).Split('\n'))
                    {
                        line++;
                        string code = raw.Trim();
                        if (code.Length == 0 || code.StartsWith('#'))
                        {
                            continue;
                        }

                        entries.Add(new ProductListEntry(ParseCode(code, def.File, line, "code")));
                    }

                    break;
                case "yaml":
                    ReadYaml(name, def, data, entries);
                    break;
                default:
                    throw new RulebookException("product-lists.yaml", 0, $"list {name}: unknown format \"{def.Format}\" (csv, lines or yaml)");
            }
        }

        foreach (string prefix in def.Include?.Prefixes ?? [])
        {
            entries.Add(new ProductListEntry(ParseCode(prefix, "product-lists.yaml", 0, name)));
        }

        if (def.MaxDigits is { } max)
        {
            entries.RemoveAll(e => e.Prefix.Length > max);
        }

        if (entries.Count == 0)
        {
            throw new RulebookException("product-lists.yaml", 0, $"list {name} is empty ({where})");
        }

        foreach (DatedRule rule in def.Dated ?? [])
        {
            var prefixes = (rule.Prefixes ?? []).Select(p => ParseCode(p, "product-lists.yaml", 0, name)).ToList();
            for (int i = 0; i < entries.Count; i++)
            {
                ProductListEntry e = entries[i];
                if (e.From is null && prefixes.Any(p => e.Prefix.IsWithin(p)))
                {
                    entries[i] = e with { From = rule.From };
                }
            }
        }

        var excluded = (def.Exclude ?? []).Select(p => ParseCode(p, "product-lists.yaml", 0, name)).ToList();
        return new ProductSet(name, def.Source.Trim(), entries, excluded);
    }

    private static void ReadCsv(string name, ListDefinition def, DataFiles data, List<ProductListEntry> entries)
    {
        string codeColumn = def.Code ?? throw new RulebookException("product-lists.yaml", 0, $"list {name}: \"code\" (the column) is missing");
        var required = new List<string> { codeColumn };
        if (def.Heading is not null)
        {
            required.Add(def.Heading);
        }

        CsvTable table = CsvTable.Read(data, def.File!, [.. required]);
        foreach (CsvRecord row in table.Records)
        {
            if (def.Where is { } filters && filters.Any(f => !string.Equals(row[f.Key], f.Value, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            string raw = row[codeColumn].Trim('"');
            if (raw.Length == 0)
            {
                continue;
            }

            HtsCode code = ParseCode(raw, table.File, row.Line, codeColumn);
            HtsCode? heading = def.Heading is null ? null : ParseCode(row.Required(def.Heading), table.File, row.Line, def.Heading);
            entries.Add(new ProductListEntry(code, def.From is null ? null : row.OptionalDate(def.From), def.Until is null ? null : row.OptionalDate(def.Until), heading));
        }
    }

    private static void ReadYaml(string name, ListDefinition def, DataFiles data, List<ProductListEntry> entries)
    {
        if (!data.Exists(def.File!))
        {
            throw new CsvDataException(def.File!, 0, null, $"file not found: {data.Describe(def.File!)} (product list {name})");
        }

        var stream = new YamlStream();
        using (var reader = new StringReader(data.ReadText(def.File!)))
        {
            stream.Load(reader);
        }

        foreach (string dotted in def.Paths ?? [])
        {
            YamlNode node = stream.Documents[0].RootNode;
            foreach (string key in dotted.Split('.'))
            {
                node = node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? child)
                    ? child
                    : throw new RulebookException("product-lists.yaml", 0, $"list {name}: {def.File} has no key {dotted}");
            }

            if (node is not YamlSequenceNode seq)
            {
                throw new RulebookException("product-lists.yaml", 0, $"list {name}: {def.File} key {dotted} is not a list");
            }

            foreach (YamlNode item in seq)
            {
                string value = ((YamlScalarNode)item).Value ?? string.Empty;
                entries.Add(new ProductListEntry(ParseCode(value, def.File!, (int)item.Start.Line, dotted)));
            }
        }
    }

    /// <summary>Parses a code or prefix as lists write it (dots optional); an odd number of digits is read as the prefix
    /// one digit shorter would be ambiguous, so it is an error naming the file and line.</summary>
    internal static HtsCode ParseCode(string raw, string file, int line, string column)
    {
        string digits = new(raw.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length > 10)
        {
            digits = digits[..10]; // ieepa_exempt_products.csv holds one 12-digit typo; its first 10 digits are the line
        }

        if (digits.Length is 2 or 4 or 6 or 8 or 10)
        {
            return HtsCode.FromDigits(ulong.Parse(digits, CultureInfo.InvariantCulture), digits.Length);
        }

        throw new CsvDataException(file, line, column, $"\"{column}\" is not an HTS code or prefix: \"{raw}\"");
    }
}
