using System.CommandLine;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Levy.Cli;

/// <summary>A command that needs the JIT-compiled runtime: the installed <c>levy</c> is a Native AOT program (it starts in
/// tens of milliseconds), but the refund ledger's commands use Entity Framework Core, which builds its model and compiles
/// its queries at run time and cannot run under Native AOT. The native program hands these commands to the
/// framework-dependent build shipped beside it (<see cref="JitHandOff"/>; docs/install.md).</summary>
internal sealed class LedgerCommand(string name, string description) : Command(name, description);

/// <summary>Runs a <see cref="LedgerCommand"/> of the native <c>levy</c> in the framework-dependent build packed beside it
/// (<c>jit/levy.dll</c>, run by <c>dotnet</c>): same arguments, same console, same exit code.</summary>
/// <remarks>The child shares the terminal's process group, so Ctrl-C reaches it directly and it stops as any levy
/// command does (<see cref="Interruption"/>); the parent only waits, and passes a SIGTERM meant for it on to the child.
/// The native libraries (SQLite, DuckDB, Skia) are the parent's: the child finds them through LD_LIBRARY_PATH, so the
/// package carries them once.</remarks>
internal static class JitHandOff
{
    /// <summary>The folder of the framework-dependent build, under the native program's folder.</summary>
    internal const string Folder = "jit";

    /// <summary>True when this process is the Native AOT build and <paramref name="args"/> name a command it hands off.</summary>
    internal static bool Applies(string[] args) =>
        !RuntimeFeature.IsDynamicCodeSupported
        && LevyCli.Build(_ => throw new InvalidOperationException("The command tree is only parsed here.")).Parse(args).CommandResult.Command is LedgerCommand;

    /// <summary>Runs <paramref name="args"/> in the framework-dependent build and returns its exit code; a missing build or
    /// runtime is an error that says what to install.</summary>
    internal static int Run(string[] args, TextWriter error)
    {
        string home = AppContext.BaseDirectory;
        string assembly = Path.Combine(home, Folder, "levy.dll");
        if (!File.Exists(assembly))
        {
            error.WriteLine($"error: the refund ledger's commands need the framework-dependent build of levy in {Path.Combine(home, Folder)}, " +
                "which this copy lacks; install the levy tool package (docs/install.md) or run them with `dotnet run --project src/Levy.Cli --`.");
            return ExitCodes.DataError;
        }

        string? dotnet = FindDotnet();
        if (dotnet is null)
        {
            error.WriteLine("error: the refund ledger's commands run on the .NET 10 runtime, and `dotnet` was not found " +
                "(on PATH, in $DOTNET_ROOT, /usr/share/dotnet or /usr/lib/dotnet): install the .NET 10 runtime.");
            return ExitCodes.DataError;
        }

        var start = new ProcessStartInfo(dotnet) { UseShellExecute = false };
        start.ArgumentList.Add(assembly);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        string? libraries = Environment.GetEnvironmentVariable("LD_LIBRARY_PATH");
        start.Environment["LD_LIBRARY_PATH"] = string.IsNullOrEmpty(libraries) ? home : home + Path.PathSeparator + libraries;
        using Process child = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {dotnet}.");
        using PosixSignalRegistration interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => context.Cancel = true);
        using PosixSignalRegistration terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            _ = Kill(child.Id, SigTerm);
        });
        child.WaitForExit();
        return child.ExitCode;
    }

    private static string? FindDotnet()
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("DOTNET_ROOT") is { Length: > 0 } root)
        {
            candidates.Add(Path.Combine(root, "dotnet"));
        }

        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            candidates.Add(Path.Combine(dir, "dotnet"));
        }

        candidates.Add("/usr/share/dotnet/dotnet");
        candidates.Add("/usr/lib/dotnet/dotnet");
        return candidates.FirstOrDefault(File.Exists);
    }

    private const int SigTerm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
