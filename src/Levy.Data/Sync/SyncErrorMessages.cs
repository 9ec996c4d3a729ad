namespace Levy.Data.Sync;

/// <summary>The message templates of <c>levy data sync</c> and <c>levy data info</c>, in one place so tests can assert
/// against them. Placeholders are composite-format indexes.</summary>
internal static class SyncErrorMessages
{
    /// <summary>The shape of every per-file failure: {0} data-folder path, {1} URL or mirror path, {2} the problem.</summary>
    internal const string Failure = "{0} from {1}: {2}";

    /// <summary>{0} host, {1} status code, {2} reason phrase.</summary>
    internal const string HttpStatus = "{0} answered HTTP {1} {2}";

    /// <summary>{0} host, {1} what the network stack said.</summary>
    internal const string Unreachable = "cannot reach {0}: {1}";

    /// <summary>{0} host, {1} seconds.</summary>
    internal const string Timeout = "no complete answer from {0} within {1:0.###} s";

    /// <summary>{0} bytes received, {1} Content-Length.</summary>
    internal const string Truncated = "the download is truncated: received {0:N0} of {1:N0} bytes (Content-Length)";

    /// <summary>{0} bytes received, {1} what the network stack said.</summary>
    internal const string ConnectionLost = "the connection ended after {0:N0} bytes: {1}";

    /// <summary>{0} the expected path in the mirror.</summary>
    internal const string NotInMirror = "not in the mirror: {0} does not exist";

    /// <summary>A mirror-only file without <c>--from</c>.</summary>
    internal const string MirrorOnly = "mirror-only (derived for Levy, no upstream serves it): copied only with --from DIR";

    /// <summary>An error or login page served with status 200.</summary>
    internal const string HtmlPage = "the body is an HTML page, not data (an error or sign-in page served as a success?)";

    /// <summary>An empty body.</summary>
    internal const string Empty = "the file is empty";

    /// <summary>Binary bytes where text was expected.</summary>
    internal const string NotText = "binary data (NUL bytes), not text";

    /// <summary>A CSV table without data rows.</summary>
    internal const string CsvNoRows = "the CSV table has a header but no rows";

    /// <summary>{0} the YAML parser's message.</summary>
    internal const string BadYaml = "not valid YAML: {0}";

    /// <summary>A YAML document whose top is a scalar.</summary>
    internal const string YamlNotDocument = "the YAML document is not a mapping or a list";

    /// <summary>{0} the reader's message: the file has the right shape but Levy cannot use its content.</summary>
    internal const string Unreadable = "Levy cannot read it: {0}";

    /// <summary>{0} the manifest's path, {1} what is wrong with it.</summary>
    internal const string CorruptManifest = "{0} is corrupt ({1}): without it the stored files cannot be checked against their hashes; "
        + "restore it, or delete it to have levy data sync record the files fetched now";

    /// <summary>{0} SHA-256 now, {1} SHA-256 recorded.</summary>
    internal const string HashMismatch = "differs from manifest.json: SHA-256 {0}, recorded {1}";
}
