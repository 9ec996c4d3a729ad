using Levy.Core.Measures;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Levy.Data.Rulebook;

/// <summary>Reads rulebook YAML files into plain objects, with errors that name the file, line and column.</summary>
internal static class YamlRulebook
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    internal static T Read<T>(RulebookFiles files, string name)
    {
        string text = files.ReadText(name);
        try
        {
            return Deserializer.Deserialize<T>(text) ?? throw new RulebookException(name, 0, "the file is empty");
        }
        catch (YamlException ex)
        {
            throw new RulebookException(name, (int)ex.Start.Line, (int)ex.Start.Column, ex.InnerException?.Message ?? ex.Message);
        }
    }

    /// <summary>An error at the node a path leads to in a rulebook file, or at the deepest node of the path that exists.</summary>
    /// <param name="files">The rulebook files.</param>
    /// <param name="name">The file.</param>
    /// <param name="problem">What is wrong.</param>
    /// <param name="path">Mapping keys, and for sequences <c>key=value</c>: the item whose <c>key</c> is <c>value</c>, or
    /// whose <c>key</c> followed by a dash begins <c>value</c> (a measure of a family, <c>s232-steel-9903.81.87</c>).</param>
    internal static RulebookException ErrorAt(RulebookFiles files, string name, string problem, params string?[] path)
    {
        Mark? mark = Locate(files, name, path);
        return mark is { } m ? new RulebookException(name, (int)m.Line, (int)m.Column, problem) : new RulebookException(name, 0, problem);
    }

    /// <summary>Whether a path leads to a node of a rulebook file.</summary>
    internal static bool Has(RulebookFiles files, string name, params string?[] path) => Find(files, name, path) is { Complete: true };

    private static Mark? Locate(RulebookFiles files, string name, string?[] path) => Find(files, name, path)?.Node.Start;

    private static (YamlNode Node, bool Complete)? Find(RulebookFiles files, string name, string?[] path)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = new StringReader(files.ReadText(name));
            stream.Load(reader);
        }
        catch (Exception ex) when (ex is YamlException or FileNotFoundException)
        {
            return null;
        }

        if (stream.Documents.Count == 0)
        {
            return null;
        }

        YamlNode node = stream.Documents[0].RootNode;
        foreach (string? segment in path)
        {
            YamlNode? next = segment is null ? node : Step(node, segment);
            if (next is null)
            {
                return (node, false);
            }

            node = next;
        }

        return (node, true);
    }

    private static YamlNode? Step(YamlNode node, string segment)
    {
        switch (node)
        {
            case YamlMappingNode map:
                return map.Children.TryGetValue(new YamlScalarNode(segment), out YamlNode? value) ? value : null;
            case YamlSequenceNode seq when segment.IndexOf('=') is var eq and > 0:
                string key = segment[..eq], wanted = segment[(eq + 1)..];
                YamlNode? prefixed = null;
                foreach (YamlNode item in seq.Children)
                {
                    if (item is YamlMappingNode m && m.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? v) && v is YamlScalarNode { Value: { } s })
                    {
                        if (s == wanted)
                        {
                            return item;
                        }

                        if (wanted.StartsWith(s + "-", StringComparison.Ordinal) && (prefixed is null || s.Length > ((YamlScalarNode)((YamlMappingNode)prefixed)[key]).Value!.Length))
                        {
                            prefixed = item;
                        }
                    }
                }

                return prefixed;
            case YamlSequenceNode seq when int.TryParse(segment, out int index) && index >= 0 && index < seq.Children.Count:
                return seq.Children[index];
            default:
                return null;
        }
    }

    /// <summary>The path of a problem found by <see cref="Core.Measures.Rulebook.Validate"/> within measures.yaml, or within
    /// the list of a scenario's added measures when <paramref name="measures"/> is <c>add</c>.</summary>
    internal static string?[] PathOf(RulebookProblem problem, string measures = "measures") => problem.Section switch
    {
        "measures" => [measures, $"id={problem.Subject}", problem.Field],
        "slots" when problem.Subject is not null => ["slots", $"name={problem.Subject}", problem.Field],
        "engine" => ["engine", .. (problem.Field ?? string.Empty).Split('.', StringSplitOptions.RemoveEmptyEntries)],
        _ => [problem.Section],
    };
}

/// <summary>Thrown when a rulebook file cannot be read or contradicts itself.</summary>
public sealed class RulebookException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="file">The rulebook file.</param>
    /// <param name="line">The line (from 1), or 0 when the problem has no place in the file.</param>
    /// <param name="column">The column (from 1), or 0.</param>
    /// <param name="problem">What is wrong.</param>
    public RulebookException(string file, int line, int column, string problem)
        : base(line <= 0 ? $"rulebook/{file}: {problem}"
            : column <= 0 ? $"rulebook/{file}, line {line}: {problem}"
            : $"rulebook/{file}, line {line}, column {column}: {problem}")
    {
        File = file;
        Line = line;
        Column = column;
    }

    /// <summary>Creates the exception.</summary>
    public RulebookException(string file, int line, string problem)
        : this(file, line, 0, problem)
    {
    }

    /// <summary>The rulebook file.</summary>
    public string File { get; }

    /// <summary>The line (from 1), or 0.</summary>
    public int Line { get; }

    /// <summary>The column (from 1), or 0.</summary>
    public int Column { get; }
}
