using System.Runtime.InteropServices;

namespace Levy.Cli;

/// <summary>What <c>levy</c> does on Ctrl-C (SIGINT) or SIGTERM: a batch stops between two rows and keeps the rows
/// answered so far under a name that says partial; any other command's unfinished outputs are deleted (the files it
/// would have replaced are left as they were) and the process ends as the signal asks. Either way stderr says so.</summary>
/// <remarks>The handlers are installed only by the real process (<see cref="LevyCli.RunProcess"/>); in-process runs
/// (tests) stop a batch through the cancellation token they pass instead. Thread-safe.</remarks>
internal static class Interruption
{
    private static readonly object Gate = new();
    private static readonly List<OutputFile> Open = [];
    private static CancellationTokenSource? _graceful;
    private static TextWriter? _error;

    /// <summary>Installs the handlers for the life of the returned object.</summary>
    /// <param name="error">Where to say what was left behind.</param>
    internal static IDisposable Install(TextWriter error)
    {
        _error = error;
        var registrations = new List<IDisposable>();
        foreach (PosixSignal signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM })
        {
            try
            {
                registrations.Add(PosixSignalRegistration.Create(signal, OnSignal));
            }
            catch (PlatformNotSupportedException)
            {
                // Not on this platform: the default handling applies.
            }
        }

        return new Registrations(registrations);
    }

    /// <summary>Makes the first signal cancel <paramref name="stop"/> (and not end the process) while the returned object
    /// lives: the caller stops between two rows. A second signal ends the process.</summary>
    internal static IDisposable Graceful(CancellationTokenSource stop)
    {
        lock (Gate)
        {
            _graceful = stop;
        }

        return new Scope(() =>
        {
            lock (Gate)
            {
                _graceful = null;
            }
        });
    }

    /// <summary>Remembers an unfinished output, to delete if a signal ends the process.</summary>
    internal static OutputFile Track(OutputFile file)
    {
        lock (Gate)
        {
            Open.Add(file);
        }

        return file;
    }

    /// <summary>Forgets an output that was committed, kept or deleted.</summary>
    internal static void Untrack(OutputFile file)
    {
        lock (Gate)
        {
            Open.Remove(file);
        }
    }

    private static void OnSignal(PosixSignalContext context)
    {
        lock (Gate)
        {
            if (_graceful is { IsCancellationRequested: false } stop)
            {
                context.Cancel = true; // the batch stops between two rows and says what it kept
                stop.Cancel();
                return;
            }

            foreach (OutputFile file in Open)
            {
                file.Abandon();
                _error?.WriteLine("error: " + CliMessages.Format(CliMessages.InterruptedNotWritten, file.Path));
            }

            Open.Clear();
            _error?.Flush();
        }
    }

    private sealed class Registrations(List<IDisposable> items) : IDisposable
    {
        public void Dispose() => items.ForEach(i => i.Dispose());
    }

    private sealed class Scope(Action end) : IDisposable
    {
        public void Dispose() => end();
    }
}
