using Flywheel.SsaIR.Testing.Filetests;

namespace Flywheel.Optimizer.Tests;

public sealed class FiletestTests
{
    static string Directory => FiletestFiles.Directory(typeof(FiletestTests).Assembly);

    public static TheoryData<string> Files() => [.. FiletestFiles.List(Directory)];

    [Theory]
    [MemberData(nameof(Files))]
    public void Filetest(string file)
    {
        var result = FiletestRunner.Run(Path.Combine(Directory, file), OptimizerHook.Optimize);
        Assert.True(result.Passed, result.Message);
    }
}
