using System.Globalization;
using System.Text;

namespace Levy.Benchmarks;

/// <summary>Batch input made up for the duty benchmarks: a mix of products, values written as spreadsheets write them,
/// quoted fields, quantities, modes, and entries of one to four lines. Deterministic (fixed seed).</summary>
internal static class GeneratedLines
{
    internal const string Header = "id,hts10,origin,value,quantity1,unit1,entry_date,mode,aluminum_share,entry_id,note";

    private static readonly string[] Products = ["8703.23.01.90", "0402.99.90.00", "8471.30.01.00", "7326.90.86.88"];
    private static readonly string[] Origins = ["JP", "DE", "CN", "MX", "VN", "GB"];
    private static readonly string[] Modes = ["vessel", "air", "truck", "rail"];

    /// <summary>Writes <paramref name="count"/> lines (and the header) to <paramref name="writer"/>.</summary>
    internal static void Write(TextWriter writer, long count)
    {
        var random = new Random(20250420);
        var line = new StringBuilder(128);
        long entry = 0;
        int left = 0;
        string date = string.Empty;
        for (long i = 0; i <= count; i++)
        {
            if (i == 0)
            {
                writer.Write(Header);
                writer.Write('\n');
                continue;
            }

            if (left == 0)
            {
                entry++;
                left = random.Next(1, 5);
                date = "2025-" + random.Next(4, 10).ToString("00", CultureInfo.InvariantCulture) + "-15"; // one date per entry
            }

            left--;
            string product = Products[random.Next(Products.Length)];
            decimal value = random.Next(100, 2_000_000) / 10m;
            line.Clear()
                .Append('L').Append(i.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(product).Append(',')
                .Append(Origins[random.Next(Origins.Length)]).Append(',')
                .Append(random.Next(4) == 0 ? "\"$" + value.ToString("#,0.00", CultureInfo.InvariantCulture) + "\"" : value.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(random.Next(1, 5000).ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(product == "0402.99.90.00" ? "kg" : string.Empty).Append(',')
                .Append(date).Append(',')
                .Append(Modes[random.Next(Modes.Length)]).Append(',')
                .Append(product == "7326.90.86.88" ? "0.4" : string.Empty).Append(',')
                .Append('E').Append(entry.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(random.Next(10) == 0 ? "\"PO 77, \"\"urgent\"\"\"" : "po-" + i.ToString(CultureInfo.InvariantCulture))
                .Append('\n');
            writer.Write(line);
        }
    }

    /// <summary>The lines as one string (for in-memory benchmarks).</summary>
    internal static string Text(long count)
    {
        var writer = new StringWriter();
        Write(writer, count);
        return writer.ToString();
    }
}
