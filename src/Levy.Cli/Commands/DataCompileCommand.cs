using System.CommandLine;
using System.Diagnostics;
using Levy.Data.Bundle;
using Levy.Data.Locating;

namespace Levy.Cli.Commands;

/// <summary><c>levy data compile</c>: compiles the official files of a data folder and the rulebook into one data bundle
/// (the file embedded in Levy; <c>docs/data.md</c>, "The data bundle").</summary>
internal static class DataCompileCommand
{
    private static readonly Option<string?> From = new("--from")
    {
        Description = "The data folder to compile (default: --data-dir, $LEVY_DATA, ./data, then ../shared/data).",
    };

    private static readonly Option<string> Out = new("--out")
    {
        Description = $"The bundle to write (default: ./{DataBundle.FileName}). The embedded one is {BundleCompiler.EmbeddedPath}.",
        DefaultValueFactory = _ => DataBundle.FileName,
    };

    internal static Command Create(Func<ParseResult, CliContext> context)
    {
        var command = new Command("compile", "Compile the HTS revisions, policy and trade tables of a data folder and the rulebook into one "
            + "data bundle: distinct lines and texts stored once, the rulebook compiled, a header with every source's SHA-256. "
            + $"The same inputs always give the same bytes. To rebuild the embedded bundle: {BundleCompiler.RebuildCommand}\n" + ExitCodes.Help)
        {
            From,
            Out,
        };
        command.SetAction(parse => Run(context(parse), parse));
        return command;
    }

    private static int Run(CliContext cli, ParseResult parse)
    {
        DataDirectory folder = parse.GetValue(From) is { } from
            ? DataLocator.Locate(from)
            : DataLocator.Locate(parse.GetValue(GlobalOptions.DataDir));
        var clock = Stopwatch.StartNew();
        byte[] bytes = BundleCompiler.Compile(folder, DataCommand.Rulebook(parse), new Progress(cli.Error));
        string output = Path.GetFullPath(parse.GetValue(Out)!);
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        string temporary = output + ".partial";
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, output, overwrite: true);
        DataBundle bundle = DataBundle.FromBytes(bytes, output);
        cli.Output.WriteLine($"{output}: {bytes.Length:N0} bytes, format {bundle.FormatVersion}, {bundle.Revisions.Length} revisions "
            + $"({bundle.Revisions[0]} to {bundle.NewestRevision}), {bundle.Sources.Length} source files, SHA-256 {Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))}, "
            + $"compiled in {clock.Elapsed.TotalSeconds:F1} s from {folder}.");
        return ExitCodes.Success;
    }

    /// <summary>Writes each step on stderr as it happens.</summary>
    private sealed class Progress(TextWriter error) : IProgress<string>
    {
        public void Report(string value) => error.WriteLine(value);
    }
}
