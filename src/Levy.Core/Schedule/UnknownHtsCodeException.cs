using Levy.Core.Primitives;

namespace Levy.Core.Schedule;

/// <summary>Thrown when an HTS code is well formed but not printed in the revision asked for; the message names the
/// nearest printed code: <c>Unknown HTS code 8703.23.01.99 in 2026 Revision 10 (nearest: 8703.23.01.90).</c></summary>
public sealed class UnknownHtsCodeException : KeyNotFoundException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="code">The code asked for.</param>
    /// <param name="revision">The revision searched.</param>
    /// <param name="nearest">The nearest printed code, if any.</param>
    public UnknownHtsCodeException(HtsCode code, HtsRevisionId revision, HtsCode? nearest)
        : base($"Unknown HTS code {code} in {revision}" + (nearest is { } n ? $" (nearest: {n})." : "."))
    {
        Code = code;
        Revision = revision;
        Nearest = nearest;
    }

    /// <summary>The code asked for.</summary>
    public HtsCode Code { get; }

    /// <summary>The revision searched.</summary>
    public HtsRevisionId Revision { get; }

    /// <summary>The nearest printed code, if any.</summary>
    public HtsCode? Nearest { get; }
}
