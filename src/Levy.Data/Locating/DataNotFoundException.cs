namespace Levy.Data.Locating;

/// <summary>Thrown when no data folder can be found, or a file Levy needs is missing from it.</summary>
public sealed class DataNotFoundException : Exception
{
    /// <summary>Creates the exception with a message that says where Levy looked.</summary>
    public DataNotFoundException(string message)
        : base(message)
    {
    }
}
