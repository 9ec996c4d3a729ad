using System.Text.Json;
using System.Text.Json.Serialization;
using Levy.Core.Primitives;
using Levy.Core.Schedule;

namespace Levy.Cli.Rendering;

/// <summary>Writes Levy's value types (HTS codes, country codes, revision ids, units) as their canonical strings in JSON.</summary>
internal sealed class ToStringJsonConverterFactory : JsonConverterFactory
{
    private static readonly Type[] Types = [typeof(HtsCode), typeof(CountryCode), typeof(HtsRevisionId), typeof(UnitOfMeasure)];

    public override bool CanConvert(Type typeToConvert) => Types.Contains(typeToConvert);

    public override JsonConverter? CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter?)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert));

    private sealed class Converter<T> : JsonConverter<T>
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("Levy writes these types; it does not read them back from JSON here.");

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteStringValue(typeof(T) == typeof(HtsRevisionId) ? ((HtsRevisionId)(object)value!).ShortName : value!.ToString());
    }
}
