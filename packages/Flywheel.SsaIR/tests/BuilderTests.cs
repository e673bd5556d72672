using Flywheel.SsaIR.Builder;
using Flywheel.SsaIR.Interpretation;
using Flywheel.SsaIR.Verification;

namespace Flywheel.SsaIR.Tests;

public sealed class BuilderTests
{
    /// <summary>sum = 0; i = 0; while (i &lt; n) { sum += i; i++; } return sum — written with variables only.</summary>
    static Function SumBelow()
    {
        var b = new FunctionBuilder("sum", [IrType.I32], IrType.I32);
        var sum = b.DeclareVariable(IrType.I32);
        var i = b.DeclareVariable(IrType.I32);
        b.DefineVariable(sum, b.Iconst(IrType.I32, 0));
        b.DefineVariable(i, b.Iconst(IrType.I32, 0));
        var header = b.CreateBlock();
        var body = b.CreateBlock();
        var exit = b.CreateBlock();
        b.Jump(header);
        b.SwitchToBlock(header);
        b.Brif(b.Icmp(IntCondition.Slt, b.UseVariable(i), b.Param(0)), body, exit);
        b.SwitchToBlock(body);
        b.SealBlock(body);
        b.DefineVariable(sum, b.Binary(Opcode.Iadd, b.UseVariable(sum), b.UseVariable(i)));
        b.DefineVariable(i, b.Binary(Opcode.Iadd, b.UseVariable(i), b.Iconst(IrType.I32, 1)));
        b.Jump(header);
        b.SealBlock(header);
        b.SwitchToBlock(exit);
        b.SealBlock(exit);
        b.Return(b.UseVariable(sum));
        return b.Finish();
    }

    [Fact]
    public void VariablesBecomeBlockParametersAtTheLoopHeader()
    {
        var f = SumBelow();
        Assert.Empty(Verifier.Verify(f));
        Assert.Equal(2, f[f.Layout[1]].Params.Count);
        var module = new Module();
        module.Add(f);
        var interpreter = new Interpreter(module);
        Assert.Equal(45, interpreter.Run("sum", 10).Value);
        Assert.Equal(0, interpreter.Run("sum", -3).Value);
    }

    [Fact]
    public void UsingAnUndefinedVariableIsAnError()
    {
        var b = new FunctionBuilder("f", [], IrType.I32);
        var x = b.DeclareVariable(IrType.I32);
        Assert.Throws<InvalidOperationException>(() => b.UseVariable(x));
    }

    [Fact]
    public void BranchingToASealedBlockIsAnError()
    {
        var b = new FunctionBuilder("f", [], IrType.None);
        var next = b.CreateBlock();
        b.SealBlock(next);
        Assert.Throws<InvalidOperationException>(() => b.Jump(next));
    }

    [Fact]
    public void DefiningAVariableWithTheWrongTypeIsAnError()
    {
        var b = new FunctionBuilder("f", [], IrType.None);
        var x = b.DeclareVariable(IrType.I32);
        Assert.Throws<ArgumentException>(() => b.DefineVariable(x, b.Iconst(IrType.I64, 1)));
    }
}
