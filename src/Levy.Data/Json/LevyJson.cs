using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using Levy.Core.Primitives;
using Levy.Core.Schedule;

namespace Levy.Data.Json;

/// <summary>How Levy's hosts write JSON, so that <c>levy … --json</c> and the web API use the same field names and
/// value forms: camelCase names, enums as camelCase strings, nulls left out, and Levy's value types as their canonical
/// text (<c>"8703.23.01.90"</c>, <c>"JP"</c>, <c>"2025_rev_7"</c>, <c>"kg"</c>).</summary>
/// <remarks>Thread-safe.</remarks>
public static class LevyJson
{
    /// <summary>Adds the converters for enums and Levy's value types to <paramref name="converters"/>.</summary>
    /// <param name="converters">The converter list of a <see cref="JsonSerializerOptions"/>.</param>
    [RequiresDynamicCode("JsonStringEnumConverter builds its enum converters with MakeGenericType; under Native AOT use ConfigureForSourceGeneration.")]
    public static void AddConverters(ICollection<JsonConverter> converters)
    {
        ArgumentNullException.ThrowIfNull(converters);
        converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        AddValueConverters(converters);
    }

    /// <summary>Adds the converters for Levy's value types only, not the enum converter: what a host that serializes through
    /// source-generated metadata (Native AOT) adds, with one <see cref="CamelCaseEnumConverter{TEnum}"/> per enum it writes,
    /// since <see cref="JsonStringEnumConverter"/> builds its converters by reflection.</summary>
    /// <param name="converters">The converter list of a <see cref="JsonSerializerOptions"/>.</param>
    public static void AddValueConverters(ICollection<JsonConverter> converters)
    {
        ArgumentNullException.ThrowIfNull(converters);
        converters.Add(new TextConverter<HtsCode>(c => c.ToString(), HtsCode.Parse));
        converters.Add(new TextConverter<CountryCode>(c => c.Value, CountryCode.Parse));
        converters.Add(new TextConverter<HtsRevisionId>(r => r.ShortName, HtsRevisionId.Parse));
        converters.Add(new TextConverter<UnitOfMeasure>(u => u.Symbol, UnitOfMeasure.Parse));
    }

    /// <summary>Applies Levy's settings to <paramref name="options"/> (naming, null handling, numbers as JSON numbers only,
    /// converters).</summary>
    /// <param name="options">Options to change; usually built from <see cref="JsonSerializerDefaults.Web"/>.</param>
    /// <returns>The same options.</returns>
    [RequiresDynamicCode("JsonStringEnumConverter builds its enum converters with MakeGenericType; under Native AOT use ConfigureForSourceGeneration.")]
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        ApplySettings(options);
        AddConverters(options.Converters);
        return options;
    }

    /// <summary>Applies Levy's settings to <paramref name="options"/> as <see cref="Configure"/> does, but without the
    /// reflection-based enum converter (see <see cref="AddValueConverters"/>), so that the options work under Native AOT
    /// with a source-generated <see cref="JsonSerializerOptions.TypeInfoResolver"/>.</summary>
    /// <param name="options">Options to change; usually built from <see cref="JsonSerializerDefaults.Web"/>.</param>
    /// <param name="enumConverters">One <see cref="CamelCaseEnumConverter{TEnum}"/> for each enum type the host writes.</param>
    /// <returns>The same options.</returns>
    public static JsonSerializerOptions ConfigureForSourceGeneration(JsonSerializerOptions options, IEnumerable<JsonConverter> enumConverters)
    {
        ArgumentNullException.ThrowIfNull(enumConverters);
        ApplySettings(options);
        foreach (JsonConverter converter in enumConverters)
        {
            options.Converters.Add(converter);
        }

        AddValueConverters(options.Converters);
        return options;
    }

    private static void ApplySettings(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.NumberHandling = JsonNumberHandling.Strict;
    }

    /// <summary>Writes a value as text and reads it back with the type's parser (a bad text is a <see cref="JsonException"/>).</summary>
    private sealed class TextConverter<T>(Func<T, string> format, Func<string, T> parse) : JsonConverter<T>
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            string text = reader.GetString() ?? throw new JsonException($"Expected a string for {typeof(T).Name}.");
            try
            {
                return parse(text);
            }
            catch (Exception e) when (e is FormatException or ArgumentException)
            {
                throw new JsonException(e.Message, e);
            }
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(format(value));
    }
}

/// <summary>Writes an enum as its camelCase name and reads it back, as <see cref="LevyJson.AddConverters"/>' enum converter
/// does, but for one enum type known at compile time: safe under Native AOT, where <see cref="JsonStringEnumConverter"/>
/// cannot build its converters.</summary>
/// <typeparam name="TEnum">The enum type.</typeparam>
public sealed class CamelCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.CamelCase)
    where TEnum : struct, Enum;
