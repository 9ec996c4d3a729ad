namespace Levy.Core.Tests;

/// <summary>Asserts the value-type contract (NodaTime's TestHelper idea): Equals, GetHashCode, ==, != and CompareTo agree.</summary>
internal static class ValueTypeContract
{
    internal static void AssertEquality<T>(T value, T equal, params T[] unequal)
        where T : struct, IEquatable<T>
    {
        Assert.True(value.Equals(equal));
        Assert.True(value.Equals((object)equal));
        Assert.Equal(value.GetHashCode(), equal.GetHashCode());
        foreach (T other in unequal)
        {
            Assert.False(value.Equals(other));
            Assert.False(value.Equals((object)other));
        }
    }

    internal static void AssertOrder<T>(params T[] ascending)
        where T : IComparable<T>
    {
        for (int i = 0; i + 1 < ascending.Length; i++)
        {
            Assert.True(ascending[i].CompareTo(ascending[i + 1]) < 0, $"{ascending[i]} should sort before {ascending[i + 1]}");
            Assert.True(ascending[i + 1].CompareTo(ascending[i]) > 0);
            Assert.Equal(0, ascending[i].CompareTo(ascending[i]));
        }
    }
}
