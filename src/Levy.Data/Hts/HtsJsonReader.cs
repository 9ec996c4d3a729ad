using System.Buffers;
using System.Collections.Immutable;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Levy.Core.Primitives;
using Levy.Core.Rates;
using Levy.Core.Schedule;
using Levy.Core.Text;

namespace Levy.Data.Hts;

/// <summary>Reads a USITC HTS JSON export (a JSON array of row objects, optionally gzip-compressed) into schedule lines.</summary>
/// <remarks>
/// <para>Raw quirks handled here, and only here: <c>indent</c> is a string (<c>"3"</c>, sometimes <c>"03"</c>); rows with
/// an empty <c>htsno</c> carry only text; <c>superior</c> is the string <c>"true"</c> or null; rate and description fields
/// may contain HTML markup (2026 Revision 9); footnotes may be null; <c>addiitionalDuties</c> (sic) duplicates
/// <c>additionalDuties</c> and is ignored.</para>
/// <para>Every problem in a file is collected and reported together, naming the file, the record and the field.
/// A truncated or corrupt file, or a file that is not an HTS export, is an <see cref="InvalidScheduleDataException"/>.</para>
/// <para>Thread-safe: the reader holds no state; sharing goes through the <see cref="ScheduleInterner"/>.</para>
/// </remarks>
public static class HtsJsonReader
{
    private const int MaxProblems = 100;

    /// <summary>Reads a revision file (<c>.json.gz</c> or <c>.json</c>).</summary>
    /// <exception cref="InvalidScheduleDataException">The file is corrupt, truncated or not an HTS export.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static TariffSchedule ReadFile(string path, HtsRevisionId revision, ScheduleInterner interner)
    {
        using FileStream stream = File.OpenRead(path);
        return new TariffSchedule(revision, Read(stream, Path.GetFileName(path), interner));
    }

    /// <summary>Reads rows from a stream; gzip is detected from the first bytes.</summary>
    /// <param name="stream">The file contents.</param>
    /// <param name="fileName">The name used in error messages.</param>
    /// <param name="interner">Shares strings, rates and lines with other revisions.</param>
    /// <exception cref="InvalidScheduleDataException">The data is corrupt, truncated or not an HTS export.</exception>
    public static ImmutableArray<HtsLine> Read(Stream stream, string fileName, ScheduleInterner interner)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(interner);
        byte[] buffer = ReadAllBytes(stream, fileName, out int length);
        try
        {
            return Parse(buffer.AsSpan(0, length), fileName, interner);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static byte[] ReadAllBytes(Stream stream, string fileName, out int length)
    {
        Stream source = stream;
        if (!stream.CanSeek)
        {
            var copy = new MemoryStream();
            stream.CopyTo(copy);
            copy.Position = 0;
            source = copy;
        }

        Span<byte> magic = stackalloc byte[2];
        int got = source.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        source.Seek(-got, SeekOrigin.Current);
        bool gzip = got == 2 && magic[0] == 0x1F && magic[1] == 0x8B;

        byte[] buffer = ArrayPool<byte>.Shared.Rent(gzip ? 8 << 20 : (int)Math.Max(16, source.Length - source.Position));
        length = 0;
        try
        {
            using Stream input = gzip ? new GZipStream(source, CompressionMode.Decompress, leaveOpen: true) : source;
            while (true)
            {
                if (length == buffer.Length)
                {
                    byte[] bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }

                int n = input.Read(buffer, length, buffer.Length - length);
                if (n == 0)
                {
                    break;
                }

                length += n;
            }
        }
        catch (InvalidDataException ex)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw new InvalidScheduleDataException([new DataProblem(fileName, -1, null, $"corrupt gzip data after {length:N0} bytes ({ex.Message})")]);
        }
        catch (EndOfStreamException)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw new InvalidScheduleDataException([new DataProblem(fileName, -1, null, $"gzip data is truncated after {length:N0} bytes")]);
        }

