using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Levy.Core.Calculation.Duties;
using Levy.Core.Calculation.Entries;
using Levy.Core.Calculation;
using Levy.Core.Inputs;
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

        // Bytes the decoder could not read became U+FFFD: a field Levy reads that holds one is refused, never used as is.
        if (Undecoded(ref f, map) is { } garbled)
        {
            return Fail(garbled, InputMessages.NotUtf8);
        }

        if (!UserInputs.Product.TryRead(f[map.Known[Pos.Hts10]], out HtsCode code, out string? problem))
        {
            return Fail(DutyColumns.Hts10, problem);
        }

        if (!UserInputs.Origin.TryRead(f[map.Known[Pos.Origin]], out CountryCode origin, out problem))
        {
            return Fail(DutyColumns.Origin, problem);
        }

        if (!UserInputs.CustomsValue.TryRead(Field(ref f, map.Known[Pos.Value]), out decimal value, out problem))
        {
            return Fail(DutyColumns.Value, problem);
        }

        if (!UserInputs.EntryDate.TryRead(Field(ref f, map.Known[Pos.EntryDate]), out DateOnly entryDate, out problem))
        {
            return Fail(DutyColumns.EntryDate, problem);
        }

        if (!TryOptional(UserInputs.LoadingDate, ref f, map.Known[Pos.LoadingDate], out DateOnly? loadingDate, out problem))
        {
            return Fail(DutyColumns.LoadingDate, problem);
        }

        // At most two quantities: kept in locals, so that a row costs one small array rather than a builder and two.
        Quantity first = default, second = default;
        int count = 0;
        for (int k = 0; k < QuantityColumns.Length; k++)
        {
            (InputField qField, InputField uField) = QuantityColumns[k];
            (int qPos, int uPos) = QuantityPositions[k];
            if (!TryOptional(qField, ref f, map.Known[qPos], out decimal? q, out problem))
            {
                return Fail(qField.Batch!, problem);
            }

            string? unitText = Text(ref f, map.Known[uPos]);
            if (q is null)
            {
                if (unitText is not null)
                {
                    return Fail(qField.Batch!, InputMessages.Format(BatchMessages.QuantityBlankUnitGiven, uField.Batch, unitText));
                }

                continue;
            }

            UnitOfMeasure unit = default;
            if (unitText is not null && !UnitOfMeasure.TryParse(unitText, out unit))
            {
                return Fail(uField.Batch!, InputMessages.Format(BatchMessages.NotAUnit, unitText));
            }

            (count == 0 ? ref first : ref second) = new Quantity(q.Value, unit);
            count++;
        }

        ImmutableArray<Quantity> quantities = count switch { 0 => [], 1 => [first], _ => [first, second] };
        if (count == 2 && UserInputs.CheckQuantities(quantities) is { } twice)
        {
            return Fail(DutyColumns.Quantity2, twice);
        }

        TransportMode? mode = null;
        if (Field(ref f, map.Known[Pos.Mode]) is { IsEmpty: false } modeText)
        {
            mode = DutyColumns.ParseMode(modeText);
            if (mode is null)
            {
                UserInputs.Mode.TryReadChoice(modeText, out _, out problem);
                return Fail(DutyColumns.Mode, problem!);
            }
        }

        EntryType? entryType = null;
        if (Field(ref f, map.Known[Pos.EntryType]) is { IsEmpty: false } typeText)
        {
            if (!UserInputs.EntryType.TryReadChoice(typeText, out string? type, out problem))
            {
                return Fail(DutyColumns.EntryType, problem);
            }

            entryType = type == "formal" ? EntryType.Formal : EntryType.Informal;
        }

        string? program = null;
        if (Field(ref f, map.Known[Pos.Program]) is { IsEmpty: false } programText && !UserInputs.Program.TryReadText(programText, out program, out problem))
        {
            return Fail(DutyColumns.Program, problem);
        }

        Span<decimal?> metal = stackalloc decimal?[3];
        for (int i = 0; i < 3; i++)
        {
            (InputField shareField, InputField valueField) = MetalColumns[i];
            (int sharePos, int valuePos) = MetalPositions[i];
            if (!TryOptional(shareField, ref f, map.Known[sharePos], out metal[i], out problem))
            {
                return Fail(shareField.Batch!, problem);
            }

            if (!TryOptional(valueField, ref f, map.Known[valuePos], out decimal? metalValue, out problem))
            {
                return Fail(valueField.Batch!, problem);
            }

            if (metalValue is { } mv)
            {
                if (metal[i] is not null)
                {
                    return Fail(valueField.Batch!, InputMessages.Format(BatchMessages.ShareAndValue, shareField.Batch, valueField.Batch));
                }

                if (mv > value)
                {
                    return Fail(valueField.Batch!, InputMessages.Format(BatchMessages.MetalAboveValue, mv, value));
                }

                metal[i] = value > 0 ? mv / value : 0m;
            }
        }

        if (!TryOptional(UserInputs.UsContentShare, ref f, map.Known[Pos.UsContentShare], out decimal? usContent, out problem))
        {
            return Fail(DutyColumns.UsContentShare, problem);
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
            Value = new Money(value),
            Quantities = quantities,
            EntryDate = entryDate,
            LoadingDate = loadingDate,
            Mode = mode,
            ClaimedProgram = program,
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

    // The first column Levy reads whose field holds U+FFFD, or null.
    private static string? Undecoded<TFields>(scoped ref TFields f, ColumnMap map)
        where TFields : IFieldSource, allows ref struct
    {
        for (int p = 0; p < map.Known.Length; p++)
        {
            if (map.Known[p] >= 0 && InputField.HasUndecodedBytes(f[map.Known[p]]))
            {
                return DutyColumns.All[p];
            }
        }

        foreach ((HtsCode heading, int index) in map.DeclaredHeadings)
        {
            if (InputField.HasUndecodedBytes(f[index]))
            {
                return DutyColumns.DeclaredPrefix + heading;
            }
        }

        for (int i = 0; i < map.DeclaredTotals.Length; i++)
        {
            if (map.DeclaredTotals[i] >= 0 && InputField.HasUndecodedBytes(f[map.DeclaredTotals[i]]))
            {
                return DutyColumns.DeclaredPrefix + DutyColumns.DeclaredTotals[i];
            }
        }

        return null;
    }

    private static readonly (InputField Quantity, InputField Unit)[] QuantityColumns =
        [(UserInputs.Quantity1, UserInputs.Unit1), (UserInputs.Quantity2, UserInputs.Unit2)];

    private static readonly (int Quantity, int Unit)[] QuantityPositions =
        [.. QuantityColumns.Select(c => (DutyColumns.Positions[c.Quantity.Batch!], DutyColumns.Positions[c.Unit.Batch!]))];

    private static readonly (InputField Share, InputField Value)[] MetalColumns =
    [
        (UserInputs.SteelShare, UserInputs.SteelValue),
        (UserInputs.AluminumShare, UserInputs.AluminumValue),
        (UserInputs.CopperShare, UserInputs.CopperValue),
    ];

    private static readonly (int Share, int Value)[] MetalPositions =
        [.. MetalColumns.Select(c => (DutyColumns.Positions[c.Share.Batch!], DutyColumns.Positions[c.Value.Batch!]))];

    private static bool TryDeclared<TFields>(scoped ref TFields f, ColumnMap map, out DeclaredAmounts? declared, out string? field, out string? problem)
        where TFields : IFieldSource, allows ref struct
    {
        declared = null;
        field = null;
        var totals = new Money?[4];
        for (int i = 0; i < 4; i++)
        {
            if (!TryOptional(UserInputs.Declared, ref f, map.DeclaredTotals[i], out decimal? amount, out problem))
            {
                field = DutyColumns.DeclaredPrefix + DutyColumns.DeclaredTotals[i];
                return false;
            }

            totals[i] = amount is { } a ? new Money(a) : null;
        }

        var headings = ImmutableArray.CreateBuilder<(HtsCode, Money)>(map.DeclaredHeadings.Length);
        foreach ((HtsCode heading, int index) in map.DeclaredHeadings)
        {
            if (!TryOptional(UserInputs.Declared, ref f, index, out decimal? amount, out problem))
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

    // An optional number (amount, share, quantity) read through its input of the table: blank is null.
    private static bool TryOptional<TFields>(InputField input, scoped ref TFields f, int index, out decimal? value, [NotNullWhen(false)] out string? problem)
        where TFields : IFieldSource, allows ref struct
    {
        value = null;
        problem = null;
        ReadOnlySpan<char> s = Field(ref f, index);
        if (s.IsEmpty)
        {
            return true;
        }

        if (!input.TryRead(s, out decimal v, out problem))
        {
            return false;
        }

        value = v;
        return true;
    }

    // An optional date: blank is null.
    private static bool TryOptional<TFields>(InputField input, scoped ref TFields f, int index, out DateOnly? date, [NotNullWhen(false)] out string? problem)
        where TFields : IFieldSource, allows ref struct
    {
        date = null;
        problem = null;
        ReadOnlySpan<char> s = Field(ref f, index);
        if (s.IsEmpty)
        {
            return true;
        }

        if (!input.TryRead(s, out DateOnly d, out problem))
        {
            return false;
        }

        date = d;
        return true;
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
