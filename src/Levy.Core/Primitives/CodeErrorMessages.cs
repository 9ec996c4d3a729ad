namespace Levy.Core.Primitives;

/// <summary>Message templates for errors in HTS codes and country codes, kept in one place so tests can assert against them.</summary>
internal static class CodeErrorMessages
{
    internal const string EmptyCode = "An HTS code is required (e.g. 8703.23.01.90).";
    internal const string TooManyDigits = "\"{0}\" is not an HTS code: it has more than 10 digits.";
    internal const string BadSeparator = "\"{0}\" is not an HTS code: separators must sit between digits (e.g. 8703.23.01.90).";
    internal const string BadCharacter = "\"{0}\" is not an HTS code: '{1}' is not a digit or separator.";
    internal const string OddLength = "\"{0}\" is not an HTS code: it has {1} digits; a code has 2, 4, 6, 8 or 10.";
    internal const string BadCountryCode = "\"{0}\" is not an ISO 3166-1 alpha-2 country code (two letters, e.g. JP).";
}
