using System.Globalization;
using Levy.Core.Calculation.Duties;
using Levy.Core.Calculation.Planning;
using Levy.Core.Calculation;
using Levy.Core.Primitives;
using Levy.Core.Refunds;

namespace Levy.Refunds.Generation;

/// <summary>What an <see cref="Es003Generator"/> makes.</summary>
public sealed record GeneratorOptions
{
    /// <summary>About how many rows to write (the last entry is completed).</summary>
    public int Rows { get; init; } = 10_000;

    /// <summary>The seed: the same seed and options give the same file, byte for byte.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The first entry date.</summary>
    public DateOnly From { get; init; } = new(2025, 2, 4);

    /// <summary>The last entry date.</summary>
    public DateOnly To { get; init; } = new(2026, 2, 23);

    /// <summary>The date the export is run: entries liquidated by then carry a liquidation date.</summary>
    public DateOnly ReportDate { get; init; } = new(2026, 4, 15);

    /// <summary>How many importers the file covers.</summary>
    public int Importers { get; init; } = 3;

    /// <summary>The share of rows with a broker's data error (bad check digit, HTS, date, amount, country).</summary>
    public double ErrorRate { get; init; } = 0.004;

    /// <summary>The share of lines declared wrongly under the law (IEEPA where none was owed, IEEPA omitted, a wrong
    /// IEEPA amount, a wrong other duty).</summary>
    public double MistakeRate { get; init; } = 0.03;
}

/// <summary>What a generated file holds, for tests and benchmarks to check against.</summary>
public sealed class GeneratorSummary
{
    /// <summary>Rows written.</summary>
    public int Rows { get; internal set; }

    /// <summary>Rows written with a data error.</summary>
    public int ErrorRows { get; internal set; }

    /// <summary>Lines written (error rows may spoil some).</summary>
    public int Lines { get; internal set; }

    /// <summary>Entries written.</summary>
    public int Entries { get; internal set; }

    /// <summary>Lines with each kind of legal mistake.</summary>
    public Dictionary<string, int> Mistakes { get; } = [];

    /// <summary>The IEEPA duty of the lines a reader can build (IEEPA rows without a data error, on lines whose chapter
    /// 1–97 row has none), in cents: what the ledger must hold after the import.</summary>
    public long IeepaCents { get; internal set; }
}

/// <summary>Writes realistic ES-003-style line-tariff exports: entries from February 2025 to February 2026 from
/// origins in proportions like the trade's, goods of the kinds that paid IEEPA, Section 232 and 301 duties, the Chapter 99
/// numbers a broker declares with the amounts the law charged (computed by the engine), and the errors brokers make.</summary>
/// <remarks>
/// <para>Deterministic: the same options give the same bytes. Streams: memory does not grow with the number of rows.</para>
/// <para>A product that the engine cannot quote on a date (not printed in that revision) is replaced by another, so every
/// line without a deliberate error is checkable.</para>
/// </remarks>
public sealed class Es003Generator
{
    /// <summary>The header written (the names of ACE's ES-003 report).</summary>
    public static readonly string[] Header =
    [
        "Entry Summary Number", "Entry Summary Line Number", "Importer Number", "Entry Type Code", "Entry Date", "Entry Summary Date",
        "Port of Entry Code", "Liquidation Date", "Liquidation Status", "HTS Number", "Country of Origin Code", "Line Tariff Goods Value Amount",
        "Line Tariff Duty Amount", "Line Tariff Quantity", "Line SPI Code",
    ];

