using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;
using Xunit.Sdk;

namespace Levy.Data.Tests.Bundle;

/// <summary>Compares two object graphs field by field (public and private, every level, by reflection), so that a field
/// added to a Core type and forgotten by the bundle's serializer shows up as a difference with its path, instead of
/// silently reading as its default.</summary>
/// <remarks>Dictionaries compare by key, sets by membership, other sequences in order, <see cref="Lazy{T}"/> by value;
/// everything else by its fields. <c>Equals</c> overrides are not trusted (some records compare only a few fields). The
/// sharing of instances must match too (an object shared by two measures on one side is shared on the other), because the
/// engine compares some records by reference (strings and immutable primitives aside).</remarks>
internal sealed class DeepEqual
{
    private readonly HashSet<(object, object)> _seen = new(new PairComparer());
    private readonly Dictionary<object, object> _expectedToActual = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<object, object> _actualToExpected = new(ReferenceEqualityComparer.Instance);
    private readonly bool _sharing;

    /// <summary>Creates a comparer.</summary>
    /// <param name="sharing">Also require the same sharing of instances (for the rulebook; schedules share rate cells by
    /// their printed text when read from JSON and by their clean text in a bundle, which is equivalent).</param>
    public DeepEqual(bool sharing = true) => _sharing = sharing;

    /// <summary>Fails with the path of the first difference.</summary>
    public static void Assert(object? expected, object? actual, string path) => new DeepEqual().Compare(expected, actual, path);

    /// <summary>Compares more graphs, sharing the pairs already compared (fast for graphs that share instances).</summary>
    public void Compare(object? expected, object? actual, string path)
    {
        if (expected is null || actual is null)
        {
            if (expected is not null || actual is not null)
            {
                throw Difference(path, expected, actual);
            }

            return;
        }

        Type type = expected.GetType();
        if (type != actual.GetType())
        {
            throw new XunitException($"{path}: type {type.Name} expected, {actual.GetType().Name} found");
        }

        if (IsSimple(type))
        {
            if (!expected.Equals(actual))
            {
                throw Difference(path, expected, actual);
            }

            return;
        }

        if (_sharing && !type.IsValueType && !typeof(Delegate).IsAssignableFrom(type))
        {
            if (_expectedToActual.TryGetValue(expected, out object? mapped) && !ReferenceEquals(mapped, actual))
            {
                throw new XunitException($"{path}: one instance is shared on the expected side and not on the actual side ({type.Name})");
            }

            if (_actualToExpected.TryGetValue(actual, out object? back) && !ReferenceEquals(back, expected))
            {
                throw new XunitException($"{path}: one instance is shared on the actual side and not on the expected side ({type.Name})");
            }

            _expectedToActual[expected] = actual;
            _actualToExpected[actual] = expected;
        }

        if (!type.IsValueType && (ReferenceEquals(expected, actual) || !_seen.Add((expected, actual))))
        {
            return;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Lazy<>))
        {
            Compare(type.GetProperty("Value")!.GetValue(expected), type.GetProperty("Value")!.GetValue(actual), path + ".Value");
            return;
        }

        if (typeof(Delegate).IsAssignableFrom(type))
        {
            return; // loaders and factories: what they produce is compared where it is used
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(System.Collections.Immutable.ImmutableArray<>))
        {
            bool x = (bool)type.GetProperty("IsDefault")!.GetValue(expected)!, y = (bool)type.GetProperty("IsDefault")!.GetValue(actual)!;
            if (x != y)
            {
                throw new XunitException($"{path}: one array is default, the other not");
            }

            if (x)
            {
                return;
            }
        }

        if (expected is IEnumerable e && actual is IEnumerable a && type != typeof(string))
        {
            CompareEnumerables(type, e, a, path);
            return;
        }

        for (Type? t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            foreach (FieldInfo f in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                Compare(f.GetValue(expected), f.GetValue(actual), $"{path}.{Clean(f.Name)}");
            }
        }
    }

    private void CompareEnumerables(Type type, IEnumerable expected, IEnumerable actual, string path)
    {
        if (type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>)) is { } dictionary)
        {
            var keys = (IEnumerable)dictionary.GetProperty("Keys")!.GetValue(expected)!;
            MethodInfo tryGet = dictionary.GetMethod("TryGetValue")!;
            int expectedCount = 0;
            foreach (object key in keys)
            {
                expectedCount++;
                object?[] args = [key, null];
                if (!(bool)tryGet.Invoke(actual, args)!)
                {
                    throw new XunitException($"{path}: key {key} is missing");
                }

                object?[] mine = [key, null];
                tryGet.Invoke(expected, mine);
                Compare(mine[1], args[1], $"{path}[{key}]");
            }

            int actualCount = ((IEnumerable)dictionary.GetProperty("Keys")!.GetValue(actual)!).Cast<object>().Count();
            if (actualCount != expectedCount)
            {
                throw new XunitException($"{path}: {expectedCount} keys expected, {actualCount} found");
            }

            return;
        }

        List<object?> x = [.. expected.Cast<object?>()], y = [.. actual.Cast<object?>()];
        if (x.Count != y.Count)
        {
            throw new XunitException($"{path}: {x.Count} items expected, {y.Count} found");
        }

        if (type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlySet<>)))
        {
            var set = new HashSet<object?>(y);
            foreach (object? item in x.Where(item => !set.Contains(item)))
            {
                throw new XunitException($"{path}: {item} is missing");
            }

            return;
        }

        for (int i = 0; i < x.Count; i++)
        {
            Compare(x[i], y[i], $"{path}[{i}]");
        }
    }

    private static bool IsSimple(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(DateOnly) || type == typeof(DateTime)
        || type == typeof(DateTimeOffset) || type == typeof(TimeSpan) || type == typeof(Guid) || type == typeof(Type) || type.IsPointer
        || type == typeof(IntPtr);

    private static string Clean(string field) => field.StartsWith('<') && field.Contains(">k__BackingField", StringComparison.Ordinal)
        ? field[1..field.IndexOf('>', StringComparison.Ordinal)]
        : field;

    private static XunitException Difference(string path, object? expected, object? actual) =>
        new($"{path}: expected {expected ?? "null"}, found {actual ?? "null"}");

    private sealed class PairComparer : IEqualityComparer<(object, object)>
    {
        public bool Equals((object, object) a, (object, object) b) => ReferenceEquals(a.Item1, b.Item1) && ReferenceEquals(a.Item2, b.Item2);

        public int GetHashCode((object, object) p) => HashCode.Combine(RuntimeHelpers.GetHashCode(p.Item1), RuntimeHelpers.GetHashCode(p.Item2));
    }
}
