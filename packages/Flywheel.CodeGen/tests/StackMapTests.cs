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

    const string Pressure = """
        function %id(i64) -> i64 {
        block0(v0: i64):
            return v0
        }

        function %pressure(i64) -> i64 {
        block0(v0: i64):
            v1 = iconst.i64 1
            v2 = iadd.i64 v0, v1
            v3 = bitcast.tagged v2
            v4 = iconst.i64 2
            v5 = iadd.i64 v0, v4
            v6 = bitcast.tagged v5
            v7 = iconst.i64 3
            v8 = iadd.i64 v0, v7
            v9 = bitcast.tagged v8
            v10 = iconst.i64 4
            v11 = iadd.i64 v0, v10
            v12 = bitcast.tagged v11
            v13 = iconst.i64 5
            v14 = iadd.i64 v0, v13
            v15 = bitcast.tagged v14
            v16 = iconst.i64 6
            v17 = iadd.i64 v0, v16
            v18 = bitcast.tagged v17
            v19 = iconst.i64 7
            v20 = iadd.i64 v0, v19
            v21 = bitcast.tagged v20
            v22 = iconst.i64 8
            v23 = iadd.i64 v0, v22
            v24 = bitcast.tagged v23
            v25 = iconst.i64 0
            jump block1(v25)
        block1(v26: i64):
            v27 = icmp slt v26, v0
            brif v27, block2, block3
        block2:
            v28 = call.i64 %id(v26)
            v29 = call.i64 %id(v28)
            v30 = iconst.i64 1
            v31 = iadd.i64 v29, v30
            jump block1(v31)
        block3:
            v32 = bitcast.i64 v3
            v33 = iadd.i64 v26, v32
            v34 = bitcast.i64 v6
            v35 = iadd.i64 v33, v34
            v36 = bitcast.i64 v9
            v37 = iadd.i64 v35, v36
            v38 = bitcast.i64 v12
            v39 = iadd.i64 v37, v38
            v40 = bitcast.i64 v15
            v41 = iadd.i64 v39, v40
            v42 = bitcast.i64 v18
            v43 = iadd.i64 v41, v42
            v44 = bitcast.i64 v21
            v45 = iadd.i64 v43, v44
            v46 = bitcast.i64 v24
            v47 = iadd.i64 v45, v46
            return v47
        }
        """;

    /// <summary>
    /// Eight tagged values live across two calls in a loop, with more values than callee-saved
    /// registers: split or not, each call's stack map lists all eight, each in a callee-saved
    /// register or a frame slot, no two in the same place — and the function still computes
    /// the right sum.
    /// </summary>
    [Fact]
    public void TaggedValuesUnderPressureAreAllInEveryCallsStackMap()
    {
        using var runtime = new NativeRuntime();
        var module = IrParser.ParseModule(Pressure);
        var compiled = CodeGenerator.Compile(module, runtime.Options);
        var calls = compiled["pressure"].Safepoints.Where(s => s.Kind == SafepointKind.Call).ToList();
        Assert.Equal(2, calls.Count);
        var calleeSaved = Flywheel.X64.X64CallingConvention.Host.CalleeSaved.Select(c => (int)c.Value - (int)Iced.Intel.Register.RAX).ToHashSet();
        bool inFrame = false;
        foreach (var call in calls)
        {
            Assert.Equal(8, call.TaggedValues.Count);
            Assert.Equal(8, call.TaggedValues.Distinct().Count());
            foreach (var tagged in call.TaggedValues)
            {
                Assert.True(tagged is StackSlotLocation || (tagged is RegisterLocation r && calleeSaved.Contains(r.Register)), tagged.ToString());
                inFrame |= tagged is StackSlotLocation;
            }
        }
        Assert.True(inFrame, "no tagged value was spilled: the test no longer puts the allocator under pressure");
        using var heap = new Flywheel.MachineCode.ExecutableMemory();
        using var installed = compiled.Install(heap);
        // 8·n + (1 + … + 8) plus the loop counter's final value n.
        Assert.Equal("81", runtime.Run(installed, "pressure", [5]).ToString());
    }
}
