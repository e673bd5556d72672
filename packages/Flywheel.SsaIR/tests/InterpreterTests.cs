using Flywheel.SsaIR.Interpretation;
using Flywheel.SsaIR.Text;

namespace Flywheel.SsaIR.Tests;

public sealed class InterpreterTests
{
    static ExecutionOutcome Run(string text, params long[] args)
    {
        var module = IrParser.ParseModule(text);
        return new Interpreter(module, new InterpreterOptions { Fuel = 1000 }).Run(module.Functions[0].Name, args);
    }

    static string Binary(string op, string type) => $$"""
        function %f({{type}}, {{type}}) -> {{type}} {
        block0(v0: {{type}}, v1: {{type}}):
            v2 = {{op}}.{{type}} v0, v1
            return v2
        }
        """;

    [Theory]
    [InlineData("sdiv", "i32", int.MinValue, -1, "trap integer_overflow")]
    [InlineData("srem", "i32", int.MinValue, -1, "0")]
    [InlineData("sdiv", "i64", 7, 0, "trap divide_by_zero")]
    [InlineData("udiv", "i8", -1, 2, "127")]
    [InlineData("urem", "i16", -1, 10, "5")]
    [InlineData("iadd", "i8", 127, 1, "-128")]
    [InlineData("ishl", "i32", 1, 33, "2")]
    [InlineData("ushr", "i8", -128, 7, "1")]
    [InlineData("sshr", "i8", -128, 7, "-1")]
    [InlineData("imul", "i64", long.MaxValue, 2, "-2")]
    public void IntegerSemantics(string op, string type, long a, long b, string expected)
    {
        Assert.Equal(expected, Run(Binary(op, type), a, b).ToString());
    }

    [Fact]
    public void CheckedOverflowDeoptsWithTheFrameStateValues()
    {
        const string text = """
            function %f(i32, i32) -> i32 {
            block0(v0: i32, v1: i32):
                v2 = checked_iadd.i32 v0, v1 deopt 12(v1, v0)
                return v2
            }
            """;
        Assert.Equal("3", Run(text, 1, 2).ToString());
        Assert.Equal($"deopt 12(1, {int.MaxValue})", Run(text, int.MaxValue, 1).ToString());
    }

    [Fact]
    public void SaturatingConversionClampsAndMapsNaNToZero()
    {
        const string text = """
            function %f(f64) -> i32 {
            block0(v0: f64):
                v1 = fcvt_to_sint_sat.i32 v0
                return v1
            }
            """;
        Assert.Equal(int.MaxValue, Run(text, BitConverter.DoubleToInt64Bits(1e20)).Value);
        Assert.Equal(int.MinValue, Run(text, BitConverter.DoubleToInt64Bits(double.NegativeInfinity)).Value);
        Assert.Equal(0, Run(text, BitConverter.DoubleToInt64Bits(double.NaN)).Value);
        Assert.Equal(-2, Run(text, BitConverter.DoubleToInt64Bits(-2.9)).Value);
    }

    [Fact]
    public void InfiniteLoopRunsOutOfFuel()
    {
        const string text = """
            function %f() {
            block0:
                jump block1
            block1:
                jump block1
            }
            """;
        var outcome = Run(text);
        Assert.Equal(OutcomeKind.OutOfFuel, outcome.Kind);
        Assert.Equal(1000, outcome.Steps);
    }

    [Fact]
    public void MemoryOutsideTheMappedRangeTraps()
    {
        const string text = """
            function %f(i64) -> i64 {
            block0(v0: i64):
                v1 = bitcast.ptr v0
                v2 = load.i64 [v1+8]
                return v2
            }
            """;
        Assert.Equal("trap out_of_bounds", Run(text, 0).ToString());
    }

    [Fact]
    public void BlockArgumentsAreAParallelCopy()
    {
        // Swapping through a self loop: if arguments were copied one by one, both would become equal.
        const string text = """
            function %f(i32, i32) -> i32 {
            block0(v0: i32, v1: i32):
                v2 = iconst.i32 0
                jump block1(v0, v1, v2)
            block1(v3: i32, v4: i32, v5: i32):
                v6 = iconst.i32 1
                v7 = iadd.i32 v5, v6
                v8 = icmp slt v7, v6
                brif v8, block1(v4, v3, v7), block2
            block2:
                v9 = isub.i32 v3, v4
                return v9
            }
            """;
        Assert.Equal("-7", Run(text, 1, 8).ToString());
    }

    [Fact]
    public void IndirectCallsReachModuleFunctionsAndRejectOtherAddresses()
    {
        const string text = """
            function %g(i64) -> i64 {
            block0(v0: i64):
                v1 = iadd.i64 v0, v0
                return v1
            }
            function %f(i64) -> i64 {
            block0(v0: i64):
                v1 = func_addr %g
                v2 = call_indirect.i64 v1(v0)
                v3 = iconst.i64 8
                v4 = bitcast.ptr v3
                v5 = iadd.ptr v1, v4
                v6 = call_indirect.i64 v5(v2)
                return v6
            }
            """;
        var module = IrParser.ParseModule(text);
        Assert.Equal("trap bad_call_target", new Interpreter(module).Run("f", 21).ToString());
    }

    [Fact]
    public void HostCallsAreLoggedWithPointersHidden()
    {
        const string text = """
            function %f(i64) -> i64 {
            block0(v0: i64):
                v1 = alloc 8
                store v0, [v1]
                v2 = call_host.i64 $peek(v1)
                v3 = call_host.i64 $twice(v2)
                return v3
            }
            """;
        var host = new HostFunctions()
            .Register("peek", (args, memory) => memory.TryRead(args[0], IrType.I64, out long v) ? v : -1)
            .Register("twice", (args, _) => args[0] * 2);
        var interpreter = new Interpreter(IrParser.ParseModule(text), new InterpreterOptions { Host = host, RecordHostCalls = true });
        Assert.Equal(42, interpreter.Run("f", 21).Value);
        Assert.Equal(["peek(ptr)", "twice(21)"], interpreter.HostCallLog);
    }
}

public sealed class ReadmeTests
{
    [Fact]
    public void ReadmeExampleDeopts()
    {
        var module = IrParser.ParseModule("""
            function %add(i32, i32) -> i32 {
            block0(v0: i32, v1: i32):
                v2 = checked_iadd.i32 v0, v1 deopt 7(v0, v1)
                return v2
            }
            """);
        Assert.Equal("deopt 7(2147483647, 1)", new Interpreter(module).Run("add", 2147483647, 1).ToString());
    }
}
