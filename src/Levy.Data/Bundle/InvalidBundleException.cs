namespace Levy.Data.Bundle;

/// <summary>Thrown when a data bundle is truncated, corrupt, of another format version, or not a bundle; the message names
/// the bundle and what is wrong with it.</summary>
public sealed class InvalidBundleException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="bundle">The bundle (a path, or "the embedded bundle").</param>
    /// <param name="problem">What is wrong.</param>
    public InvalidBundleException(string bundle, string problem)
        : base($"{bundle}: {problem}")
    {
        Bundle = bundle;
        Problem = problem;
    }

    /// <summary>The bundle.</summary>
    public string Bundle { get; }

    /// <summary>What is wrong.</summary>
    public string Problem { get; }
}