    // Goods that paid the duties at issue, with a typical customs value per line.
    private static readonly (string Code, int Weight, decimal TypicalValue)[] Products =
    [
        ("8471.30.01.00", 5, 60_000m), ("8517.13.00.00", 4, 90_000m), ("9503.00.00.90", 8, 15_000m), ("6110.20.20.79", 6, 12_000m),
        ("8708.99.81.80", 6, 25_000m), ("7318.15.20.65", 5, 9_000m), ("7606.12.30.90", 3, 30_000m), ("8703.23.01.90", 2, 120_000m),
        ("9401.61.40.11", 4, 20_000m), ("3004.90.92.90", 3, 80_000m), ("0803.90.00.45", 2, 18_000m), ("2204.21.50.40", 2, 14_000m),
        ("8528.72.64.40", 4, 40_000m), ("8413.70.20.40", 3, 16_000m), ("4202.92.31.20", 4, 11_000m), ("8504.40.95.80", 5, 22_000m),
        ("3926.90.99.89", 6, 8_000m), ("9403.60.80.81", 3, 17_000m), ("8541.43.00.10", 2, 50_000m), ("7408.11.60.00", 2, 35_000m),
        ("0901.21.00.40", 2, 26_000m), ("8418.10.00.10", 2, 28_000m), ("4407.11.00.91", 1, 45_000m), ("6402.99.31.60", 3, 13_000m),
    ];

    private static readonly (string Origin, int Weight)[] Origins =
    [
        ("CN", 30), ("MX", 12), ("CA", 10), ("VN", 8), ("DE", 5), ("IT", 2), ("FR", 2), ("JP", 5), ("IN", 4), ("KR", 4), ("TW", 3),
        ("TH", 3), ("BR", 2), ("CH", 1), ("GB", 2), ("ID", 2), ("MY", 2), ("IE", 1), ("BD", 1), ("KH", 1),
    ];

    private static readonly string[] Filers = ["B7Y", "EH3", "9NK", "MX2", "ZQ5"];
    private static readonly string[] Ports = ["2704", "5301", "1001", "3901", "2304", "0901"];

    private readonly Func<QuoteRequest, RateQuote> _engine;
    private readonly Func<DateOnly, Epoch> _epochOf;
    private readonly IeepaHeadings _ieepa;
    private readonly Dictionary<(string Code, string Origin, Epoch Epoch, string? Program), (RateQuote? Quote, string? Program)> _quotes = [];

    /// <summary>Creates a generator.</summary>
    /// <param name="engine">The rate engine (declared amounts are what it computes, before mistakes); its quotes are reused
    /// within an epoch, where nothing in the rulebook changes.</param>
    /// <param name="ieepa">Which headings are IEEPA.</param>
    public Es003Generator(TariffEngine engine, IeepaHeadings ieepa)
    {
        ArgumentNullException.ThrowIfNull(engine);
        _engine = engine.Quote;
        _epochOf = engine.EpochOf;
        _ieepa = ieepa ?? throw new ArgumentNullException(nameof(ieepa));
    }

