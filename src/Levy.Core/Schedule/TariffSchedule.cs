using System.Collections.Immutable;
using Levy.Core.Primitives;

namespace Levy.Core.Schedule;

/// <summary>One revision of the Harmonized Tariff Schedule: every printed line in schedule order, with the outline that
/// links each line to its parent.</summary>
/// <remarks>
/// <para>Built once by a loader and never changed. Lookups by code use a hash index (a plain dictionary: building a frozen
/// one for 36,000 codes cost more at start-up than it saved on lookups). The outline follows the
/// USITC rule: the parent of a row is the nearest earlier row with a smaller indent (docs/domain.md, "The schedule").</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class TariffSchedule
{
    private readonly int[] _parents;
    private readonly Dictionary<HtsCode, int> _index;

    /// <summary>Builds a schedule from its lines in printed order.</summary>
    /// <param name="revision">Which revision the lines come from.</param>
    /// <param name="lines">The lines in schedule order.</param>
    public TariffSchedule(HtsRevisionId revision, ImmutableArray<HtsLine> lines)
    {
        Revision = revision;
        Lines = lines;
        _parents = new int[lines.Length];
        var index = new Dictionary<HtsCode, int>(lines.Length);
        var stack = new List<int>(12);
        for (int i = 0; i < lines.Length; i++)
        {
            HtsLine line = lines[i];
            while (stack.Count > 0 && lines[stack[^1]].Indent >= line.Indent)
            {
                stack.RemoveAt(stack.Count - 1);
            }

            _parents[i] = stack.Count > 0 ? stack[^1] : -1;
            stack.Add(i);
            if (!line.Code.IsEmpty)
            {
                index.TryAdd(line.Code, i); // the first printing of a code wins; duplicates are reported by Validate()
            }
        }

        _index = index;
    }

    /// <summary>The revision.</summary>
    public HtsRevisionId Revision { get; }

    /// <summary>Every printed line, in schedule order.</summary>
    public ImmutableArray<HtsLine> Lines { get; }

    /// <summary>The number of lines that carry a code.</summary>
    public int CodedLineCount => _index.Count;

    /// <summary>The position of the line with this exact code, or -1.</summary>
    public int IndexOf(HtsCode code) => _index.TryGetValue(code, out int i) ? i : -1;

    /// <summary>The line with this exact code, or null.</summary>
    public HtsLine? FindLine(HtsCode code) => _index.TryGetValue(code, out int i) ? Lines[i] : null;

    /// <summary>The position of the parent of line <paramref name="index"/> in the outline, or -1 for a top-level row.</summary>
    public int ParentOf(int index) => _parents[index];

    /// <summary>The line and its ancestors, from the top of the outline down to the line.</summary>
    public IReadOnlyList<HtsLine> PathOf(int index)
    {
        var path = new List<HtsLine>(10);
        for (int i = index; i >= 0; i = _parents[i])
        {
            path.Add(Lines[i]);
        }

        path.Reverse();
        return path;
    }

    /// <summary>The product at <paramref name="code"/>, with inherited rates and the full description path; null if the
    /// code is not printed in this revision.</summary>
    public HtsProduct? FindProduct(HtsCode code) => _index.TryGetValue(code, out int i) ? ProductAt(i) : null;

    /// <summary>The product at line <paramref name="index"/>.</summary>
    public HtsProduct ProductAt(int index)
    {
        HtsLine line = Lines[index];
        RateCell? general = line.General, special = line.Special, other = line.Other;
        ImmutableArray<Footnote>.Builder footnotes = ImmutableArray.CreateBuilder<Footnote>();
        footnotes.AddRange(line.Footnotes);
        ImmutableArray<UnitOfMeasure> units = line.Units;
        HtsCode rateSource = general is null ? default : line.Code;

        // Rates and footnotes are inherited from coded ancestors (normally the 8-digit line) when the row leaves them blank.
        for (int p = _parents[index]; p >= 0; p = _parents[p])
        {
            HtsLine ancestor = Lines[p];
            if (ancestor.Code.IsEmpty)
            {
                continue;
            }

            if (general is null && ancestor.General is not null)
            {
                general = ancestor.General;
                special ??= ancestor.Special;
                other ??= ancestor.Other;
                rateSource = ancestor.Code;
            }

            if (ancestor.Code.Length >= 8)
            {
                foreach (Footnote f in ancestor.Footnotes)
                {
                    if (!footnotes.Contains(f))
                    {
                        footnotes.Add(f);
                    }
                }
            }

            if (units.IsDefaultOrEmpty && ancestor.Code.Length >= 8)
            {
                units = ancestor.Units;
            }
        }

        return new HtsProduct(this, index, line, general, special, other, rateSource, units, footnotes.ToImmutable());
    }

    /// <summary>Coded lines printed in this revision that lie under <paramref name="prefix"/>, in schedule order.</summary>
    public IEnumerable<HtsLine> LinesWithin(HtsCode prefix) => Lines.Where(l => !l.Code.IsEmpty && l.Code.IsWithin(prefix));

    /// <summary>The printed code nearest to <paramref name="code"/> (same digits for longest prefix, then closest in
    /// value), for "did you mean" messages; null for an empty schedule.</summary>
    public HtsCode? Nearest(HtsCode code)
    {
        HtsCode? best = null;
        int bestShared = -1;
        ulong bestDistance = ulong.MaxValue;
        string digits = code.Digits;
        foreach (HtsCode candidate in _index.Keys)
        {
            if (candidate.IsChapter99 != code.IsChapter99)
            {
                continue;
            }

            string c = candidate.Digits;
            int shared = 0;
            while (shared < c.Length && shared < digits.Length && c[shared] == digits[shared])
            {
                shared++;
            }

            ulong a = Pad(candidate), b = Pad(code);
            ulong distance = a > b ? a - b : b - a;
            if (shared > bestShared || (shared == bestShared && (distance < bestDistance
                || (distance == bestDistance && best is { } bb && candidate.Length == code.Length && bb.Length != code.Length))))
            {
                best = candidate;
                bestShared = shared;
                bestDistance = distance;
            }
        }

        return best;

        static ulong Pad(HtsCode c) => c.Value * (ulong)Math.Pow(10, 10 - c.Length);
    }

    /// <summary>The revision and line count.</summary>
    public override string ToString() => $"HTS {Revision} ({Lines.Length} lines)";
}
