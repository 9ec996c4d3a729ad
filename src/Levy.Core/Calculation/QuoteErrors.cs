using Levy.Core.Primitives;
using Levy.Core.Schedule;

namespace Levy.Core.Calculation;

/// <summary>Thrown when a product code is not printed in the revision that governs the date.</summary>
public sealed class UnknownProductException : KeyNotFoundException
{
    /// <summary>Creates the exception.</summary>
    public UnknownProductException(HtsCode code, HtsRevisionId revision, HtsCode? nearest)
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

    /// <summary>The nearest printed code.</summary>
    public HtsCode? Nearest { get; }
}

/// <summary>Thrown when a request contradicts itself or the schedule: a program the line does not grant, a program the
/// origin cannot claim, a share outside 0–1, a condition Levy does not know.</summary>
public sealed class InvalidQuoteRequestException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="field">The request field at fault (<c>program</c>, <c>steel_share</c>…).</param>
    /// <param name="message">What is wrong.</param>
    public InvalidQuoteRequestException(string field, string message)
        : base(message)
    {
        Field = field;
    }

    /// <summary>The request field at fault.</summary>
    public string Field { get; }

    /// <summary>The message alone.</summary>
    public override string Message => base.Message.Split(" (Parameter", 2)[0];
}
