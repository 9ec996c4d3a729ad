using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Levy.Cli.Tests;

/// <summary>The CLI writes JSON through source-generated metadata only (Native AOT has no reflection-based serialization),
/// so that a type left out of <see cref="CliJsonContext"/> fails here, in the ordinary test run, and not in the published tool.</summary>
public class CliJsonTests
{
    [Fact]
    public void JsonOptions_ResolveTypesThroughTheSourceGeneratedContextOnly()
    {
        Assert.Same(CliJsonContext.Default, CliContext.JsonOptions.TypeInfoResolver);
        Assert.Same(CliJsonContext.Default, Assert.Single(CliContext.JsonOptions.TypeInfoResolverChain));
    }

    [Fact]
    public void Serialize_TypeNotInTheContext_Throws()
    {
        NotSupportedException named = Assert.Throws<NotSupportedException>(() => CliContext.Serialize(new Unlisted("x")));
        Assert.Contains(nameof(Unlisted), named.Message, StringComparison.Ordinal);
        Assert.Throws<NotSupportedException>(() => CliContext.Serialize(new { name = "x" }));
    }

    [Fact]
    public void WriteJson_TypeInTheContext_WritesIndentedCamelCaseWithoutNulls()
    {
        string json = CliContext.Serialize(new Levy.Cli.Commands.DiffLineView("8703.23.01.90", "Cars", null));

        Assert.Equal("{\n  \"code\": \"8703.23.01.90\",\n  \"description\": \"Cars\"\n}", json.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void EveryEnumInTheContext_IsWrittenAsItsCamelCaseName()
    {
        // An enum reached from a listed type gets a numeric converter unless CliJsonContext.EnumConverters names it.
        var enums = typeof(CliJsonContext).GetProperties()
            .Select(p => p.PropertyType)
            .Where(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(JsonTypeInfo<>) && t.GetGenericArguments()[0].IsEnum)
            .Select(t => t.GetGenericArguments()[0])
            .ToList();

        Assert.NotEmpty(enums);
        foreach (Type type in enums)
        {
            JsonTypeInfo info = CliContext.JsonOptions.GetTypeInfo(type);
            foreach (object value in Enum.GetValues(type))
            {
                string expected = $"\"{JsonNamingPolicy.CamelCase.ConvertName(value.ToString()!)}\"";
                Assert.True(expected == JsonSerializer.Serialize(value, info), $"{type.Name}.{value} is written as {JsonSerializer.Serialize(value, info)}, not {expected}.");
            }
        }
    }

    /// <summary>A type the CLI never writes.</summary>
    internal sealed record Unlisted(string Name);
}
