using System.CommandLine;
using System.Net;
using System.Text;
using System.Text.Json;
using Levy.Cli;
using Levy.Core.Inputs;
using Levy.Data.Batch;
using Levy.HostileInputs.Tests.Support;

namespace Levy.HostileInputs.Tests;

/// <summary>The table of user inputs (<see cref="UserInputs"/>) is the one source of names, bounds and messages: every
/// option, API parameter and batch column is in it, and the same value is refused with the same reason everywhere.</summary>
public sealed class InputTableTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void EveryOptionAndArgumentOfLevy_IsInTheTable()
    {
        RootCommand root = LevyCli.Build(_ => throw new InvalidOperationException("not run"));
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        foreach (Command command in Commands(root))
        {
            foreach (Option option in command.Options.Where(o => o is not System.CommandLine.Help.HelpOption and not VersionOption))
            {
                Check(option.Name, command);
            }

            foreach (Argument argument in command.Arguments)
            {
                Check(argument.Name, command);
            }
        }

        Assert.Empty(missing);

        void Check(string name, Command command)
        {
            if (UserInputs.Find(InputSurface.Cli, name) is null)
            {
                missing.Add($"{command.Name} {name}");
            }
        }
    }

    [Fact]
    public async Task EveryParameterOfTheApi_IsInTheTable()
    {
        using var web = new HostileWeb();
        using JsonDocument doc = JsonDocument.Parse(await web.CreateClient().GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken));
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (JsonProperty path in doc.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (JsonProperty operation in path.Value.EnumerateObject())
            {
                if (operation.Value.TryGetProperty("parameters", out JsonElement parameters))
                {
                    names.UnionWith(parameters.EnumerateArray().Select(p => p.GetProperty("name").GetString()!));
                }
            }
        }

        Assert.NotEmpty(names);
        Assert.DoesNotContain(names, n => UserInputs.Find(InputSurface.Api, n) is null);
    }

    [Fact]
    public void EveryBatchColumn_IsInTheTable()
    {
        Assert.DoesNotContain(DutyColumns.All, c => UserInputs.Find(InputSurface.Batch, c) is null);
        Assert.NotNull(UserInputs.Find(InputSurface.Batch, DutyColumns.DeclaredPrefix + "*"));
    }

    [Fact]
    public void EveryInput_HasANameOnSomeSurfaceAndSaneBounds()
    {
        Assert.All(UserInputs.All, f =>
        {
            Assert.True(f.Cli is not null || f.Api is not null || f.Batch is not null, f.Key);
            Assert.True(f.Min <= f.Max, f.Key);
            Assert.True(f.Kind != InputKind.Choice || f.Choices.Count > 0, f.Key);
        });
        Assert.Equal(UserInputs.All.Length, UserInputs.All.Select(f => f.Key).Distinct().Count());
    }

    public static TheoryData<string, string, string, string, string> SameValueEverywhere => new()
    {
        // text, CLI option, API parameter, batch column, the reason all three give
        { "1000000000000.01", "--value", "value", "value", InputMessages.Format(InputMessages.AboveMaximum, "1000000000000.01", InputBounds.MaxAmount) },
        { "1e25", "--value", "value", "value", InputMessages.Format(InputMessages.AboveMaximum, "1e25", InputBounds.MaxAmount) },
        { "abc", "--value", "value", "value", InputMessages.Format(InputMessages.NotAnAmount, "abc") },
        { "1.5", "--steel-share", "steel", "steel_share", InputMessages.Format(InputMessages.NotAShare, "1.5") },
        { "-0.1", "--us-content", "usContent", "us_content_share", InputMessages.Format(InputMessages.NotAShare, "-0.1") },
    };

    [Theory]
    [MemberData(nameof(SameValueEverywhere))]
    public async Task AValueRefused_IsRefusedWithTheSameReasonOnEverySurface(string text, string option, string parameter, string column, string reason)
    {
        string[] extra = option == "--value" ? [] : [option, text];
        CliResult cli = Hostile.Cli(["duty", "8703.23.01.90", "--origin", "JP", "--date", "2025-04-20", "--value", option == "--value" ? text : "40000", .. extra]);
        using var web = new HostileWeb();
        using HttpResponseMessage api = await web.CreateClient().GetAsync(
            $"/api/v1/quote?product=8703.23.01.90&origin=JP&date=2025-04-20&{parameter}={Uri.EscapeDataString(text)}", TestContext.Current.CancellationToken);
        using JsonDocument problem = JsonDocument.Parse(await api.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        string file = _dir.Write("lines.csv", $"id,hts10,origin,value,entry_date{(column == "value" ? string.Empty : "," + column)}\n" +
            $"a,8703.23.01.90,JP,{(column == "value" ? text : "40000")},2025-04-20{(column == "value" ? string.Empty : "," + text)}\n");
        List<Dictionary<string, string>> rows = Csv.Read(Hostile.Cli("duty", "--file", file).Output);

        Assert.Equal(ExitCodes.InvalidInput, cli.ExitCode);
        Assert.Contains($"{option} {reason}.", cli.Error, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Equal($"{parameter} {reason}.", problem.RootElement.GetProperty("detail").GetString());
        Assert.Equal((column, reason), (rows[0]["error_field"], rows[0]["error_reason"]));
    }

    private static IEnumerable<Command> Commands(Command command) => command.Subcommands.SelectMany(Commands).Prepend(command);
}
