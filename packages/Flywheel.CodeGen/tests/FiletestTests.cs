using Flywheel.SsaIR.Testing.Filetests;
using Flywheel.CodeGen.Testing;
using Flywheel.MachineCode;

namespace Flywheel.CodeGen.Tests;

public sealed class FiletestTests : IDisposable
{
    readonly NativeRuntime runtime = new();
    readonly ExecutableMemory heap = new();

    static string Directory => FiletestFiles.Directory(typeof(FiletestTests).Assembly);

    /// <summary>This package's filetests plus SsaIR's run tests: every run line must hold on x64 too.</summary>
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in FiletestFiles.List(Directory)) data.Add(file);
        foreach (var file in System.IO.Directory.GetFiles(SsaIRRunTests, "*.ir").Order()) data.Add(Path.GetFullPath(file));
        return data;
    }

    static string SsaIRRunTests => Path.Combine(Directory, "../../../Flywheel.SsaIR/tests/filetests/run");

    [Theory]
    [MemberData(nameof(Files))]
    public void Filetest(string file)
    {
        var result = CodeGenFiletestRunner.Run(Path.Combine(Directory, file), runtime, heap, Environment.GetEnvironmentVariable("FLYWHEEL_BLESS") == "1");
        Assert.True(result.Passed, result.Message);
    }

    public void Dispose()
    {
        heap.Dispose();
        runtime.Dispose();
    }
}
