using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Levy.Core.Primitives;

namespace Levy.Core.Inputs;

/// <summary>One input a user gives Levy: its name on each surface (option, API parameter, batch column), what kind of
/// value it takes, its bounds, and how it is read, with the reason a bad value is refused.</summary>
/// <remarks>
/// <para>The instances live in <see cref="UserInputs"/>, the one table the command line, the web API and the batch
/// readers read their values through, so that the same value is accepted or refused, with the same words, everywhere.
/// The readers never throw on bad text: they return false and the reason (<see cref="InputMessages"/>), which
/// <see cref="Message"/> turns into a sentence naming the input as the surface calls it.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class InputField
{
    private const int ShownCharacters = 60;

    private FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _choices;

    /// <summary>Creates an input.</summary>
    /// <param name="key">The input's name in the table (for documentation and tests).</param>
    /// <param name="kind">What kind of value it takes.</param>
    public InputField(string key, InputKind kind)
    {
        Key = key;
        Kind = kind;
        Choices = FrozenDictionary<string, string>.Empty;
    }

    /// <summary>The input's name in the table.</summary>
    public string Key { get; }

    /// <summary>What kind of value it takes.</summary>
    public InputKind Kind { get; }

    /// <summary>The option or argument of <c>levy</c> (<c>--value</c>), or null.</summary>
    public string? Cli { get; init; }

    /// <summary>The query parameter of the web API (<c>value</c>), or null.</summary>
    public string? Api { get; init; }

    /// <summary>The batch column (<c>value</c>), or null.</summary>
    public string? Batch { get; init; }

    /// <summary>The least number accepted (<see cref="InputKind.Number"/>, <see cref="InputKind.Integer"/>).</summary>
    public decimal Min { get; init; }

    /// <summary>The largest number accepted (amounts, quantities, numbers, integers).</summary>
    public decimal Max { get; init; } = decimal.MaxValue;

    /// <summary>The longest text accepted (<see cref="InputKind.Text"/>, <see cref="InputKind.Name"/>).</summary>
    public int MaxLength { get; init; } = int.MaxValue;

    /// <summary>The fewest digits of an HTS code (8 where a quote needs a statistical or tariff line).</summary>
    public int MinDigits { get; init; } = 2;

    /// <summary>True when the input may be given more than once (<c>--quantity</c>, <c>--declare</c>).</summary>
    public bool Repeatable { get; init; }

    /// <summary>For <see cref="InputKind.Choice"/>: every accepted spelling (any case) and the choice it means.</summary>
    public FrozenDictionary<string, string> Choices
    {
        get;
        init
        {
            field = value;
            _choices = value.GetAlternateLookup<ReadOnlySpan<char>>();
        }
    }

    /// <summary>For <see cref="InputKind.Choice"/>: what a refused value is not, naming the choices (<c>a mode of transport:
    /// expected vessel, air, truck, rail, mail or other</c>).</summary>
    public string ChoicePhrase { get; init; } = string.Empty;

    /// <summary>The same input with a lower bound on its largest value (a host's setting, such as the API's most search
    /// results).</summary>
    /// <param name="max">The largest value accepted.</param>
    public InputField WithMax(decimal max) => new(Key, Kind)
    {
        Cli = Cli, Api = Api, Batch = Batch, Min = Min, Max = Math.Min(Max, max), MaxLength = MaxLength, MinDigits = MinDigits,
        Repeatable = Repeatable, Choices = Choices, ChoicePhrase = ChoicePhrase,
    };

    /// <summary>The input's name on a surface, or null when the surface does not take it.</summary>
    public string? NameOn(InputSurface surface) => surface switch
    {
        InputSurface.Cli => Cli,
        InputSurface.Api => Api,
        _ => Batch,
    };

    /// <summary>The sentence a user reads: the input's name on the surface, then the reason (<c>--value "abc" is not an
    /// amount in USD …</c>).</summary>
    /// <param name="surface">Where the value was given.</param>
    /// <param name="reason">What a reader returned.</param>
    public string Message(InputSurface surface, string reason) => $"{NameOn(surface) ?? Key} {reason}";

    /// <summary>Reads an <see cref="InputKind.Amount"/>, <see cref="InputKind.Share"/> or <see cref="InputKind.Number"/>.</summary>
    /// <param name="text">The text (spaces around it are ignored).</param>
    /// <param name="value">The number (a share as a fraction: <c>40%</c> is 0.4).</param>
    /// <param name="reason">Why the text was refused.</param>
    /// <exception cref="InvalidOperationException">The input does not take a number.</exception>
    public bool TryRead(ReadOnlySpan<char> text, out decimal value, [NotNullWhen(false)] out string? reason)
    {
        ReadOnlySpan<char> t = text.Trim();
        NumberReading reading = ExcelNumber.Read(t, out value, out bool percent);
        reason = Kind switch
        {
            _ when t.IsEmpty => InputMessages.Blank,
            InputKind.Amount => reading switch
            {
                NumberReading.NotANumber => Say(InputMessages.NotAnAmount, t),
                NumberReading.TooLarge => Say(InputMessages.AboveMaximum, t, Max),
                _ when percent => Say(InputMessages.PercentForAmount, t),
                _ when value < 0m => InputMessages.Format(InputMessages.Negative, value),
                _ when value > Max => Say(InputMessages.AboveMaximum, t, Max),
                _ => null,
            },
            InputKind.Share => reading != NumberReading.Number || value is < 0m or > 1m ? Say(InputMessages.NotAShare, t) : null,
            InputKind.Number => reading switch
            {
                NumberReading.NotANumber => Say(InputMessages.NotANumber, t),
                _ when percent => Say(InputMessages.NotANumber, t),
                NumberReading.TooLarge => Say(InputMessages.AboveMaximum, t, Max),
                _ when value < Min && Min == 0m => InputMessages.Format(InputMessages.Negative, value),
                _ when value < Min => Say(InputMessages.NotANumberInRange, t, Min, Max),
                _ when value > Max => Say(InputMessages.AboveMaximum, t, Max),
                _ => null,
            },
            _ => throw new InvalidOperationException($"{Key} does not take a number."),
        };
        if (reason is not null)
        {
            value = 0m;
        }

        return reason is null;
    }

    /// <summary>Reads an <see cref="InputKind.Integer"/>.</summary>
    /// <inheritdoc cref="TryRead(ReadOnlySpan{char}, out decimal, out string?)"/>
    public bool TryRead(ReadOnlySpan<char> text, out int value, [NotNullWhen(false)] out string? reason)
    {
        ReadOnlySpan<char> t = text.Trim();
        value = 0;
        reason = t.IsEmpty ? InputMessages.Blank
            : int.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value) && value >= Min && value <= Max ? null
            : Say(InputMessages.NotAnInteger, t, Min, Max);
        if (reason is not null)
        {
            value = 0;
        }

        return reason is null;
    }

    /// <summary>Reads an <see cref="InputKind.Date"/> (yyyy-MM-dd).</summary>
    /// <inheritdoc cref="TryRead(ReadOnlySpan{char}, out decimal, out string?)"/>
    public bool TryRead(ReadOnlySpan<char> text, out DateOnly value, [NotNullWhen(false)] out string? reason)
    {
        ReadOnlySpan<char> t = text.Trim();
        value = default;
        reason = t.IsEmpty ? InputMessages.Blank
            : DateOnly.TryParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value) ? null
            : Say(InputMessages.NotADate, t);
        if (reason is not null)
        {
            value = default;
        }

        return reason is null;
    }

    /// <summary>Reads an <see cref="InputKind.HtsCode"/> of at least <see cref="MinDigits"/> digits.</summary>
    /// <inheritdoc cref="TryRead(ReadOnlySpan{char}, out decimal, out string?)"/>
    public bool TryRead(ReadOnlySpan<char> text, out HtsCode value, [NotNullWhen(false)] out string? reason)
    {
        ReadOnlySpan<char> t = text.Trim();
        value = default;
        reason = t.IsEmpty ? InputMessages.Blank
            : HtsCode.TryParse(t, null, out value) && value.Length >= MinDigits ? null
            : Say(MinDigits >= 8 ? InputMessages.NotAnHtsCode : InputMessages.NotAnHtsPrefix, t);
        if (reason is not null)
        {
            value = default;
        }

        return reason is null;
    }

    /// <summary>Reads an <see cref="InputKind.Quantity"/>: a number up to <see cref="Max"/> and its unit (<c>1000kg</c>,
    /// <c>1,000 kg</c>, <c>1e3 kg</c>, <c>12 doz.</c>).</summary>
    /// <inheritdoc cref="TryRead(ReadOnlySpan{char}, out decimal, out string?)"/>
    public bool TryRead(ReadOnlySpan<char> text, out Quantity value, [NotNullWhen(false)] out string? reason)
    {
        ReadOnlySpan<char> t = text.Trim();
        value = default;
        if (t.IsEmpty)
        {
            reason = InputMessages.Blank;
            return false;
        }

        if (!Quantity.TrySplit(t, out ReadOnlySpan<char> number, out ReadOnlySpan<char> unitText)
            || !UnitOfMeasure.TryParse(unitText.ToString(), out UnitOfMeasure unit))
        {
            reason = Say(InputMessages.NotAQuantity, t);
            return false;
        }

        NumberReading reading = ExcelNumber.Read(number, out decimal amount, out _);
        reason = reading switch
        {
            NumberReading.NotANumber => Say(InputMessages.NotAQuantity, t),
            NumberReading.TooLarge => Say(InputMessages.AboveMaximum, t, Max),
            _ when amount > Max => Say(InputMessages.AboveMaximum, t, Max),
            _ => null,
        };
        if (reason is null)
        {
            value = new Quantity(amount, unit);
        }

        return reason is null;
    }

    /// <summary>Reads an <see cref="InputKind.Choice"/>: any accepted spelling, in any case.</summary>
    /// <param name="text">The text.</param>
    /// <param name="choice">The choice it means, as <see cref="Choices"/> names it.</param>
    /// <param name="reason">Why the text was refused.</param>
    public bool TryReadChoice(ReadOnlySpan<char> text, [NotNullWhen(true)] out string? choice, [NotNullWhen(false)] out string? reason)
    {
        ReadOnlySpan<char> t = text.Trim();
        choice = null;
        reason = t.IsEmpty ? InputMessages.Blank
            : _choices.TryGetValue(t, out choice) ? null
            : Say(InputMessages.NotAChoice, t, ChoicePhrase);
        if (reason is not null)
        {
            choice = null;
        }

        return reason is null;
    }

    /// <summary>Reads <see cref="InputKind.Text"/>, a <see cref="InputKind.Name"/> or a <see cref="InputKind.Program"/>:
    /// at most <see cref="MaxLength"/> characters, none of them a byte the UTF-8 decoder could not read.</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The text without the spaces around it (a program upper-cased).</param>
    /// <param name="reason">Why the text was refused.</param>
    public bool TryReadText(ReadOnlySpan<char> text, [NotNullWhen(true)] out string? value, [NotNullWhen(false)] out string? reason)
    {
        ReadOnlySpan<char> t = text.Trim();
        value = null;
        reason = t.IsEmpty ? InputMessages.Blank
            : Kind == InputKind.Program && !IsProgram(t) ? Say(InputMessages.NotAProgram, t)
            : t.Length > MaxLength ? InputMessages.Format(InputMessages.TooLong, t.Length, MaxLength)
            : t.Contains('\uFFFD') ? InputMessages.NotUtf8
            : null;
        if (reason is null)
        {
            value = Kind == InputKind.Program ? t.ToString().ToUpperInvariant() : t.ToString();
        }

        return reason is null;
    }

    /// <summary>True when a text holds a byte the UTF-8 decoder could not read (U+FFFD).</summary>
    public static bool HasUndecodedBytes(ReadOnlySpan<char> text) => text.Contains('\uFFFD');

    private static bool IsProgram(ReadOnlySpan<char> t)
    {
        if (t.Length is < 1 or > 3 || !char.IsAsciiLetter(t[0]))
        {
            return false;
        }

        foreach (char c in t)
        {
            if (!char.IsAsciiLetter(c) && c is not ('+' or '*'))
            {
                return false;
            }
        }

        return true;
    }

    // The text as a message shows it: at most 60 characters, so a megabyte of garbage is not echoed back.
    private static string Say(string template, ReadOnlySpan<char> text, params object?[] more)
    {
        string shown = text.Length <= ShownCharacters ? text.ToString() : string.Concat(text[..(ShownCharacters - 1)], "…");
        return InputMessages.Format(template, [shown, .. more]);
    }
}