        return buffer;
    }

    private static ImmutableArray<HtsLine> Parse(ReadOnlySpan<byte> json, string fileName, ScheduleInterner interner)
    {
        if (json.Trim(" \t\r\n"u8).IsEmpty)
        {
            throw new InvalidScheduleDataException([new DataProblem(fileName, -1, null, "the file is empty")]);
        }

        var problems = new List<DataProblem>();
        var lines = ImmutableArray.CreateBuilder<HtsLine>(40_000);
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        int record = -1;
        var row = new RawRow();
        try
        {
            if (!reader.Read())
            {
                throw new InvalidScheduleDataException([new DataProblem(fileName, -1, null, "the file is empty")]);
            }

            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw new InvalidScheduleDataException([new DataProblem(fileName, -1, null,
                    $"not an HTS JSON export: expected a JSON array of rows, found {Describe(reader.TokenType)}")]);
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                record++;
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    problems.Add(new DataProblem(fileName, record, null, $"expected a row object, found {Describe(reader.TokenType)}"));
                    reader.Skip();
                    continue;
                }

                row.Clear();
                ReadRow(ref reader, row, interner, fileName, record, problems);
                HtsLine? line = Build(row, interner, fileName, record, problems);
                if (line is not null)
                {
                    lines.Add(interner.Line(line));
                }

                if (problems.Count >= MaxProblems)
                {
                    break;
                }
            }

            if (problems.Count < MaxProblems && reader.TokenType != JsonTokenType.EndArray)
            {
                problems.Add(new DataProblem(fileName, -1, null, $"the JSON array is not closed: the file is truncated after record {record}"));
            }
        }
        catch (JsonException ex)
        {
            string where = record >= 0 ? $" in record {record}" : string.Empty;
            bool truncated = reader.BytesConsumed >= json.Length - 1 || ex.Message.Contains("end of", StringComparison.OrdinalIgnoreCase);
            problems.Add(new DataProblem(fileName, -1, null, truncated
                ? $"the file is truncated: JSON ends at byte {json.Length:N0}{where}"
                : $"malformed JSON at byte {reader.BytesConsumed:N0}{where}: {FirstSentence(ex.Message)}"));
        }

        if (problems.Count == 0 && lines.Count == 0)
        {
            problems.Add(new DataProblem(fileName, -1, null, "not an HTS JSON export: the array holds no rows"));
        }

        if (problems.Count > 0)
        {
            throw new InvalidScheduleDataException(problems);
        }

        return lines.ToImmutable();
    }

    private sealed class RawRow
    {
        public string? HtsNo;
        public string? Indent;
        public bool IndentSeen;
        public string? Description;
        public bool Superior;
        public List<string> Units = [];
        public string? General;
        public string? Special;
        public string? Other;
        public List<Footnote> Footnotes = [];
        public string? Quota;
        public string? Additional;

        public void Clear()
        {
            HtsNo = Indent = Description = General = Special = Other = Quota = Additional = null;
            IndentSeen = Superior = false;
            Units.Clear();
            Footnotes.Clear();
        }
    }

    private static void ReadRow(ref Utf8JsonReader reader, RawRow row, ScheduleInterner interner, string file, int record, List<DataProblem> problems)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("htsno"u8))
            {
                row.HtsNo = ReadString(ref reader, "htsno", row, file, record, problems);
            }
            else if (reader.ValueTextEquals("indent"u8))
            {
                reader.Read();
                row.IndentSeen = true;
                row.Indent = reader.TokenType switch
                {
                    JsonTokenType.String => reader.GetString(),
                    JsonTokenType.Number => reader.GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture),
                    _ => null,
                };
                if (row.Indent is null)
                {
                    problems.Add(new DataProblem(file, record, row.HtsNo, $"\"indent\" is not a number: {Describe(reader.TokenType)}"));
                    reader.Skip();
                }
            }
            else if (reader.ValueTextEquals("description"u8))
            {
                row.Description = ReadString(ref reader, "description", row, file, record, problems);
            }
            else if (reader.ValueTextEquals("superior"u8))
            {
                reader.Read();
                row.Superior = reader.TokenType == JsonTokenType.True
                    || (reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("true"u8));
                reader.Skip();
            }
            else if (reader.ValueTextEquals("units"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartArray)
                {
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        if (reader.TokenType == JsonTokenType.String)
                        {
                            row.Units.Add(reader.GetString()!);
                        }
                        else
                        {
                            problems.Add(new DataProblem(file, record, row.HtsNo, $"\"units\" holds {Describe(reader.TokenType)}, not a string"));
                            reader.Skip();
                        }
                    }
                }
                else if (reader.TokenType != JsonTokenType.Null)
                {
                    problems.Add(new DataProblem(file, record, row.HtsNo, $"\"units\" is {Describe(reader.TokenType)}, not a list"));
                    reader.Skip();
                }
            }
            else if (reader.ValueTextEquals("general"u8))
            {
                row.General = ReadString(ref reader, "general", row, file, record, problems);
            }
            else if (reader.ValueTextEquals("special"u8))
            {
                row.Special = ReadString(ref reader, "special", row, file, record, problems);
            }
            else if (reader.ValueTextEquals("other"u8))
            {
                row.Other = ReadString(ref reader, "other", row, file, record, problems);
            }
            else if (reader.ValueTextEquals("footnotes"u8))
            {
                ReadFootnotes(ref reader, row, interner, file, record, problems);
            }
            else if (reader.ValueTextEquals("quotaQuantity"u8))
            {
                row.Quota = ReadString(ref reader, "quotaQuantity", row, file, record, problems);
            }
            else if (reader.ValueTextEquals("additionalDuties"u8))
            {
                row.Additional = ReadString(ref reader, "additionalDuties", row, file, record, problems);
            }
            else
            {
                reader.Read();
                reader.Skip(); // addiitionalDuties (sic) and any future key
            }
        }
    }

    private static string? ReadString(ref Utf8JsonReader reader, string field, RawRow row, string file, int record, List<DataProblem> problems)
    {
        reader.Read();
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Null:
                return null;
            default:
                problems.Add(new DataProblem(file, record, row.HtsNo, $"\"{field}\" is {Describe(reader.TokenType)}, not text"));
                reader.Skip();
                return null;
        }
    }

    private static void ReadFootnotes(ref Utf8JsonReader reader, RawRow row, ScheduleInterner interner, string file, int record, List<DataProblem> problems)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            problems.Add(new DataProblem(file, record, row.HtsNo, $"\"footnotes\" is {Describe(reader.TokenType)}, not a list"));
            reader.Skip();
            return;
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                problems.Add(new DataProblem(file, record, row.HtsNo, $"a footnote is {Describe(reader.TokenType)}, not an object"));
                reader.Skip();
                continue;
            }

            FootnoteColumns columns = FootnoteColumns.None;
            string value = string.Empty, type = string.Empty;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("columns"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.StartArray)
                    {
                        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                        {
                            columns |= reader.TokenType != JsonTokenType.String ? FootnoteColumns.None
                                : reader.ValueTextEquals("general"u8) ? FootnoteColumns.General
                                : reader.ValueTextEquals("special"u8) ? FootnoteColumns.Special
                                : reader.ValueTextEquals("other"u8) ? FootnoteColumns.Other
                                : reader.ValueTextEquals("desc"u8) ? FootnoteColumns.Description
                                : reader.ValueTextEquals("units"u8) || reader.ValueTextEquals("stat"u8) ? FootnoteColumns.Units
                                : FootnoteColumns.None;
                            reader.Skip();
                        }
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
                else if (reader.ValueTextEquals("value"u8))
                {
                    reader.Read();
                    value = reader.TokenType == JsonTokenType.String ? reader.GetString()! : string.Empty;
                    reader.Skip();
                }
                else if (reader.ValueTextEquals("type"u8))
                {
                    reader.Read();
                    type = reader.TokenType == JsonTokenType.String ? reader.GetString()! : string.Empty;
                    reader.Skip();
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            string text = Markup.Strip(value).Replace('\u00A0', ' ').Trim();
            row.Footnotes.Add(interner.Footnote(new Footnote(columns, interner.String(text), interner.String(type), ExtractCodes(text))));
        }
    }

    private static HtsLine? Build(RawRow row, ScheduleInterner interner, string file, int record, List<DataProblem> problems)
    {
        int before = problems.Count;
        HtsCode code = default;
        string htsno = (row.HtsNo ?? string.Empty).Trim();
        if (row.HtsNo is null)
        {
            problems.Add(new DataProblem(file, record, null, "\"htsno\" is missing: not an HTS row"));
        }
        else if (htsno.Length > 0 && !HtsCode.TryParse(htsno, out code, out string? error))
        {
            problems.Add(new DataProblem(file, record, htsno, $"\"htsno\" is not an HTS code: {error}"));
        }

        int indent = 0;
        if (!row.IndentSeen)
        {
            problems.Add(new DataProblem(file, record, htsno, "\"indent\" is missing"));
        }
        else if (row.Indent is not null && (!int.TryParse(row.Indent, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out indent) || indent > 20))
        {
            problems.Add(new DataProblem(file, record, htsno, $"\"indent\" is not a number from 0 to 20: \"{row.Indent}\""));
        }

        if (row.Description is null)
        {
            problems.Add(new DataProblem(file, record, htsno, "\"description\" is missing"));
        }

        if (problems.Count > before)
        {
            return null;
        }

        return new HtsLine
        {
            Code = code,
            Indent = indent,
            Description = interner.String(Markup.Strip(row.Description!).Trim()),
            Units = interner.Units(row.Units),
            General = interner.Cell(row.General, RateColumn.General),
            Special = interner.Cell(row.Special, RateColumn.Special),
            Other = interner.Cell(row.Other, RateColumn.Other),
            Footnotes = row.Footnotes.Count == 0 ? ImmutableArray<Footnote>.Empty : [.. row.Footnotes],
            IsSuperior = row.Superior,
            QuotaQuantity = string.IsNullOrWhiteSpace(row.Quota) ? null : interner.String(row.Quota.Trim()),
            AdditionalDuties = string.IsNullOrWhiteSpace(row.Additional) ? null : interner.String(row.Additional.Trim()),
        };
    }

    /// <summary>The HTS codes written in a text (<c>See 9903.88.01.</c>, <c>See 9903.88.01-9903.88.05</c>), in order.</summary>
    internal static ImmutableArray<HtsCode> ExtractCodes(string text)
    {
        ImmutableArray<HtsCode>.Builder? codes = null;
        int i = 0;
        while (i < text.Length)
        {
            // A code is dddd.dd or dddd.dd.dd or dddd.dd.dd.dd, not preceded or followed by another digit.
            if (char.IsAsciiDigit(text[i]) && (i == 0 || !char.IsAsciiDigit(text[i - 1])))
            {
                int j = i;
                while (j < text.Length && (char.IsAsciiDigit(text[j]) || (text[j] == '.' && j + 1 < text.Length && char.IsAsciiDigit(text[j + 1]))))
                {
                    j++;
                }

                ReadOnlySpan<char> candidate = text.AsSpan(i, j - i);
                if (candidate.Length >= 7 && candidate[4] == '.' && HtsCode.TryParse(candidate, null, out HtsCode code))
                {
                    (codes ??= ImmutableArray.CreateBuilder<HtsCode>()).Add(code);
                }

                i = j;
            }
            else
            {
                i++;
            }
        }

        return codes?.ToImmutable() ?? ImmutableArray<HtsCode>.Empty;
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "a list",
        JsonTokenType.String => "text",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "true/false",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };

    private static string FirstSentence(string message)
    {
        int dot = message.IndexOf(". ", StringComparison.Ordinal);
        return dot > 0 ? message[..(dot + 1)] : message;
    }
}
