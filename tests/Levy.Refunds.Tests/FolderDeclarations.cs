using Levy.Refunds.Claims;

namespace Levy.Refunds.Tests;

/// <summary>Declaration files for tests: each written as <c>NAME.tmp</c> in a folder and renamed on publish, so a test
/// can see that nothing is visible before <see cref="IDeclarationFiles.Publish"/>.</summary>
internal sealed class FolderDeclarations(string folder) : IDeclarationFiles
{
    private readonly List<string> _started = [];

    public IReadOnlyList<string> Published { get; private set; } = [];

    public (TextWriter Writer, string Path) Create(string name)
    {
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, name);
        _started.Add(path);
        return (new StreamWriter(path + ".tmp"), path);
    }

    public void Publish()
    {
        foreach (string path in _started)
        {
            File.Move(path + ".tmp", path, overwrite: true);
        }

        Published = [.. _started];
    }

    public void Withdraw()
    {
        foreach (string path in Published)
        {
            File.Delete(path);
        }
    }
}
