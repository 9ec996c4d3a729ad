using System.Net;
using System.Text;

namespace Levy.Core.Text;

/// <summary>Removes the HTML markup that some HTS revisions put in text fields (<c>&lt;i&gt;</c>, <c>&lt;sup&gt;</c>, <c>&lt;il&gt;</c>…).</summary>
/// <remarks>
/// 2026 Revision 9 added markup to about 1,500 rows and Revision 10 removed it again (docs/domain.md, "The schedule").
/// Superscript 2 and 3 become <c>²</c> and <c>³</c> so that <c>m&lt;sup&gt;2&lt;/sup&gt;</c> reads <c>m²</c>.
/// Entities are decoded. Thread-safe.
/// </remarks>
public static class Markup
{
    /// <summary>The text without tags, with entities decoded; the same instance when there was nothing to remove.</summary>
    public static string Strip(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.IndexOf('<') < 0 && text.IndexOf('&') < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '<')
            {
                int close = text.IndexOf('>', i + 1);
                if (close < 0)
                {
                    sb.Append(text, i, text.Length - i);
                    break;
                }

                ReadOnlySpan<char> tag = text.AsSpan(i + 1, close - i - 1);
                if (IsTag(tag))
                {
                    if (tag.StartsWith("sup", StringComparison.OrdinalIgnoreCase) && close + 2 < text.Length
                        && text.AsSpan(close + 1).StartsWith("2</sup>", StringComparison.OrdinalIgnoreCase))
                    {
                        sb.Append('²');
                        i = close + 1 + "2</sup>".Length;
                        continue;
                    }

                    if (tag.StartsWith("sup", StringComparison.OrdinalIgnoreCase) && close + 2 < text.Length
                        && text.AsSpan(close + 1).StartsWith("3</sup>", StringComparison.OrdinalIgnoreCase))
                    {
                        sb.Append('³');
                        i = close + 1 + "3</sup>".Length;
                        continue;
                    }

                    i = close + 1;
                    continue;
                }
            }

            sb.Append(c);
            i++;
        }

        string result = sb.ToString();
        return result.IndexOf('&') >= 0 ? WebUtility.HtmlDecode(result) : result;
    }

    private static bool IsTag(ReadOnlySpan<char> inner)
    {
        if (inner.IsEmpty)
        {
            return false;
        }

        int start = inner[0] == '/' ? 1 : 0;
        return start < inner.Length && char.IsAsciiLetter(inner[start]);
    }
}