    /// <summary>Writes a file.</summary>
    /// <param name="output">Where to write CSV.</param>
    /// <param name="options">What to make.</param>
    /// <returns>What was written.</returns>
    public GeneratorSummary Write(TextWriter output, GeneratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(options);
        var random = new Random(options.Seed);
        var summary = new GeneratorSummary();
        output.Write(string.Join(',', Header));
        output.Write('\n');
        int totalProductWeight = Products.Sum(p => p.Weight), totalOriginWeight = Origins.Sum(o => o.Weight);
        int days = options.To.DayNumber - options.From.DayNumber + 1;
        var sequence = new int[Filers.Length];
        var rows = new List<string[]>();
        while (summary.Rows < options.Rows)
        {
            int importer = random.Next(options.Importers);
            int filer = importer % Filers.Length;
            EntryNumber entry = EntryNumber.Create(Filers[filer], 1_000_000 + importer * 1_000_000 % 7_000_000 + ++sequence[filer]);
            DateOnly entryDate = options.From.AddDays(random.Next(days));
            if (random.NextDouble() < 0.004)
            {
                entryDate = new DateOnly(2026, 2, 20).AddDays(random.Next(4)); // entered after the ruling, before collection stopped
            }

            DateOnly summaryDate = entryDate.AddDays(random.Next(0, 11));
            DateOnly liquidation = summaryDate.AddDays(314 + (random.Next(3) == 0 ? random.Next(-10, 30) : 0));
            bool liquidated = liquidation <= options.ReportDate;
            string type = random.NextDouble() switch { < 0.02 => "08", < 0.06 => "11", _ => "01" };
            string origin = Pick(Origins, totalOriginWeight, random);
            string port = Ports[random.Next(Ports.Length)];
            int lines = 1 + (int)Math.Min(7, -Math.Log(1 - random.NextDouble()) * 1.6);
            var entryCells = new[]
            {
                entry.ToString(), string.Empty, $"{27 + importer}-{4_310_000 + importer * 1_117:D7}00", type, Date(entryDate), Date(summaryDate), port,
                liquidated ? Date(liquidation) : string.Empty, liquidated ? "LIQUIDATED" : "OPEN",
            };
            summary.Entries++;
            for (int line = 1; line <= lines; line++)
            {
                rows.Clear();
                (string code, _, decimal typical) = PickProduct(totalProductWeight, random);
                decimal value = Math.Round(typical * (decimal)(0.3 + random.NextDouble() * 1.4), 0);
                string? program = origin is "MX" or "CA" && random.NextDouble() < 0.55 ? "S" : null;
                RateQuote? quote = TryQuote(code, origin, entryDate, ref program);
                for (int attempt = 0; quote is null && attempt < 8; attempt++)
                {
                    (code, _, typical) = PickProduct(totalProductWeight, random);
                    quote = TryQuote(code, origin, entryDate, ref program);
                }

                if (quote is null)
                {
                    continue;
                }

                decimal quantity = Math.Max(1, Math.Round(value / 25m, 0));
                DutyResult duty = DutyCalculator.Calculate(quote, new Money(value), [new Quantity(quantity, default)]);
                if (!duty.IsSuccess)
                {
                    continue;
                }

                DutyBreakdown b = duty.Breakdown;
                string lineNo = line.ToString(CultureInfo.InvariantCulture);
                var chapter99 = new List<(string Heading, decimal Amount)>();
                foreach (ComponentDuty c in b.Components)
                {
                    if (c.Component.Heading is { } h)
                    {
                        chapter99.Add((h.Digits + "00", c.Amount.Amount)); // ACE prints Chapter 99 numbers with ten digits
                    }
                }

                decimal ordinary = b.Ordinary.Amount;
                if (random.NextDouble() < options.MistakeRate)
                {
                    string kind = Mistake(random, chapter99, entryDate, value, ref ordinary);
                    summary.Mistakes[kind] = summary.Mistakes.GetValueOrDefault(kind) + 1;
                }

                foreach ((string heading, decimal amount) in chapter99)
                {
                    rows.Add(Row(entryCells, lineNo, heading, origin, 0m, amount, null, program));
                }

                rows.Add(Row(entryCells, lineNo, quote.Request.Product.Digits, origin, value, ordinary, quantity, program));
                summary.Lines++;
                bool baseSpoiled = false;
                long lineIeepa = 0;
                for (int r = 0; r < rows.Count; r++)
                {
                    string[] row = rows[r];
                    bool spoiled = random.NextDouble() < options.ErrorRate;
                    if (spoiled)
                    {
                        Spoil(row, random);
                        summary.ErrorRows++;
                        baseSpoiled |= r == rows.Count - 1;
                    }
                    else if (r < chapter99.Count && IsIeepa(chapter99[r].Heading))
                    {
                        lineIeepa += (long)(chapter99[r].Amount * 100m);
                    }

                    WriteRow(output, row);
                    summary.Rows++;
                }

                // The IEEPA duty the ledger will hold for this line: its unspoiled IEEPA rows, if its chapter 1-97 row is
                // readable (without it the line cannot be built and every row of it is an error).
                if (!baseSpoiled)
                {
                    summary.IeepaCents += lineIeepa;
                }
            }
        }

        return summary;
    }

    private RateQuote? TryQuote(string code, string origin, DateOnly date, ref string? program)
    {
        Epoch epoch = _epochOf(date);
        var key = (code, origin, epoch, program);
        if (_quotes.TryGetValue(key, out (RateQuote? Quote, string? Program) known))
        {
            program = known.Program;
            return known.Quote;
        }

        if (_quotes.Count > 100_000)
        {
            _quotes.Clear();
        }

        string? asked = program;
        RateQuote? quote = Quote(code, origin, date, ref program);
        _quotes[(code, origin, epoch, asked)] = (quote, program);
        return quote;
    }

