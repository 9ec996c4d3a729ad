namespace Levy.Cli;

/// <summary>Opens the files a command reads, with the errors a user can act on: a missing file is exit code 3 and a folder
/// or an unreadable file exit code 2, each naming the option and the path, never a .NET exception.</summary>
internal static class InputFiles
{
    /// <summary>Checks that a path names a file that exists.</summary>
    /// <exception cref="CliException">It is a folder (exit code 2) or does not exist (exit code 3).</exception>
    internal static void Check(string path, string option)
    {
        if (Directory.Exists(path))
        {
            throw new CliException(ExitCodes.InvalidInput, CliMessages.Format(CliMessages.FileIsFolder, option, path));
        }

        if (!File.Exists(path))
        {
            throw new CliException(ExitCodes.NotFound, CliMessages.Format(CliMessages.FileMissing, option, path));
        }
    }

    /// <summary>Opens a file to read. A read that fails later (a disk error, a file that cannot be read past its start such
    /// as <c>/proc/self/mem</c>) throws the same clear error.</summary>
    /// <exception cref="CliException">It is a folder, does not exist, or cannot be read (exit code 2).</exception>
    internal static Stream Open(string path, string option)
    {
        Check(path, option);
        try
        {
            return new Guarded(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16), path, option);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Unreadable(path, option, ex);
        }
    }

    private static CliException Unreadable(string path, string option, Exception ex) =>
        new(ExitCodes.InvalidInput, CliMessages.Format(CliMessages.FileUnreadable, option, path, OutputFile.Reason(ex)));

    /// <summary>A file stream whose read errors name the file and the option.</summary>
    private sealed class Guarded(FileStream inner, string path, string option) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => inner.CanSeek;

        public override bool CanWrite => false;

        public override long Length => inner.Length;

        public override long Position
        {
            get => inner.Position;
            set => inner.Position = value;
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            try
            {
                return inner.Read(buffer, offset, count);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw Unreadable(path, option, ex);
            }
        }

        public override int Read(Span<byte> buffer)
        {
            try
            {
                return inner.Read(buffer);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw Unreadable(path, option, ex);
            }
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
