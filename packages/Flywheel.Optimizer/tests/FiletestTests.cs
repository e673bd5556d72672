using System.Reflection;
using Flywheel.SsaIR.Testing.Filetests;

namespace Flywheel.Optimizer.Tests;

public sealed class FiletestTests
{
    static string Directory => typeof(FiletestTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "FiletestsDirectory").Value!;

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in System.IO.Directory.GetFiles(Directory, "*.ir", SearchOption.AllDirectories).Order())
        {
            data.Add(Path.GetRelativePath(Directory, file));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Filetest(string file)
    {
        var result = FiletestRunner.Run(Path.Combine(Directory, file), OptimizerHook.Optimize);
        Assert.True(result.Passed, result.Message);
    }
}