    private RateQuote? Quote(string code, string origin, DateOnly date, ref string? program)
    {
        var request = new QuoteRequest { Product = HtsCode.Parse(code), Origin = CountryCode.Parse(origin), EntryDate = date, ClaimedProgram = program, Explain = false };
        try
        {
            return _engine(request);
        }
        catch (InvalidQuoteRequestException) when (program is not null)
        {
            program = null;
            try
            {
                return _engine(request with { ClaimedProgram = null });
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                return null;
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return null;
        }
    }

    // A legal mistake a broker makes on a line; returns its kind.
    private string Mistake(Random random, List<(string Heading, decimal Amount)> chapter99, DateOnly entryDate, decimal value, ref decimal ordinary)
    {
        bool hasIeepa = chapter99.Any(c => IsIeepa(c.Heading) && c.Amount > 0);
        int pick = random.Next(4);
        if (pick == 0 && !hasIeepa && entryDate >= new DateOnly(2025, 4, 5) && entryDate < new DateOnly(2026, 2, 24))
        {
            chapter99.Insert(0, ("9903012500", Math.Round(Math.Round(value) * 0.10m, 2)));
            return "ieepa-not-charged";
        }

        if (pick == 1 && hasIeepa)
        {
            chapter99.RemoveAll(c => IsIeepa(c.Heading));
            return "ieepa-undeclared";
        }

        if (pick == 2 && hasIeepa)
        {
            int i = chapter99.FindIndex(c => IsIeepa(c.Heading) && c.Amount > 0);
            chapter99[i] = (chapter99[i].Heading, Math.Round(chapter99[i].Amount * 1.5m, 2));
            return "ieepa-amount-differs";
        }

        ordinary = Math.Round(ordinary + Math.Max(25m, value * 0.02m), 2);
        return "non-ieepa-difference";
    }

    private bool IsIeepa(string heading) => _ieepa.AuthorityOf(HtsCode.Parse(heading).Truncate(8)) is not null;

    private static void Spoil(string[] row, Random random)
    {
        switch (random.Next(5))
        {
            case 0:
                char last = row[0][^1];
                row[0] = row[0][..^1] + (char)('0' + (last - '0' + 1) % 10); // wrong check digit
                break;
            case 1:
                row[9] = row[9][..^3]; // a truncated HTS number
                break;
            case 2:
                row[4] = "2025-13-45";
                break;
            case 3:
                row[12] = "12,34O.5";
                break;
            default:
                row[10] = "C";
                break;
        }
    }

    private static string[] Row(string[] entry, string line, string hts, string origin, decimal value, decimal duty, decimal? quantity, string? program) =>
    [
        entry[0], line, entry[2], entry[3], entry[4], entry[5], entry[6], entry[7], entry[8], hts, origin,
        value.ToString("0.00", CultureInfo.InvariantCulture), duty.ToString("0.00", CultureInfo.InvariantCulture),
        quantity?.ToString("0", CultureInfo.InvariantCulture) ?? string.Empty, program ?? string.Empty,
    ];

    private static void WriteRow(TextWriter output, string[] row)
    {
        for (int i = 0; i < row.Length; i++)
        {
            if (i > 0)
            {
                output.Write(',');
            }

            string cell = row[i];
            if (cell.Contains(',') || cell.Contains('"'))
            {
                output.Write('"');
                output.Write(cell.Replace("\"", "\"\"", StringComparison.Ordinal));
                output.Write('"');
            }
            else
            {
                output.Write(cell);
            }
        }

        output.Write('\n');
    }

    private static string Date(DateOnly d) => d.ToString("MM/dd/yyyy", CultureInfo.InvariantCulture);

    private static (string Code, int Weight, decimal TypicalValue) PickProduct(int total, Random random)
    {
        int r = random.Next(total);
        foreach (var p in Products)
        {
            if ((r -= p.Weight) < 0)
            {
                return p;
            }
        }

        return Products[^1];
    }

    private static string Pick((string Origin, int Weight)[] items, int total, Random random)
    {
        int r = random.Next(total);
        foreach (var (origin, weight) in items)
        {
            if ((r -= weight) < 0)
            {
                return origin;
            }
        }

        return items[^1].Origin;
    }
}
