using System.Collections.Immutable;
using Levy.Core.Primitives;

namespace Levy.Data.Batch;

/// <summary>Where each known column is in an input's header (or a JSON object's keys), and which declared amounts it has.</summary>
internal sealed class ColumnMap
{
    internal const int DutyTotal = 0, Mfn = 1, Mpf = 2, Hmf = 3;

    private ColumnMap(int width, int[] known, int[] declaredTotals, ImmutableArray<(HtsCode Heading, int Index)> headings)
    {
        Width = width;
        Known = known;
        DeclaredTotals = declaredTotals;
        DeclaredHeadings = headings;
    }

    /// <summary>The number of columns of the header.</summary>
    internal int Width { get; }

    /// <summary>The position of each of <see cref="DutyColumns.All"/>, or -1.</summary>
    internal int[] Known { get; }

    /// <summary>The position of declared_duty_total, declared_mfn, declared_mpf, declared_hmf, or -1.</summary>
    internal int[] DeclaredTotals { get; }

    /// <summary>The declared Chapter 99 headings and their positions.</summary>
    internal ImmutableArray<(HtsCode Heading, int Index)> DeclaredHeadings { get; }

    internal bool HasDeclared => DeclaredHeadings.Length > 0 || DeclaredTotals.Any(i => i >= 0);

    internal int this[string column] => Known[DutyColumns.Positions[column]];

    /// <summary>Maps names to positions. Problems are reported through <paramref name="fail"/> with the 1-based column
    /// and the message (a header throws; a JSON object makes an error row).</summary>
    internal static ColumnMap? Build(IReadOnlyList<string> names, Func<int?, string, Exception?> fail, bool requireAll, out Exception? error)
    {
        error = null;
        int[] known = Enumerable.Repeat(-1, DutyColumns.All.Count).ToArray();
        int[] totals = [-1, -1, -1, -1];
        var headings = ImmutableArray.CreateBuilder<(HtsCode, int)>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < names.Count; i++)
        {
            string name = names[i].Trim().TrimStart('\uFEFF').Trim();
            if (name.Length == 0)
            {
                continue;
            }

            if (!seen.TryAdd(name, i))
            {
                error = fail(i + 1, $"column \"{name}\" appears twice (columns {seen[name] + 1} and {i + 1})");
                return null;
            }

            if (DutyColumns.Positions.TryGetValue(name, out int p))
            {
                known[p] = i;
            }
            else if (name.StartsWith(DutyColumns.DeclaredPrefix, StringComparison.OrdinalIgnoreCase))
            {
                string what = name[DutyColumns.DeclaredPrefix.Length..];
                int total = IndexOf(DutyColumns.DeclaredTotals, what);
                if (total >= 0)
                {
                    totals[total] = i;
                }
                else if (HtsCode.TryParse(what, out HtsCode heading) && heading.IsChapter99)
                {
                    headings.Add((heading, i));
                }
                else
                {
                    error = fail(i + 1, $"\"{name}\" is not a declared amount Levy knows: use declared_duty_total, declared_mfn, " +
                        "declared_mpf, declared_hmf or declared_<Chapter 99 heading> such as declared_9903.01.25");
                    return null;
                }
            }

            // Any other column is the caller's own and is ignored.
        }

        if (requireAll)
        {
            foreach (string required in DutyColumns.Required)
            {
                if (known[DutyColumns.Positions[required]] < 0)
                {
                    error = fail(null, $"the header lacks column \"{required}\" (found: {string.Join(", ", names.Select(n => n.Trim().TrimStart('\uFEFF')))})" + Hint(names));
                    return null;
                }
            }
        }

        return new ColumnMap(names.Count, known, totals, headings.ToImmutable());
    }

    private static int IndexOf(IReadOnlyList<string> list, string name)
    {
        for (int i = 0; i < list.Count; i++)
        {
            if (string.Equals(list[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private static string Hint(IReadOnlyList<string> names)
    {
        string first = names.Count > 0 ? names[0].Trim().TrimStart('\uFEFF') : string.Empty;
        if (names.Count == 1 && (first.Contains(';', StringComparison.Ordinal) || first.Contains('\t', StringComparison.Ordinal)))
        {
            return "; the file seems to be separated by " + (first.Contains(';', StringComparison.Ordinal) ? "';'" : "tabs") + ", Levy reads commas";
        }

        return HtsCode.TryParse(first, out _) || Core.Inputs.ExcelNumber.TryParse(first, out _, out _)
            ? "; the first line looks like data: the file needs a header row (see docs/duty.md)"
            : string.Empty;
    }
}
