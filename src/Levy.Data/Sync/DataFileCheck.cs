using System.Globalization;
using System.Text;
using Levy.Data.Countries;
using Levy.Data.Hts;
using Levy.Data.Rulebook;
using Levy.Data.Tables;
using Levy.Data.Trade;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Levy.Data.Sync;

/// <summary>Checks that a data file is what its name says before it replaces a stored copy (sync), or when
/// <c>levy data info --verify</c> re-validates the data folder.</summary>
/// <remarks>
/// An HTS export must read completely with <see cref="HtsJsonReader"/> (so a truncated or corrupt gzip stream, a JSON
/// document cut short, or JSON that is not an HTS export fails); a CSV table needs a header and at least one row; a YAML
/// document must parse to a mapping or a list; text must be non-empty and not binary. An HTML page (what a proxy or a web server
/// sends with status 200 when something is wrong) fails whatever the format. Thread-safe: no state.
/// </remarks>
public static class DataFileCheck
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Checks a file.</summary>
    /// <param name="path">The file on disk (possibly a temporary download).</param>
    /// <param name="format">What the file must be.</param>
    /// <param name="name">The name used in problems, e.g. <c>hts_2025_rev_7.json.gz</c>.</param>
    /// <returns>Null when the file is good, or what is wrong with it (one line; for an HTS file, the first problems
    /// found with their record).</returns>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static string? FindProblem(string path, DataFormat format, string name)
    {
        using FileStream stream = File.OpenRead(path);
        if (stream.Length == 0)
        {
            return SyncErrorMessages.Empty;
        }

        if (LooksLikeHtml(stream))
        {
            return SyncErrorMessages.HtmlPage;
        }

        stream.Position = 0;
        return format switch
        {
            DataFormat.HtsJson => CheckHts(stream, name),
            DataFormat.Csv => CheckCsv(stream, name),
            DataFormat.Yaml => CheckYaml(stream),
            _ => ReadText(stream, out _),
        };
    }

    /// <summary>Checks a file as <see cref="FindProblem(string, DataFormat, string)"/> does, then reads it with the reader
    /// Levy itself uses for it at run time (the revision catalogue, the countries, the product lists defined on it, the
    /// metal shares, the trade tables), so that a file that passes here is a file a quote can read: a policy table whose
    /// header is fine but whose codes or dates are not is caught here, not by the first <c>levy rate</c>.</summary>
    /// <param name="path">The file on disk (possibly a temporary download).</param>
    /// <param name="format">What the file must be.</param>
    /// <param name="file">Its data-folder path (<c>policy/s232_copper_products.csv</c>).</param>
    /// <param name="rulebook">The rulebook whose definitions say how the file is read.</param>
    /// <returns>Null when the file is good, or what is wrong with it (one line).</returns>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static string? FindProblem(string path, DataFormat format, string file, RulebookFiles rulebook)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(rulebook);
        return FindProblem(path, format, Path.GetFileName(file)) ?? FindReaderProblem(path, file, rulebook);
    }

    // The run-time reader of the file, if Levy reads it.
    private static string? FindReaderProblem(string path, string file, RulebookFiles rulebook)
    {
        try
        {
            switch (file)
            {
                case "policy/revision_dates.csv":
                    RevisionCatalogueReader.Read(path, rulebook);
                    break;
                case "policy/census_codes.csv":
                    CountryDirectoryReader.Read(rulebook, path);
                    break;
                case "policy/" + TradeTables.UsmcaSharesFile:
                    TradeTables.ReadUsmcaShares(path, CountryDirectoryReader.Read(rulebook, (string?)null));
                    break;
                case "trade/" + TradeTables.BilateralTradeFile:
                    TradeTables.ReadBilateralTrade(path);
                    break;
                case "trade/" + TradeTables.AnnexRatesFile:
                    TradeTables.ReadAnnexRates(path);
                    break;
                case "trade/" + TradeTables.CountryImportsFile:
                    TradeTables.ReadCountryImports(path, CountryDirectoryReader.Read(rulebook, (string?)null));
                    break;
                default:
                    if (string.Equals(PolicyRulebookReader.MetalFile(rulebook), file, StringComparison.Ordinal))
                    {
                        PolicyRulebookReader.ReadMetal(path, file);
                    }

                    break;
            }

            ProductListReader.ReadFile(rulebook, file, path);
            return null;
        }
        catch (Exception ex) when (ex is CsvDataException or RulebookException or FormatException or ArgumentException or KeyNotFoundException
            or InvalidCastException or YamlException)
        {
            // The readers name the file they read: a download's temporary name means nothing to the user.
            string message = ex.Message.Replace(Path.GetFileName(path), Path.GetFileName(file), StringComparison.Ordinal);
            return string.Format(CultureInfo.InvariantCulture, SyncErrorMessages.Unreadable, message);
        }
    }

    /// <summary>True when the file starts with the gzip magic bytes.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static bool IsGzip(string path)
    {
        using FileStream stream = File.OpenRead(path);
        return stream.ReadByte() == 0x1F && stream.ReadByte() == 0x8B;
    }

    private static string? CheckHts(FileStream stream, string name)
    {
        try
        {
            HtsJsonReader.Read(stream, name, new ScheduleInterner());
            return null;
        }
        catch (InvalidScheduleDataException ex)
        {
            return string.Join("; ", ex.Problems.Take(3).Select(p => p.ToString().StartsWith(name + ": ", StringComparison.Ordinal) ? p.ToString()[(name.Length + 2)..] : p.ToString()))
                + (ex.Problems.Length > 3 ? string.Create(CultureInfo.InvariantCulture, $"; and {ex.Problems.Length - 3} more problems") : string.Empty);
        }
    }

    private static string? CheckCsv(FileStream stream, string name)
    {
        if (ReadText(stream, out string text) is { } problem)
        {
            return problem;
        }

        try
        {
            return CsvTable.ParseFile(text, name).Records.Length == 0 ? SyncErrorMessages.CsvNoRows : null;
        }
        catch (CsvDataException ex)
        {
            return ex.Message;
        }
    }

    private static string? CheckYaml(FileStream stream)
    {
        if (ReadText(stream, out string text) is { } problem)
        {
            return problem;
        }

        try
        {
            var yaml = new YamlStream();
            yaml.Load(new StringReader(text));
            return yaml.Documents.Count > 0 && yaml.Documents[0].RootNode is YamlMappingNode or YamlSequenceNode
                ? null
                : SyncErrorMessages.YamlNotDocument;
        }
        catch (YamlException ex)
        {
            return string.Format(CultureInfo.InvariantCulture, SyncErrorMessages.BadYaml, $"line {ex.Start.Line}: {ex.InnerException?.Message ?? ex.Message}");
        }
    }

    // UTF-8 when it decodes as such, Latin-1 otherwise (the Chapter 99 text extracted by Yale is ISO-8859-1, with
    // 0xA2 for the cent sign); NUL bytes mean binary data whatever the encoding.
    private static string? ReadText(FileStream stream, out string text)
    {
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        if (bytes.AsSpan().Contains((byte)0))
        {
            text = string.Empty;
            return SyncErrorMessages.NotText;
        }

        try
        {
            text = StrictUtf8.GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            text = Encoding.Latin1.GetString(bytes);
        }

        return text.Trim().Length == 0 ? SyncErrorMessages.Empty : null;
    }

    private static bool LooksLikeHtml(FileStream stream)
    {
        Span<byte> head = stackalloc byte[256];
        int n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        ReadOnlySpan<byte> text = head[..n];
        if (text.StartsWith("\uFEFF"u8))
        {
            text = text[3..];
        }

        text = text.TrimStart(" \t\r\n"u8);
        return text.StartsWith("<!"u8) || StartsWithIgnoreCase(text, "<html"u8) || StartsWithIgnoreCase(text, "<head"u8) || StartsWithIgnoreCase(text, "<body"u8);
    }

    private static bool StartsWithIgnoreCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> prefix) =>
        text.Length >= prefix.Length && Ascii.EqualsIgnoreCase(text[..prefix.Length], prefix);
}
