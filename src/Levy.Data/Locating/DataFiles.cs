namespace Levy.Data.Locating;

/// <summary>The policy and trade tables Levy reads (<c>policy/revision_dates.csv</c>, <c>trade/…</c>), wherever they are:
/// in a data folder, or carried inside a data bundle.</summary>
/// <remarks>Paths are relative to the data layout and use <c>/</c>. Implementations are immutable and thread-safe.</remarks>
public abstract class DataFiles
{
    /// <summary>Where the files are, for messages: a folder, or a bundle.</summary>
    public abstract string Origin { get; }

    /// <summary>True when the file is there.</summary>
    public abstract bool Exists(string file);

    /// <summary>The text of a file (UTF-8).</summary>
    /// <exception cref="FileNotFoundException">It is not there.</exception>
    public abstract string ReadText(string file);

    /// <summary>How to name the file in a message: its path in a folder, or <c>policy/x.csv in BUNDLE</c>.</summary>
    public abstract string Describe(string file);

    /// <summary>The files of a data folder.</summary>
    public static DataFiles Folder(DataDirectory directory) => new FolderFiles(directory);

    /// <summary>One file of the layout, read from <paramref name="path"/> (a file being checked before it is stored).</summary>
    public static DataFiles Single(string file, string path) => new SingleFile(file, path);

    private sealed class SingleFile(string name, string path) : DataFiles
    {
        public override string Origin => path;

        public override bool Exists(string file) => file == name && File.Exists(path);

        public override string ReadText(string file) =>
            file == name ? File.ReadAllText(path) : throw new FileNotFoundException($"{file} is not {name}.", file);

        public override string Describe(string file) => file == name ? path : file;
    }

    private sealed class FolderFiles(DataDirectory directory) : DataFiles
    {
        public override string Origin => directory.ToString();

        public override bool Exists(string file) => File.Exists(Describe(file));

        public override string ReadText(string file) => File.ReadAllText(Describe(file));

        public override string Describe(string file) => Path.Combine(directory.Root, file.Replace('/', Path.DirectorySeparatorChar));
    }
}
