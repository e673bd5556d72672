using Flywheel.CodeGen.Testing;
using Flywheel.Deopt;
using Flywheel.SsaIR.Text;

namespace Flywheel.CodeGen.Tests;

public sealed class StackMapTests
{
    const string Source = """
        function %callee(i64) -> i64 {
        block0(v0: i64):
            return v0
        }

        function %f(i64, i64) -> i64 {
        block0(v0: i64, v1: i64):
            v2 = bitcast.tagged v0
            v3 = call.i64 %callee(v1) deopt 4(v2, v1)
            v4 = iconst.i64 77
            v5 = icmp slt v3, v4
            guard v5 deopt 9(v2, v4, v3)
            v6 = bitcast.i64 v2
            v7 = iadd.i64 v6, v3
            return v7
        }
        """;

    [Fact]
    public void TaggedValuesLiveAcrossACallAreInTheStackMap()
    {
        using var runtime = new NativeRuntime();
        var compiled = CodeGenerator.Compile(IrParser.ParseModule(Source), runtime.Options);
        var f = compiled["f"];
        var call = Assert.Single(f.Safepoints, s => s.Kind == SafepointKind.Call);
        var tagged = Assert.Single(call.TaggedValues);
        // Across a call a value must sit where the callee cannot clobber it: a callee-saved register or the frame.
        Assert.True(tagged is StackSlotLocation || (tagged is RegisterLocation r && Flywheel.X64.X64CallingConvention.Host.CalleeSaved.Any(c => (int)c.Value - (int)Iced.Intel.Register.RAX == r.Register)), tagged.ToString());
        Assert.Equal(ValueRepresentation.Tagged, tagged is RegisterLocation reg ? reg.Representation : ((StackSlotLocation)tagged).Representation);
    }

    [Fact]
    public void DeoptSitesDescribeEveryCapturedValue()
    {
        using var runtime = new NativeRuntime();
        var compiled = CodeGenerator.Compile(IrParser.ParseModule(Source), runtime.Options);
        var guard = Assert.Single(compiled.DeoptSites, s => s.Kind == SafepointKind.Guard);
        var frame = Assert.Single(guard.FrameState.Decode());
        Assert.Equal(9, frame.ResumeOffset);
        Assert.Equal(3, frame.Values.Count);
        Assert.Equal(new LiteralLocation(77, ValueRepresentation.Int64), frame.Values[1]);
        Assert.IsNotType<LiteralLocation>(frame.Values[0]);
        var call = Assert.Single(compiled.DeoptSites, s => s.Kind == SafepointKind.Call);
        Assert.Equal(4, Assert.Single(call.FrameState.Decode()).ResumeOffset);
        Assert.True(compiled.Blob.Length > call.CodeOffset && call.CodeOffset > guard.CodeOffset - 200);
    }

    [Fact]
    public void DeoptValuesAreReadBackFromTheMachineState()
    {
        using var runtime = new NativeRuntime();
        using var heap = new Flywheel.MachineCode.ExecutableMemory();
        using var installed = CodeGenerator.Compile(IrParser.ParseModule(Source), runtime.Options).Install(heap);
        var outcome = runtime.Run(installed, "f", [5, 100]);
        Assert.Equal("deopt 9(5, 77, 100)", outcome.ToString());
        Assert.Equal("47", runtime.Run(installed, "f", [5, 42]).ToString());
    }
}
