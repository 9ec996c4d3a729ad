using System.CommandLine;
using System.CommandLine.Parsing;
using Levy.Core.Inputs;
using Levy.Core.Primitives;

namespace Levy.Cli;

/// <summary>Options and values of <c>levy</c> read through the input table (<see cref="UserInputs"/>), so that the
/// command line accepts and refuses what the API and the batch readers do, with the same words: a bad value is refused
/// with exit code 2 and <c>--value "abc" is not an amount in USD …</c>, never a .NET type name.</summary>
internal static class CliInputs
{
    /// <summary>An option taking a number of its input's kind (amount, share, number), refused by the table's reader.</summary>
    internal static Option<decimal?> Number(InputField input, string description) => new(input.Cli!)
    {
        Description = description,
        CustomParser = result => Parse(result, input, (string text, out decimal v, out string? reason) => input.TryRead(text, out v, out reason)),
    };

    /// <summary>A number option with a default.</summary>
    internal static Option<decimal> Number(InputField input, string description, decimal defaultValue) => new(input.Cli!)
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result => result.Tokens.Count == 0
            ? defaultValue
            : Parse(result, input, (string text, out decimal v, out string? reason) => input.TryRead(text, out v, out reason)) ?? defaultValue,
    };

    /// <summary>A whole-number option with a default, refused outside the input's bounds.</summary>
    internal static Option<int> Integer(InputField input, string description, int defaultValue, params string[] aliases) => new(input.Cli!, aliases)
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result => result.Tokens.Count == 0
            ? defaultValue
            : Parse(result, input, (string text, out int v, out string? reason) => input.TryRead(text, out v, out reason)) ?? defaultValue,
    };

    /// <summary>Reads a value of an option given as text, or throws the table's message.</summary>
    /// <exception cref="CliException">The value is refused (exit code 2).</exception>
    internal static decimal Amount(InputField input, string text) =>
        input.TryRead(text, out decimal value, out string? reason) ? value : throw Refused(input, reason);

    /// <summary>Reads a date option.</summary>
    /// <exception cref="CliException">The value is refused (exit code 2).</exception>
    internal static DateOnly Date(InputField input, string text) =>
        input.TryRead(text, out DateOnly value, out string? reason) ? value : throw Refused(input, reason);

    /// <summary>Reads an HTS code argument.</summary>
    /// <exception cref="CliException">The value is refused (exit code 2).</exception>
    internal static HtsCode Code(InputField input, string text) =>
        input.TryRead(text, out HtsCode value, out string? reason) ? value : throw Refused(input, reason);

    /// <summary>Reads a choice option; returns the choice as the table names it.</summary>
    /// <exception cref="CliException">The value is refused (exit code 2).</exception>
    internal static string Choice(InputField input, string text) =>
        input.TryReadChoice(text, out string? choice, out string? reason) ? choice : throw Refused(input, reason);

    /// <summary>Reads a program option (upper-cased).</summary>
    /// <exception cref="CliException">The value is refused (exit code 2).</exception>
    internal static string Program(InputField input, string text) =>
        input.TryReadText(text, out string? value, out string? reason) ? value : throw Refused(input, reason);

    /// <summary>Reads the repeatable <c>--quantity</c>: each through the table, then together (at most two, one per unit).</summary>
    /// <exception cref="CliException">A value is refused (exit code 2).</exception>
    internal static IReadOnlyList<Quantity> Quantities(IEnumerable<string>? texts)
    {
        var list = new List<Quantity>();
        foreach (string text in texts ?? [])
        {
            list.Add(UserInputs.Quantity.TryRead(text, out Quantity q, out string? reason) ? q : throw Refused(UserInputs.Quantity, reason));
        }

        return UserInputs.CheckQuantities(list) is { } problem ? throw Refused(UserInputs.Quantity, problem) : list;
    }

    /// <summary>Reads the repeatable <c>--declare</c>: each condition once.</summary>
    /// <exception cref="CliException">A condition is given twice (exit code 2).</exception>
    internal static IReadOnlyList<string> Conditions(IReadOnlyList<string>? texts)
    {
        IReadOnlyList<string> list = texts ?? [];
        return UserInputs.CheckDistinct(list) is { } problem ? throw Refused(UserInputs.Conditions, problem) : list;
    }

    /// <summary>The error for a refused value: the option's name and the table's reason, exit code 2.</summary>
    internal static CliException Refused(InputField input, string reason) => new(ExitCodes.InvalidInput, input.Message(InputSurface.Cli, reason) + ".");

    private delegate bool Reader<T>(string text, out T value, out string? reason);

    private static T? Parse<T>(ArgumentResult result, InputField input, Reader<T> read)
        where T : struct
    {
        string text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
        if (read(text, out T value, out string? reason))
        {
            return value;
        }

        result.AddError(input.Message(InputSurface.Cli, reason!) + ".");
        return null;
    }
}
