using YamlDotNet.Core;
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
            throw new RulebookException(name, (int)ex.Start.Line, ex.InnerException?.Message ?? ex.Message);
        }
    }
}

/// <summary>Thrown when a rulebook file cannot be read or contradicts itself.</summary>
public sealed class RulebookException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RulebookException(string file, int line, string problem)
        : base(line > 0 ? $"rulebook/{file}, line {line}: {problem}" : $"rulebook/{file}: {problem}")
    {
        File = file;
        Line = line;
    }

    /// <summary>The rulebook file.</summary>
    public string File { get; }

    /// <summary>The line, or 0.</summary>
    public int Line { get; }
}
