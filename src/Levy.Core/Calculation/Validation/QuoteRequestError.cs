namespace Levy.Core.Calculation.Validation;

/// <summary>What is wrong with a quote request, as a value: the field at fault and a message that says what was found and
/// what is expected.</summary>
/// <param name="Field">The request field at fault (<c>program</c>, <c>steel_share</c>…).</param>
/// <param name="Message">What is wrong.</param>
/// <param name="UnknownOrigin">True when the origin is not a known country (<see cref="Countries.UnknownCountryException"/>).</param>
public sealed record QuoteRequestError(string Field, string Message, bool UnknownOrigin = false);
