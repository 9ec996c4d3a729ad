using System.Collections.Immutable;
using Levy.Core.Primitives;
using Levy.Core.Rates;
using Levy.Core.Schedule;

namespace Levy.Testing;

/// <summary>Hand-built schedules of a few lines (written here, not taken from the official files), for tests that must
/// not depend on the data.</summary>
public static class TestSchedules
{
    /// <summary>A printed line whose General rate is kept as text (not parsed); <paramref name="code"/> may be empty (a text
    /// row); the footnotes link to the headings they name.</summary>
    public static HtsLine Line(string code, int indent, string description, string? general = null, string? units = null, params string[] footnotes) => new()
    {
        Code = code.Length == 0 ? default : HtsCode.Parse(code),
        Indent = indent,
        Description = description,
        Units = units is null ? ImmutableArray<UnitOfMeasure>.Empty : [UnitOfMeasure.Parse(units)],
        General = general is null ? null : new RateCell(general, new UnparsedRate(general, "test")),
        Footnotes = [.. footnotes.Select(f => new Footnote(FootnoteColumns.General, f, "endnote",
            [.. f.Split(' ', '.').Length > 0 ? ExtractCodes(f) : []]))],
    };

    /// <summary>A printed line whose General rate is parsed as the schedule reader parses it (for quotes).</summary>
    public static HtsLine Rated(string code, int indent, string description, string? general) => new()
    {
        Code = HtsCode.Parse(code),
        Indent = indent,
        Description = description,
        Units = ImmutableArray<UnitOfMeasure>.Empty,
        General = general is null ? null : new RateCell(general, RateParser.ParseCell(general, RateColumn.General)),
        Footnotes = ImmutableArray<Footnote>.Empty,
    };

    /// <summary>A line with no rates and these reporting units (<c>kg</c>, <c>kg cmsc</c>).</summary>
    public static HtsLine Counted(string code, params string[] units) => new()
    {
        Code = HtsCode.Parse(code),
        Indent = 0,
        Description = "test " + code,
        Units = [.. units.Select(UnitOfMeasure.Parse)],
        Footnotes = ImmutableArray<Footnote>.Empty,
    };

    private static IEnumerable<HtsCode> ExtractCodes(string text) =>
        text.Split(' ').Select(w => w.TrimEnd('.')).Where(w => HtsCode.TryParse(w, out _) && w.Contains('.')).Select(HtsCode.Parse);

    /// <summary>A miniature of heading 8703: a heading, a text row, an 8-digit line with rates and two 10-digit children.</summary>
    public static TariffSchedule Cars(string revision = "2025_rev_7", string carRate = "2.5%") => new(HtsRevisionId.Parse(revision),
    [
        Line("8703", 0, "Motor cars and other motor vehicles principally designed for the transport of persons:"),
        Line("", 1, "Other vehicles, with only spark-ignition internal combustion piston engines:"),
        Line("8703.23.01", 2, "Of a cylinder capacity exceeding 1,500 cc but not exceeding 3,000 cc", carRate, null, "See 9903.88.01."),
        Line("8703.23.01.20", 3, "New", null, "No."),
        Line("8703.23.01.90", 3, "Used", null, "No."),
        Line("8704", 0, "Motor vehicles for the transport of goods:"),
        Line("8704.21.01", 1, "Other trucks", "25%"),
        Line("9903.88.01", 0, "Articles the product of China, as provided for in U.S. note 20", "The duty provided in the applicable subheading + 25%"),
    ]);
}
