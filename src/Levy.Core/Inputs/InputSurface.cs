namespace Levy.Core.Inputs;

/// <summary>Where a user gives Levy a value: each surface has its own name for the same input.</summary>
public enum InputSurface
{
    /// <summary>An option or argument of <c>levy</c> (<c>--value</c>).</summary>
    Cli,

    /// <summary>A query parameter of the web API (<c>value</c>).</summary>
    Api,

    /// <summary>A column of a <c>levy duty --file</c> batch or <c>POST /api/v1/duty</c> body (<c>value</c>).</summary>
    Batch,
}
