using System.CommandLine;
using Levy.Data.Rulebook;

namespace Levy.Cli.Commands;

/// <summary><c>levy data</c>: the command group for the data folder (<c>levy data sync</c>, <c>levy data info</c>).</summary>
internal static class DataCommand
{
    internal static Command Create(Func<ParseResult, CliContext> context) =>
        new("data", "Fetch the official data files (sync), show which data is in use (info), compile a data bundle (compile).")
        {
            DataSyncCommand.Create(context),
            DataInfoCommand.Create(context),
            DataCompileCommand.Create(context),
        };

    /// <summary>The rulebook chosen by the global <c>--rulebook</c> option, or the embedded one.</summary>
    internal static RulebookFiles Rulebook(ParseResult parse) =>
        parse.GetValue(GlobalOptions.Rulebook) is { } folder ? RulebookFiles.FromFolder(folder) : RulebookFiles.Embedded;
}
