using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Levy.Core.Primitives;
using Levy.Core.Schedule;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Levy.Web.Hosting;

/// <summary>Corrects what the OpenAPI generator cannot see from the types: Levy's value types travel as strings (their
/// converters are added at run time), and a nullable field is left out of the JSON rather than sent as null, so it is
/// not required.</summary>
internal static class OpenApiSchemas
{
    private static readonly Dictionary<Type, (string Pattern, string Example)> TextTypes = new()
    {
        [typeof(HtsCode)] = (@"^\d{2}(\d{2}(\.\d{2}(\.\d{2}(\.\d{2})?)?)?)?$", "8703.23.01.90"),
        [typeof(CountryCode)] = ("^[A-Z]{2}$", "JP"),
        [typeof(HtsRevisionId)] = (@"^\d{4}_(basic|rev_\d+)$", "2025_rev_12"),
        [typeof(UnitOfMeasure)] = (".+", "kg"),
    };

    internal static Task Transform(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (TextTypes.TryGetValue(Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type, out var text))
        {
            schema.Type = JsonSchemaType.String;
            schema.Pattern = text.Pattern;
            schema.Examples = [JsonValue.Create(text.Example)];
        }

        if (schema.Required is { Count: > 0 } required)
        {
            foreach (JsonPropertyInfo property in context.JsonTypeInfo.Properties)
            {
                if (property.IsGetNullable || Nullable.GetUnderlyingType(property.PropertyType) is not null)
                {
                    required.Remove(property.Name);
                }
            }
        }

        return Task.CompletedTask;
    }
}
