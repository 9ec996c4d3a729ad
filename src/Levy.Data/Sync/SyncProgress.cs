namespace Levy.Data.Sync;

/// <summary>Progress of one file, reported while it is fetched and once when it is done.</summary>
/// <remarks>Immutable and thread-safe. Reports for different files may arrive from several threads at once.</remarks>
/// <param name="File">The data-folder path.</param>
/// <param name="BytesReceived">Bytes received so far.</param>
/// <param name="BytesExpected">The size announced by the server or the mirror, when known.</param>
/// <param name="Result">The result, on the last report for the file; null before.</param>
public sealed record SyncProgress(string File, long BytesReceived, long? BytesExpected, SyncFileResult? Result);
