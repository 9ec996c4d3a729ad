using System.Collections.Immutable;
using System.Globalization;
using Levy.Core.Calculation;
using Levy.Core.Primitives;

namespace Levy.Data.Batch;

/// <summary>The fields of one input row by position: a CSV row or a JSON object's values.</summary>
internal interface IFieldSource
{
    /// <summary>The field at a position of the <see cref="ColumnMap"/>; empty when absent.</summary>
    ReadOnlySpan<char> this[int index] { get; }
}

/// <summary>Fields held as strings (JSON Lines).</summary>
internal readonly struct ArrayFields(string?[] values) : IFieldSource
{
    public ReadOnlySpan<char> this[int index] => (uint)index < (uint)values.Length ? values[index].AsSpan() : default;
}

/// <summary>Turns the fields of a row into an <see cref="EntryLine"/>, or into the first problem found, naming the column.</summary>
/// <remarks>Thread-safe (no state).</remarks>
internal static class RowParser
{
    internal static InputRow Parse<TFields>(scoped ref TFields f, ColumnMap map, long line, bool compare)
        where TFields : IFieldSource, allows ref struct
    {
        string id = Text(ref f, map.Known[Pos.Id]) ?? line.ToString(CultureInfo.InvariantCulture);
        string? entryId = Text(ref f, map.Known[Pos.EntryId]);
        InputRow Fail(string field, string reason) => new(line, id, entryId, null, new LineError(field, reason), null);

        ReadOnlySpan<char> hts = f[map.Known[Pos.Hts10]].Trim();
        if (hts.IsEmpty)
        {
            return Fail(DutyColumns.Hts10, "is blank");
        }

        if (!HtsCode.TryParse(hts, null, out HtsCode code) || code.Length < 8)
        {
            return Fail(DutyColumns.Hts10, $"\"{hts}\" is not an HTS code of 8 or 10 digits (e.g. 8703.23.01.90)");
        }

        ReadOnlySpan<char> originText = f[map.Known[Pos.Origin]].Trim();
        if (!CountryCode.TryParse(originText, null, out CountryCode origin))
        {
            return Fail(DutyColumns.Origin, originText.IsEmpty ? "is blank" : $"\"{originText}\" is not a two-letter ISO country code (e.g. JP)");
        }

        if (!TryMoney(ref f, map.Known[Pos.Value], out decimal? value, out string? problem) || value is null)
        {
            return Fail(DutyColumns.Value, problem ?? "is blank");
        }

        if (!TryDate(ref f, map.Known[Pos.EntryDate], out DateOnly? entryDate, out problem) || entryDate is null)
        {
            return Fail(DutyColumns.EntryDate, problem ?? "is blank");
        }

        if (!TryDate(ref f, map.Known[Pos.LoadingDate], out DateOnly? loadingDate, out problem))
        {
            return Fail(DutyColumns.LoadingDate, problem!);
        }

        // At most two quantities: kept in locals, so that a row costs one small array rather than a builder and two.
        Quantity first = default, second = default;
        int count = 0;
        for (int k = 0; k < QuantityColumns.Length; k++)
        {
            (string qCol, string uCol) = QuantityColumns[k];
            (int qPos, int uPos) = QuantityPositions[k];
            if (!TryNumber(ref f, map.Known[qPos], out decimal? q, out _, out problem))
            {
                return Fail(qCol, problem!);
            }

            string? unitText = Text(ref f, map.Known[uPos]);
            if (q is null)
            {
                if (unitText is not null)
                {
                    return Fail(qCol, $"is blank but {uCol} is \"{unitText}\"");
                }

                continue;
            }

            if (q < 0)
            {
                return Fail(qCol, $"is negative ({q})");
            }

            UnitOfMeasure unit = default;
            if (unitText is not null && !UnitOfMeasure.TryParse(unitText, out unit))
            {
                return Fail(uCol, $"\"{unitText}\" is not a unit");
            }

            (count == 0 ? ref first : ref second) = new Quantity(q.Value, unit);
            count++;
        }

        TransportMode? mode = null;
        if (Field(ref f, map.Known[Pos.Mode]) is { IsEmpty: false } modeText)
        {
            mode = DutyColumns.ParseMode(modeText);
            if (mode is null)
            {
                return Fail(DutyColumns.Mode, $"\"{modeText}\" is not a mode of transport: expected vessel, air, truck, rail, mail or other");
            }
        }

        EntryType? entryType = null;
        if (Text(ref f, map.Known[Pos.EntryType]) is { } typeText)
        {
            entryType = typeText.ToUpperInvariant() switch
            {
                "FORMAL" or "01" or "1" => EntryType.Formal,
                "INFORMAL" or "11" => EntryType.Informal,
                _ => null,
            };
            if (entryType is null)
            {
                return Fail(DutyColumns.EntryType, $"\"{typeText}\" is not an entry type: expected formal (01), informal (11) or blank");
            }
        }

        Span<decimal?> metal = stackalloc decimal?[3];
        for (int i = 0; i < 3; i++)
        {
            (string shareCol, string valueCol) = MetalColumns[i];
            (int sharePos, int valuePos) = MetalPositions[i];
            if (!TryShare(ref f, map.Known[sharePos], out metal[i], out problem))
            {
                return Fail(shareCol, problem!);
            }

            if (!TryMoney(ref f, map.Known[valuePos], out decimal? metalValue, out problem))
            {
                return Fail(valueCol, problem!);
            }

            if (metalValue is { } mv)
            {
                if (metal[i] is not null)
                {
                    return Fail(valueCol, $"give either {shareCol} or {valueCol}, not both");
                }

                if (mv > value)
                {
                    return Fail(valueCol, $"{mv} is more than the customs value {value}");
                }

                metal[i] = value > 0 ? mv / value.Value : 0m;
            }
        }

        if (!TryShare(ref f, map.Known[Pos.UsContentShare], out decimal? usContent, out problem))
        {
            return Fail(DutyColumns.UsContentShare, problem!);
        }

        DeclaredAmounts? declared = null;
        if (compare && !TryDeclared(ref f, map, out declared, out string? field, out problem))
        {
            return Fail(field!, problem!);
        }

        var entryLine = new EntryLine
        {
            Id = id,
            Product = code,
            Origin = origin,
            Value = new Money(value.Value),
            Quantities = count switch { 0 => [], 1 => [first], _ => [first, second] },
            EntryDate = entryDate.Value,
            LoadingDate = loadingDate,
            Mode = mode,
            ClaimedProgram = Text(ref f, map.Known[Pos.Program])?.ToUpperInvariant(),
            Metal = new MetalContent(metal[0], metal[1], metal[2]),
            UsContentShare = usContent,
            Conditions = Text(ref f, map.Known[Pos.Conditions]) is { } conditions
                ? [.. conditions.Split([';', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]
                : [],
            EntryId = entryId,
            EntryType = entryType,
        };
        return new InputRow(line, id, entryId, entryLine, null, declared);
    }

    private static readonly (string Quantity, string Unit)[] QuantityColumns =
        [(DutyColumns.Quantity1, DutyColumns.Unit1), (DutyColumns.Quantity2, DutyColumns.Unit2)];

    private static readonly (int Quantity, int Unit)[] QuantityPositions =
        [.. QuantityColumns.Select(c => (DutyColumns.Positions[c.Quantity], DutyColumns.Positions[c.Unit]))];

    private static readonly (string Share, string Value)[] MetalColumns =
    [
        (DutyColumns.SteelShare, DutyColumns.SteelValue),
        (DutyColumns.AluminumShare, DutyColumns.AluminumValue),
        (DutyColumns.CopperShare, DutyColumns.CopperValue),
    ];

    private static readonly (int Share, int Value)[] MetalPositions =
        [.. MetalColumns.Select(c => (DutyColumns.Positions[c.Share], DutyColumns.Positions[c.Value]))];

    private static bool TryDeclared<TFields>(scoped ref TFields f, ColumnMap map, out DeclaredAmounts? declared, out string? field, out string? problem)
        where TFields : IFieldSource, allows ref struct
    {
        declared = null;
        field = null;
        var totals = new Money?[4];
        for (int i = 0; i < 4; i++)
        {
            if (!TryMoney(ref f, map.DeclaredTotals[i], out decimal? amount, out problem))
            {
                field = DutyColumns.DeclaredPrefix + DutyColumns.DeclaredTotals[i];
                return false;
            }

            totals[i] = amount is { } a ? new Money(a) : null;
        }

        var headings = ImmutableArray.CreateBuilder<(HtsCode, Money)>(map.DeclaredHeadings.Length);
        foreach ((HtsCode heading, int index) in map.DeclaredHeadings)
        {
            if (!TryMoney(ref f, index, out decimal? amount, out problem))
            {
                field = DutyColumns.DeclaredPrefix + heading;
                return false;
            }

            headings.Add((heading, new Money(amount ?? 0m)));
        }

        problem = null;
        declared = new DeclaredAmounts(totals[ColumnMap.DutyTotal], totals[ColumnMap.Mfn], totals[ColumnMap.Mpf], totals[ColumnMap.Hmf],
            headings.MoveToImmutable(), map.DeclaredHeadings.Length > 0);
        return true;
    }

    private static string? Text<TFields>(scoped ref TFields f, int index)
        where TFields : IFieldSource, allows ref struct
    {
        ReadOnlySpan<char> s = Field(ref f, index);
        return s.IsEmpty ? null : s.ToString();
    }

    /// <summary>The trimmed field, or empty when the column is absent (index -1).</summary>
    private static ReadOnlySpan<char> Field<TFields>(scoped ref TFields f, int index)
        where TFields : IFieldSource, allows ref struct => index < 0 ? default : f[index].Trim();

    private static bool TryNumber<TFields>(scoped ref TFields f, int index, out decimal? value, out bool percent, out string? problem)
        where TFields : IFieldSource, allows ref struct
    {
        value = null;
        percent = false;
        problem = null;
        ReadOnlySpan<char> s = Field(ref f, index);
        if (s.IsEmpty)
        {
            return true;
        }

        if (ExcelNumber.TryParse(s, out decimal v, out percent))
        {
            value = v;
            return true;
        }

        problem = $"\"{s}\" is not a number (e.g. 40000, 40,000.00 or $40,000)";
        return false;
    }

    private static bool TryMoney<TFields>(scoped ref TFields f, int index, out decimal? value, out string? problem)
        where TFields : IFieldSource, allows ref struct
    {
        if (!TryNumber(ref f, index, out value, out bool percent, out problem))
        {
            return false;
        }

        if (percent)
        {
            problem = $"\"{f[index].Trim()}\" is a percentage; an amount in USD was expected";
            return false;
        }

        if (value < 0)
        {
            problem = $"is negative ({value})";
            return false;
        }

        return true;
    }

    private static bool TryShare<TFields>(scoped ref TFields f, int index, out decimal? value, out string? problem)
        where TFields : IFieldSource, allows ref struct
    {
        if (!TryNumber(ref f, index, out value, out _, out problem))
        {
            return false;
        }

        if (value is < 0 or > 1)
        {
            problem = $"{value} is not a share between 0 and 1 (or 0% to 100%)";
            return false;
        }

        return true;
    }

    private static bool TryDate<TFields>(scoped ref TFields f, int index, out DateOnly? date, out string? problem)
        where TFields : IFieldSource, allows ref struct
    {
        date = null;
        problem = null;
        ReadOnlySpan<char> s = Field(ref f, index);
        if (s.IsEmpty)
        {
            return true;
        }

        if (DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly d))
        {
            date = d;
            return true;
        }

        problem = $"\"{s}\" is not a date: expected yyyy-MM-dd, e.g. 2025-04-20";
        return false;
    }

    /// <summary>The positions of the columns in <see cref="DutyColumns.All"/>, looked up once rather than per row.</summary>
    private static class Pos
    {
        internal static readonly int Conditions = DutyColumns.Positions[DutyColumns.Conditions];
        internal static readonly int EntryDate = DutyColumns.Positions[DutyColumns.EntryDate];
        internal static readonly int EntryId = DutyColumns.Positions[DutyColumns.EntryId];
        internal static readonly int EntryType = DutyColumns.Positions[DutyColumns.EntryType];
        internal static readonly int Hts10 = DutyColumns.Positions[DutyColumns.Hts10];
        internal static readonly int Id = DutyColumns.Positions[DutyColumns.Id];
        internal static readonly int LoadingDate = DutyColumns.Positions[DutyColumns.LoadingDate];
        internal static readonly int Mode = DutyColumns.Positions[DutyColumns.Mode];
        internal static readonly int Origin = DutyColumns.Positions[DutyColumns.Origin];
        internal static readonly int Program = DutyColumns.Positions[DutyColumns.Program];
        internal static readonly int UsContentShare = DutyColumns.Positions[DutyColumns.UsContentShare];
        internal static readonly int Value = DutyColumns.Positions[DutyColumns.Value];
    }
}
