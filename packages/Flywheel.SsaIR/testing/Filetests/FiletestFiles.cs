using System.Reflection;

namespace Flywheel.SsaIR.Testing.Filetests;

/// <summary>
/// Finds a test project's filetests: the directory is stamped into the test assembly as
/// <c>AssemblyMetadata</c> (so tests run from any working directory), and the files are listed
/// relative to it, in a stable order, for xunit theory data.
/// </summary>
public static class FiletestFiles
{
    /// <summary>The directory recorded under <paramref name="key"/> in <paramref name="testAssembly"/>.</summary>
    public static string Directory(Assembly testAssembly, string key = "FiletestsDirectory") =>
        testAssembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    /// <summary>Every <c>.ir</c> file below <paramref name="directory"/>, relative to it, ordered.</summary>
    public static IEnumerable<string> List(string directory) =>
        System.IO.Directory.GetFiles(directory, "*.ir", SearchOption.AllDirectories).Order()
            .Select(file => Path.GetRelativePath(directory, file));
}
