namespace Levy.Data.Batch;

/// <summary>Where a batch writes its rows, one per input row, in order.</summary>
public interface IDutyOutput : IDisposable
{
    /// <summary>Writes one row.</summary>
    void Write(OutputRow row);
}
