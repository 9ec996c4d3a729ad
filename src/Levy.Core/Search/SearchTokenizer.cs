namespace Levy.Core.Search;

/// <summary>Splits description text into search terms: lower case, letters and digits only, simple English plural
/// folding (<c>vehicles</c> → <c>vehicle</c>, <c>batteries</c> → <c>battery</c>), stop words dropped.</summary>
/// <remarks>Thread-safe.</remarks>
internal static class SearchTokenizer
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "or", "of", "the", "for", "in", "on", "to", "with", "by", "other", "than", "not", "but", "its",
        "as", "at", "be", "is", "are", "from", "this", "that", "which", "whether", "nesoi",
    };

    internal static List<string> Terms(string text)
    {
        var terms = new List<string>();
        int i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !char.IsLetterOrDigit(text[i]))
            {
                i++;
            }

            int start = i;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || (text[i] == '.' && i + 1 < text.Length && char.IsDigit(text[i + 1]) && i > start && char.IsDigit(text[i - 1]))))
            {
                i++;
            }

            if (i > start)
            {
                string term = Normalize(text.AsSpan(start, i - start));
                if (term.Length > 0 && !StopWords.Contains(term))
                {
                    terms.Add(term);
                }
            }
        }

        return terms;
    }

    private static string Normalize(ReadOnlySpan<char> word)
    {
        Span<char> lower = stackalloc char[word.Length];
        int n = word.ToLowerInvariant(lower);
        ReadOnlySpan<char> w = lower[..n];
        if (w.Length > 4 && w.EndsWith("ies"))
        {
            return string.Concat(w[..^3], "y");
        }

        if (w.Length > 4 && (w.EndsWith("ches") || w.EndsWith("shes") || w.EndsWith("sses") || w.EndsWith("xes")))
        {
            return w[..^2].ToString();
        }

        if (w.Length > 3 && w[^1] == 's' && w[^2] is not ('s' or 'u' or 'i'))
        {
            return w[..^1].ToString();
        }

        return w.ToString();
    }
}
