namespace Levy.Cli;

/// <summary>A file a command writes, replaced only when the command succeeds: the output is written to a hidden temporary
/// file in the same folder (<c>.duty.1f3a9c0e.partial.csv</c>), which <see cref="Commit"/> renames over the target. A
/// command that fails, is refused or is interrupted leaves the target as it was.</summary>
/// <remarks>
/// <para><see cref="Prepare"/> checks the path before any work is done, so a bad <c>--output</c> is refused at once with
/// exit code 2 rather than after minutes of computing: a folder, a missing folder, a file or folder that cannot be written,
/// or the input file itself. Creating the temporary file is the test that the folder can be written.</para>
/// <para>A device (<c>/dev/stdout</c>, <c>/dev/null</c>) is written directly: it cannot be renamed onto.</para>
/// <para>Not thread-safe; the signal handler of <see cref="Interruption"/> may <see cref="Abandon"/> it from another thread.</para>
/// </remarks>
internal sealed class OutputFile : IDisposable
{
    private readonly string _option;
    private int _state; // 0 open, 1 committed, 2 kept as partial, 3 abandoned

    private OutputFile(string path, string option, string writeTo)
    {
        Path = path;
        _option = option;
        WriteTo = writeTo;
    }

    /// <summary>The file the user named (full path).</summary>
    public string Path { get; }

    /// <summary>Where to write until <see cref="Commit"/>: the temporary file (or <see cref="Path"/> for a device).</summary>
    public string WriteTo { get; }

    private bool IsDirect => WriteTo == Path;

    /// <summary>Checks a path to write and creates its temporary file.</summary>
    /// <param name="path">The path as given.</param>
    /// <param name="option">The option that named it, for messages (<c>--output</c>).</param>
    /// <param name="input">The input file of the same command, if any: the two may not be the same file.</param>
    /// <param name="inputOption">The option that named the input.</param>
    /// <exception cref="CliException">The path cannot be written (exit code 2), with the reason.</exception>
    public static OutputFile Prepare(string path, string option, string? input = null, string? inputOption = null)
    {
        string full = System.IO.Path.GetFullPath(path);
        if (input is not null && SameFile(full, input))
        {
            throw Refused(CliMessages.OutputIsInput, option, path, inputOption);
        }

        if (Directory.Exists(full))
        {
            throw Refused(CliMessages.OutputIsFolder, option, path);
        }

        string folder = System.IO.Path.GetDirectoryName(full)!;
        if (!Directory.Exists(folder))
        {
            throw Refused(CliMessages.OutputFolderMissing, option, folder);
        }

        if (full.StartsWith("/dev/", StringComparison.Ordinal))
        {
            return Interruption.Track(new OutputFile(full, option, full));
        }

        string name = System.IO.Path.GetFileNameWithoutExtension(full), extension = System.IO.Path.GetExtension(full);
        string temp = System.IO.Path.Combine(folder, $".{name}.{Guid.NewGuid().ToString("N")[..8]}.partial{extension}");
        try
        {
            if (File.Exists(full))
            {
                using (new FileStream(full, FileMode.Open, FileAccess.Write, FileShare.ReadWrite))
                {
                    // Opened for writing (not truncated): the file may be replaced.
                }
            }

            using (new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Refused(CliMessages.OutputUnwritable, option, path, Reason(ex));
        }

        return Interruption.Track(new OutputFile(full, option, temp));
    }

    /// <summary>Replaces the target with what was written.</summary>
    /// <exception cref="CliException">The rename failed (exit code 2).</exception>
    public void Commit()
    {
        if (!IsDirect)
        {
            try
            {
                File.Move(WriteTo, Path, overwrite: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw Refused(CliMessages.OutputUnwritable, _option, Path, Reason(ex));
            }
        }

        _state = 1;
        Interruption.Untrack(this);
    }

    /// <summary>Keeps what was written under a name that says it is partial (<c>duty.partial.csv</c>) and returns it; the
    /// target is not touched.</summary>
    public string KeepPartial()
    {
        if (IsDirect)
        {
            _state = 2;
            return Path;
        }

        string partial = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(Path)!,
            System.IO.Path.GetFileNameWithoutExtension(Path) + ".partial" + System.IO.Path.GetExtension(Path));
        File.Move(WriteTo, partial, overwrite: true);
        _state = 2;
        Interruption.Untrack(this);
        return partial;
    }

    /// <summary>Deletes the temporary file (a signal arrived while the command could not stop cleanly).</summary>
    public void Abandon()
    {
        if (Interlocked.CompareExchange(ref _state, 3, 0) == 0 && !IsDirect)
        {
            TryDelete(WriteTo);
        }
    }

    /// <summary>Deletes the temporary file unless it was committed or kept.</summary>
    public void Dispose()
    {
        if (_state == 0 && !IsDirect)
        {
            TryDelete(WriteTo);
        }

        _state = Math.Max(_state, 1);
        Interruption.Untrack(this);
    }

    /// <summary>What a failed file operation said, without the exception's type.</summary>
    internal static string Reason(Exception ex) => ex switch
    {
        UnauthorizedAccessException => "permission denied.",
        _ => ex.Message.TrimEnd('.') + ".",
    };

    private static bool SameFile(string output, string input)
    {
        if (input == "-")
        {
            return false;
        }

        return string.Equals(Resolve(output), Resolve(System.IO.Path.GetFullPath(input)), StringComparison.Ordinal);
    }

    // The path with symbolic links followed, so that a link to the input is the input.
    private static string Resolve(string full)
    {
        try
        {
            return File.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName ?? full;
        }
        catch (IOException)
        {
            return full;
        }
    }

    private static CliException Refused(string template, params object?[] args) => new(ExitCodes.InvalidInput, CliMessages.Format(template, args));

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Nothing more can be done; the hidden temporary file says what it is.
        }
    }
}
