using Flywheel.SsaIR.Testing.Filetests;

namespace Flywheel.SsaIR.Tests;

public sealed class FiletestTests
{
    static string Directory => FiletestFiles.Directory(typeof(FiletestTests).Assembly);

    public static TheoryData<string> Files() => [.. FiletestFiles.List(Directory)];

    [Theory]
    [MemberData(nameof(Files))]
    public void Filetest(string file)
    {
        var result = FiletestRunner.Run(Path.Combine(Directory, file));
        Assert.True(result.Passed, result.Message);
    }
}

public sealed class BlessTests
{
    const string Source = """
        test print

        function %f(i32) -> i32 {
        block0(v0: i32):
            return v0
        }
        ; check: return v0
        ; expect:
        ; function %f(i32) -> i32 {
        ; block0(v0: i32):
        ;     return v1
        ; }
        """;

    [Fact]
    public void MismatchFailsWithADiffAndBlessRewritesTheExpectation()
    {
        string path = Path.Combine(Path.GetTempPath(), $"bless-{Guid.NewGuid():N}.ir");
        File.WriteAllText(path, Source);
        try
        {
            var failed = FiletestRunner.Run(path, null, bless: false);
            Assert.False(failed.Passed);
            Assert.Contains("- ;     return v1".Replace("; ", ""), failed.Message.Replace("; ", ""));
            Assert.Contains("+     return v0", failed.Message);

            Assert.True(FiletestRunner.Run(path, null, bless: true).Passed);
            Assert.Contains(";     return v0", File.ReadAllText(path));
            Assert.DoesNotContain("return v1", File.ReadAllText(path));
            Assert.True(FiletestRunner.Run(path, null, bless: false).Passed);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
