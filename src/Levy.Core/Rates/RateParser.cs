using System.Diagnostics.CodeAnalysis;
using Levy.Core.Text;

namespace Levy.Core.Rates;

/// <summary>Reads the rate texts of the HTS columns (General, Special, Column 2) into <see cref="Rate"/> values.</summary>
/// <remarks>
/// <para>Two stages, as in Superpower: <see cref="RateTokenizer"/> splits the text into tokens (white space and HTML tags
/// skipped), then a recursive-descent parser with one method per rule below builds the rate. Words match without regard
/// to case. The grammar, also in docs/rate-grammar.md:</para>
/// <code>
/// general-cell   = expression [ "." ] END ;                        (* General, Column 2, additional duties *)
/// special-cell   = expression [ "." ] END | group { group } END ;
/// group          = expression programs ;
/// programs       = "(" program { { separator } program } { separator } ")" ;
/// separator      = "," | "." ;                      (* "MA,.OM": a period is a misprinted comma; "E IL" has none *)
/// program        = CAPITAL [ CAPITAL ] [ "+" | "*" ] ;               (* A+  AU  E*  S+ *)
/// expression     = "Free" | no-change | applicable | reference | rate-sum ;
/// no-change      = "No" ( "change" | "additional" "duty" ) ;
/// applicable     = "The" "duty" [ "rate" ] "provided" [ "for" ] ( "in" | "inthe" ) subheading [ addition ] ;
/// subheading     = "the" "applicable" "subheading" | "such" "subheading" | "subheadings" code-list ;
/// code-list      = CODE { ( "," | "or" | "and" ) CODE } ;
/// addition       = ( "+" | "plus" ) [ "a" "duty" "of" ] term [ content ] | "minus" NUMBER "%" ;
/// content        = "upon" "the" "value" "of" "the" ( "steel" | "aluminum" | "copper" | "non-U.S." ) "content" ;
/// reference      = ( "See" | "A" "duty" | "The" "rate" | "The" "duty" [ "rate" ] "provided" "for" (* not "in" *)
///                  | "Free" "," | "Free" "(" "See" ) { TOKEN } ;  (* to the end; in Special, to a program list *)
/// rate-sum       = term { ( "+" | "plus" ) term } | sugar-degree ;
/// sugar-degree   = specific "less" specific "for each degree under 100 degrees (and fractions of a degree in
///                  proportion) but not less" [ "than" ] specific ;  (* the quoted phrase is a run of words *)
/// term           = ad-valorem | specific ;
/// ad-valorem     = percentage ( "%" | "percent" ) [ basis ] ;
/// percentage     = NUMBER [ NUMBER "/" NUMBER ] ;                  (* 2.5   33 1/3 *)
/// specific       = amount ( "/" unit | "each" ) [ basis ] ;
/// amount         = "$" NUMBER | NUMBER "¢" ;
/// unit           = unit-token { unit-token } ;   (* words other than on of over including less for plus; numbers . / - *)
/// basis          = ( "on" | "of" | "over" | [ "," ] "including" ) { TOKEN } ;  (* to "+", "plus", a program list,
///                                                                            a final "." or the end *)
/// </code>
/// <para>What each form becomes: <c>Free</c> is <see cref="FreeRate"/>; a term is <see cref="AdValoremRate"/> or
/// <see cref="SpecificRate"/> (the unit normalised by <see cref="Primitives.UnitOfMeasure.TryParse"/>, the basis kept as
/// printed); two or more terms are a <see cref="CompoundRate"/>; the raw-sugar formula is a <see cref="SugarDegreeRate"/>;
/// the Chapter 99 forms are <see cref="ApplicableSubheadingRate"/> and <see cref="NoChangeRate"/>; program groups are
/// <see cref="PreferentialRates"/>. A <see cref="ReferenceRate"/> is a text that states where the rate is to be found
/// rather than the rate: another heading (<c>See 9822.04.25</c>), a note (<c>See additional U.S. note 1</c>,
/// <c>Free, under bond, as prescribed in U.S. note 1</c>), another article (<c>The rate applicable to each garment in the
/// ensemble if separately entered</c>) or a value set by Chapter 98 rules (<c>A duty upon the value of the repairs…</c>).
/// Text the grammar does not accept is an error; <see cref="ParseCell"/> turns it into an <see cref="UnparsedRate"/>.</para>
/// <para>Round trip: for every rate <c>r</c> read from a column, <c>Parse(r.ToString(), column)</c> equals <c>r</c>.</para>
/// <para>All members are thread-safe.</para>
/// </remarks>
public static partial class RateParser
{
    /// <summary>Parses a rate text.</summary>
    /// <param name="text">The text, e.g. <c>4.4¢/kg + 6%</c> or <c>Free (A+,AU,BH)</c>.</param>
    /// <param name="column">The column the text comes from; only <see cref="RateColumn.Special"/> reads program groups.</param>
    /// <returns>The rate.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="column"/> is not a defined column.</exception>
    /// <exception cref="RateFormatException">The text is not a rate; the message gives the column, what was expected and
    /// what was found.</exception>
    public static Rate Parse(string text, RateColumn column = RateColumn.General)
    {
        ArgumentNullException.ThrowIfNull(text);
        CheckColumn(column);
        RateParseResult result = ParseCore(text, column);
        return result.Rate ?? throw new RateFormatException(result.Error!);
    }

    /// <summary>Tries to parse a rate text; never throws.</summary>
    /// <param name="text">The text; null gives false.</param>
    /// <param name="column">The column the text comes from; an undefined value gives false.</param>
    /// <param name="rate">The rate, when the text is one.</param>
    /// <returns>True when the text is a rate.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, RateColumn column, [NotNullWhen(true)] out Rate? rate)
    {
        rate = text is not null && Enum.IsDefined(column) ? ParseCore(text, column).Rate : null;
        return rate is not null;
    }

    /// <summary>Reads one cell of a rate column, as the schedule loader does once per distinct text. Never fails on the
    /// text: text that is not a rate becomes an <see cref="UnparsedRate"/> whose reason says why.</summary>
    /// <param name="text">The cell as printed (markup is skipped).</param>
    /// <param name="column">The column of the cell.</param>
    /// <returns>The rate, or an <see cref="UnparsedRate"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="column"/> is not a defined column.</exception>
    public static Rate ParseCell(string text, RateColumn column)
    {
        ArgumentNullException.ThrowIfNull(text);
        CheckColumn(column);
        RateParseResult result = ParseCore(text, column);
        if (result.Rate is { } rate)
        {
            return rate;
        }

        string reason = UnsupportedRateForms.Find(text)?.Reason ?? result.Error!.Message;
        return new UnparsedRate(Markup.Strip(text).Trim(), reason);
    }

    /// <summary>Parses a rate text and returns the rate or the error as a value; the other methods are built on it.</summary>
    internal static RateParseResult ParseCore(ReadOnlySpan<char> text, RateColumn column)
    {
        var rules = new Rules(text, column);
        Rate? rate = rules.Cell();
        return rate is not null ? RateParseResult.Success(rate) : RateParseResult.Failure(rules.Error(text));
    }

    private static void CheckColumn(RateColumn column)
    {
        if (!Enum.IsDefined(column))
        {
            throw new ArgumentOutOfRangeException(nameof(column), column, "Not a rate column.");
        }
    }
}
