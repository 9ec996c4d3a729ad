using System.Collections.Immutable;
using System.Globalization;
using Levy.Core.Primitives;
using Kind = Levy.Core.Rates.RateTokenKind;

namespace Levy.Core.Rates;

public static partial class RateParser
{
    /// <summary>The grammar rules (see the remarks of <see cref="RateParser"/>), one method per rule, over the tokens of
    /// one text. A rule returns null or false after recording the first error; its caller returns at once.</summary>
    private ref struct Rules
    {
        private static readonly string[] ApplicableSubheadingWords = ["applicable", "subheading"];
        private static readonly string[] ADutyOf = ["a", "duty", "of"];
        private static readonly string[] UponTheValueOfThe = ["upon", "the", "value", "of", "the"];
        private static readonly string[] NonUs = ["non", "-", "U", ".", "S", "."];
        private static readonly string[] SugarDegreeWords =
        [
            "for", "each", "degree", "under", "100", "degrees", "(", "and", "fractions", "of", "a", "degree", "in",
            "proportion", ")", "but", "not", "less",
        ];

        // Words that end a unit and may start what follows it.
        private static readonly string[] UnitStopWords = ["on", "of", "over", "including", "less", "for", "plus"];

        private readonly ReadOnlySpan<char> _input;
        private readonly RateColumn _column;
        private RateToken _token;
        private int _errorPosition;
        private string? _expected;
        private string? _found;

        public Rules(ReadOnlySpan<char> input, RateColumn column)
        {
            _input = input;
            _column = column;
            _token = RateTokenizer.Read(input, 0);
        }

        /// <summary>The error recorded by the failed rule.</summary>
        public readonly RateParseError Error(ReadOnlySpan<char> input) =>
            new(input.ToString(), _errorPosition, _expected ?? RateErrorMessages.Rate, _found ?? RateErrorMessages.EndOfText);

        // cell = general-cell | special-cell
        public Rate? Cell() => _column == RateColumn.Special ? SpecialCell() : GeneralCell();

        // general-cell = expression [ "." ] END
        private Rate? GeneralCell()
        {
            Rate? rate = Expression();
            return rate is not null && EndOfCell() ? rate : null;
        }

        // [ "." ] END
        private bool EndOfCell()
        {
            Accept(Kind.Period);
            return Expect(Kind.End);
        }

        // special-cell = expression [ "." ] END | group { group } END
        // group = expression programs
        private Rate? SpecialCell()
        {
            ImmutableArray<PreferentialRate>.Builder? groups = null;
            while (true)
            {
                Rate? rate = Expression();
                if (rate is null)
                {
                    return null;
                }

                if (!StartsPrograms(_token))
                {
                    if (groups is not null)
                    {
                        return Fail<Rate>(RateErrorMessages.ProgramList);
                    }

                    Accept(Kind.Period);
                    return _token.Kind == Kind.End ? rate : Fail<Rate>(RateErrorMessages.ProgramListOrEnd);
                }

                groups ??= ImmutableArray.CreateBuilder<PreferentialRate>();
                groups.Add(new PreferentialRate(rate, Programs()));
                if (_token.Kind == Kind.End)
                {
                    return new PreferentialRates(groups.ToImmutable());
                }
            }
        }

        // programs = "(" program { { separator } program } { separator } ")"
        // separator = "," | "."  (a period is a misprinted comma: "MA,.OM")
        private ImmutableArray<string> Programs()
        {
            ImmutableArray<string>.Builder symbols = ImmutableArray.CreateBuilder<string>();
            ReadPrograms(_token, symbols, out RateToken after);
            _token = after;
            return symbols.ToImmutable();
        }

        // A program list starts here (the lookahead of "programs").
        private readonly bool StartsPrograms(RateToken open) => ReadPrograms(open, null, out _);

        // Reads a program list from open; the symbols go to symbols when given.
        // program = CAPITAL [ CAPITAL ] [ "+" | "*" ], the sign written against the letters.
        private readonly bool ReadPrograms(RateToken open, ImmutableArray<string>.Builder? symbols, out RateToken after)
        {
            after = open;
            if (open.Kind != Kind.LeftParenthesis)
            {
                return false;
            }

            RateToken token = Next(open);
            while (true)
            {
                if (!IsProgramLetters(token))
                {
                    return false;
                }

                int start = token.Position;
                RateToken sign = Next(token);
                if (sign.Kind is Kind.Plus or Kind.Star && sign.Position == token.End)
                {
                    token = sign;
                }

                symbols?.Add(_input[start..token.End].ToString());
                token = Next(token);
                while (token.Kind is Kind.Comma or Kind.Period)
                {
                    token = Next(token);
                }

                if (token.Kind == Kind.RightParenthesis)
                {
                    after = Next(token);
                    return true;
                }
            }
        }

        private readonly bool IsProgramLetters(RateToken token)
        {
            if (token.Kind != Kind.Word || token.Length > 2)
            {
                return false;
            }

            foreach (char c in token.TextIn(_input))
            {
                if (!char.IsAsciiLetterUpper(c))
                {
                    return false;
                }
            }

            return true;
        }

        // expression = "Free" | no-change | applicable | reference | rate-sum
        private Rate? Expression()
        {
            RateToken start = _token;
            if (Is(start, "Free"))
            {
                RateToken next = Next(start);
                if (next.Kind == Kind.Comma || (next.Kind == Kind.LeftParenthesis && Is(Next(next), "See")))
                {
                    return Reference(start);
                }

                Advance();
                return FreeRate.Instance;
            }

            if (Is(start, "No"))
            {
                return NoChange();
            }

            if (Is(start, "See") || (Is(start, "A") && Is(Next(start), "duty")))
            {
                return Reference(start);
            }

            if (Is(start, "The"))
            {
                return Applicable();
            }

            return start.Kind is Kind.Number or Kind.Dollar ? RateSum() : Fail<Rate>(RateErrorMessages.Rate);
        }

        // no-change = "No" ( "change" | "additional" "duty" )
        private Rate? NoChange()
        {
            Advance();
            if (Accept("change"))
            {
                return NoChangeRate.Instance;
            }

            if (!Accept("additional"))
            {
                return Fail<Rate>(RateErrorMessages.ChangeOrAdditional);
            }

            return Expect("duty") ? NoChangeRate.Instance : null;
        }

        // applicable = "The" "duty" [ "rate" ] "provided" [ "for" ] ( "in" | "inthe" ) subheading [ addition ]
        // ("The rate …" and "The duty … provided for" without "in" are references.)
        private Rate? Applicable()
        {
            RateToken start = _token;
            Advance();
            if (Is(_token, "rate"))
            {
                return Reference(start);
            }

            if (!Accept("duty"))
            {
                return Fail<Rate>(RateErrorMessages.DutyOrRate);
            }

            Accept("rate");
            if (!Expect("provided"))
            {
                return null;
            }

            bool providedFor = Accept("for");
            ImmutableArray<HtsCode> subheadings = ImmutableArray<HtsCode>.Empty;
            if (Accept("inthe"))
            {
                if (!ExpectWords(ApplicableSubheadingWords))
                {
                    return null;
                }
            }
            else if (Accept("in"))
            {
                if (!Subheading(out subheadings))
                {
                    return null;
                }
            }
            else
            {
                return providedFor ? Reference(start) : Fail<Rate>(RateErrorMessages.Quote("in"));
            }

            return Addition(subheadings);
        }

        // subheading = "the" "applicable" "subheading" | "such" "subheading" | "subheadings" code-list
        private bool Subheading(out ImmutableArray<HtsCode> codes)
        {
            codes = ImmutableArray<HtsCode>.Empty;
            if (Accept("the"))
            {
                return ExpectWords(ApplicableSubheadingWords);
            }

            if (Accept("such"))
            {
                return Expect("subheading");
            }

            return Accept("subheadings") ? CodeList(out codes) : Fail(RateErrorMessages.Subheading);
        }

        // code-list = CODE { ( "," | "or" | "and" ) CODE }
        private bool CodeList(out ImmutableArray<HtsCode> codes)
        {
            codes = default;
            ImmutableArray<HtsCode>.Builder builder = ImmutableArray.CreateBuilder<HtsCode>();
            do
            {
                if (_token.Kind != Kind.Code || !HtsCode.TryParse(_token.TextIn(_input), null, out HtsCode code))
                {
                    return Fail(RateErrorMessages.HtsCode);
                }

                builder.Add(code);
                Advance();
            }
            while (AcceptCodeSeparator());

            codes = builder.ToImmutable();
            return true;
        }

        // "," | "or" | "and" | ", or" | ", and"
        private bool AcceptCodeSeparator()
        {
            bool comma = Accept(Kind.Comma);
            return Accept("or") || Accept("and") || comma;
        }

        // addition = ( "+" | "plus" ) [ "a" "duty" "of" ] term [ content ] | "minus" NUMBER "%"
        private Rate? Addition(ImmutableArray<HtsCode> subheadings)
        {
            if (AcceptPlus())
            {
                if (Is(_token, "a") && !ExpectWords(ADutyOf))
                {
                    return null;
                }

                Rate? additional = Term();
                DutyBasis basis = DutyBasis.FullValue;
                if (additional is null || (Is(_token, "upon") && !Content(out basis)))
                {
                    return null;
                }

                return new ApplicableSubheadingRate(additional, basis, subheadings);
            }

            if (Accept("minus"))
            {
                return NumberValue(out decimal percent) && Expect(Kind.Percent)
                    ? new ApplicableSubheadingRate(new AdValoremRate(-percent), DutyBasis.FullValue, subheadings)
                    : null;
            }

            return new ApplicableSubheadingRate(null, DutyBasis.FullValue, subheadings);
        }

        // content = "upon" "the" "value" "of" "the" ( "steel" | "aluminum" | "copper" | "non-U.S." ) "content"
        private bool Content(out DutyBasis basis)
        {
            basis = DutyBasis.FullValue;
            if (!ExpectWords(UponTheValueOfThe))
            {
                return false;
            }

            if (Accept("steel"))
            {
                basis = DutyBasis.SteelContent;
            }
            else if (Accept("aluminum"))
            {
                basis = DutyBasis.AluminumContent;
            }
            else if (Accept("copper"))
            {
                basis = DutyBasis.CopperContent;
            }
            else if (Is(_token, "non"))
            {
                if (!ExpectWords(NonUs))
                {
                    return false;
                }

                basis = DutyBasis.NonUsContent;
            }
            else
            {
                return Fail(RateErrorMessages.Content);
            }

            return Expect("content");
        }

        // reference = opening { TOKEN }: to the end of the text, or in the Special column to a program list.
        // Parentheses inside must balance ("See U.S. note 3(e)"). HTS codes, and a four-digit number after "heading",
        // are collected as the headings referred to.
        private Rate? Reference(RateToken start)
        {
            _token = start;
            ImmutableArray<HtsCode>.Builder? headings = null;
            int depth = 0;
            int end = start.Position;
            bool afterHeadingWord = false;
            while (_token.Kind != Kind.End && !(depth == 0 && _column == RateColumn.Special && StartsPrograms(_token)))
            {
                if (_token.Kind == Kind.LeftParenthesis)
                {
                    depth++;
                }
                else if (_token.Kind == Kind.RightParenthesis && --depth < 0)
                {
                    return Fail<Rate>(_column == RateColumn.Special ? RateErrorMessages.ProgramListOrEnd : RateErrorMessages.EndOfText);
                }
                else if ((_token.Kind == Kind.Code || (afterHeadingWord && _token.Kind == Kind.Number && _token.Length == 4))
                         && HtsCode.TryParse(_token.TextIn(_input), null, out HtsCode code))
                {
                    (headings ??= ImmutableArray.CreateBuilder<HtsCode>()).Add(code);
                }

                afterHeadingWord = Is(_token, "heading") || Is(_token, "headings");
                end = _token.End;
                Advance();
            }

            if (depth > 0)
            {
                return Fail<Rate>(RateErrorMessages.ClosingParenthesis);
            }

            return new ReferenceRate(Join(start, end, joinUnit: false), headings?.ToImmutable() ?? ImmutableArray<HtsCode>.Empty);
        }

        // rate-sum = term { ( "+" | "plus" ) term } | sugar-degree
        private Rate? RateSum()
        {
            Rate? first = Term();
            if (first is SpecificRate specific && Is(_token, "less"))
            {
                return SugarDegree(specific);
            }

            if (first is null || !IsPlus(_token))
            {
                return first;
            }

            ImmutableArray<Rate>.Builder parts = ImmutableArray.CreateBuilder<Rate>();
            parts.Add(first);
            while (AcceptPlus())
            {
                Rate? part = Term();
                if (part is null)
                {
                    return null;
                }

                parts.Add(part);
            }

            return new CompoundRate(parts.ToImmutable());
        }

        // sugar-degree = specific "less" specific "for each degree under 100 degrees (and fractions of a degree in
        //                proportion) but not less" [ "than" ] specific
        private Rate? SugarDegree(SpecificRate atHundredDegrees)
        {
            Advance();
            SpecificRate? perDegree = Specific();
            if (perDegree is null || !ExpectWords(SugarDegreeWords))
            {
                return null;
            }

            Accept("than");
            SpecificRate? minimum = Specific();
            return minimum is null ? null : new SugarDegreeRate(atHundredDegrees, perDegree, minimum);
        }

        // term = ad-valorem | specific
        private Rate? Term()
        {
            if (_token.Kind == Kind.Number)
            {
                RateToken next = Next(_token);
                if (next.Kind is Kind.Percent or Kind.Number || Is(next, "percent"))
                {
                    return AdValorem();
                }

                if (next.Kind != Kind.Cent)
                {
                    _token = next;
                    return Fail<Rate>(RateErrorMessages.PercentOrCent);
                }
            }
            else if (_token.Kind != Kind.Dollar)
            {
                return Fail<Rate>(RateErrorMessages.Number);
            }

            return Specific();
        }

        // ad-valorem = percentage ( "%" | "percent" ) [ basis ]
        private AdValoremRate? AdValorem()
        {
            if (!Percentage(out decimal percent))
            {
                return null;
            }

            if (!Accept(Kind.Percent) && !Accept("percent"))
            {
                return Fail<AdValoremRate>(RateErrorMessages.PercentSign);
            }

            return new AdValoremRate(percent, Basis());
        }

        // percentage = NUMBER [ NUMBER "/" NUMBER ]   (a mixed fraction: "33 1/3", held to a decimal's precision)
        private bool Percentage(out decimal percent)
        {
            if (!NumberValue(out percent))
            {
                return false;
            }

            if (_token.Kind != Kind.Number)
            {
                return true;
            }

            if (!NumberValue(out decimal numerator) || !Expect(Kind.Slash))
            {
                return false;
            }

            if (_token.Kind == Kind.Number && Is(_token, "0"))
            {
                return Fail(RateErrorMessages.Denominator);
            }

            if (!NumberValue(out decimal denominator))
            {
                return false;
            }

            percent += numerator / denominator;
            return true;
        }

        // specific = amount ( "/" unit | "each" ) [ basis ]
        // amount = "$" NUMBER | NUMBER "¢"
        private SpecificRate? Specific()
        {
            bool dollars = Accept(Kind.Dollar);
            if (!NumberValue(out decimal amount) || (!dollars && !Expect(Kind.Cent)))
            {
                return null;
            }

            UnitOfMeasure unit = UnitOfMeasure.Number;
            if (Accept(Kind.Slash))
            {
                if (!Unit(out unit))
                {
                    return null;
                }
            }
            else if (!Accept("each"))
            {
                return Fail<SpecificRate>(RateErrorMessages.SlashOrEach);
            }

            return new SpecificRate(dollars ? amount : amount * 0.01m, unit, !dollars, Basis());
        }

        // unit = unit-token { unit-token }: words other than the stop words, numbers, ".", "/" and "-",
        // joined without the spaces around "/" and without line-break hyphens ("thou- sand"), then normalised.
        private bool Unit(out UnitOfMeasure unit)
        {
            unit = default;
            RateToken first = _token;
            int end = first.Position;
            while (IsUnitToken(_token))
            {
                end = _token.End;
                Advance();
            }

            return (end > first.Position && UnitOfMeasure.TryParse(Join(first, end, joinUnit: true), out unit))
                || Fail(RateErrorMessages.Unit);
        }

        private readonly bool IsUnitToken(RateToken token) => token.Kind switch
        {
            Kind.Number or Kind.Period or Kind.Slash or Kind.Hyphen => true,
            Kind.Word => !IsAny(token, UnitStopWords),
            _ => false,
        };

        // basis = ( "on" | "of" | "over" | [ "," ] "including" ) { TOKEN }, to "+", "plus", a program list, a final
        // "." or the end; kept as printed, spaces collapsed.
        private string? Basis()
        {
            if (_token.Kind == Kind.Comma && Is(Next(_token), "including"))
            {
                Advance();
            }
            else if (!(Is(_token, "on") || Is(_token, "of") || Is(_token, "over") || Is(_token, "including")))
            {
                return null;
            }

            RateToken first = _token;
            int end = first.Position;
            while (!EndsBasis(_token))
            {
                end = _token.End;
                Advance();
            }

            return Join(first, end, joinUnit: false);
        }

        private readonly bool EndsBasis(RateToken token) =>
            token.Kind is Kind.End or Kind.Plus
            || Is(token, "plus")
            || (token.Kind == Kind.Period && Next(token).Kind == Kind.End)
            || StartsPrograms(token);

        // The text of the tokens from first up to end, with one space wherever the input had white space. For a unit,
        // no space around "/" and line-break hyphens removed: "line/ gross" is "line/gross", "thou- sand" is "thousand".
        private readonly string Join(RateToken first, int end, bool joinUnit)
        {
            int room = end - first.Position;
            Span<char> buffer = room <= 256 ? stackalloc char[256] : new char[room];
            int length = 0;
            RateToken previous = default;
            for (RateToken token = first; token.Kind != Kind.End && token.Position < end; token = Next(token))
            {
                bool space = length > 0 && token.FollowsSpace;
                if (joinUnit && length > 0)
                {
                    if (previous.Kind == Kind.Hyphen && token.FollowsSpace && !previous.FollowsSpace)
                    {
                        length--;
                        space = false;
                    }
                    else if (previous.Kind == Kind.Slash || token.Kind == Kind.Slash)
                    {
                        space = false;
                    }
                }

                if (space)
                {
                    buffer[length++] = ' ';
                }

                token.TextIn(_input).CopyTo(buffer[length..]);
                length += token.Length;
                previous = token;
            }

            return new string(buffer[..length]);
        }

        private bool NumberValue(out decimal value)
        {
            value = 0m;
            if (_token.Kind != Kind.Number)
            {
                return Fail(RateErrorMessages.Number);
            }

            if (!decimal.TryParse(_token.TextIn(_input), NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands,
                    CultureInfo.InvariantCulture, out value))
            {
                return Fail(RateErrorMessages.NumberInRange);
            }

            Advance();
            return true;
        }

        private void Advance() => _token = Next(_token);

        private readonly RateToken Next(RateToken token) => RateTokenizer.Read(_input, token.End);

        private readonly bool Is(RateToken token, string text) => token.Is(_input, text);

        private readonly bool IsAny(RateToken token, string[] texts)
        {
            foreach (string text in texts)
            {
                if (Is(token, text))
                {
                    return true;
                }
            }

            return false;
        }

        private readonly bool IsPlus(RateToken token) => token.Kind == Kind.Plus || Is(token, "plus");

        private bool AcceptPlus()
        {
            if (!IsPlus(_token))
            {
                return false;
            }

            Advance();
            return true;
        }

        private bool Accept(Kind kind)
        {
            if (_token.Kind != kind)
            {
                return false;
            }

            Advance();
            return true;
        }

        private bool Accept(string text)
        {
            if (!Is(_token, text))
            {
                return false;
            }

            Advance();
            return true;
        }

        private bool Expect(Kind kind) => Accept(kind) || Fail(kind.DisplayName());

        private bool Expect(string text) => Accept(text) || Fail(RateErrorMessages.Quote(text));

        private bool ExpectWords(string[] texts)
        {
            foreach (string text in texts)
            {
                if (!Expect(text))
                {
                    return false;
                }
            }

            return true;
        }

        // Records the error at the current token (the first error wins) and returns false.
        private bool Fail(string expected)
        {
            if (_expected is null)
            {
                _errorPosition = _token.Position;
                _expected = expected;
                _found = _token.Kind == Kind.End ? RateErrorMessages.EndOfText : RateErrorMessages.Quote(_token.TextIn(_input));
            }

            return false;
        }

        private T? Fail<T>(string expected)
            where T : class
        {
            Fail(expected);
            return null;
        }
    }
}
