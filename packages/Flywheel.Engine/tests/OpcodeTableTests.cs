using System.Runtime.CompilerServices;
using Flywheel.Engine.Bytecode;

namespace Flywheel.Engine.Tests;

/// <summary>The opcode table drives the emitter, the disassembler and the interpreter; these tests prove they agree.</summary>
public unsafe class OpcodeTableTests
{
    [Fact]
    public void EveryOpcodeHasARowInOrder()
    {
        var ops = Enum.GetValues<Opcode>();
        Assert.Equal(ops.Length, OpcodeTable.Rows.Length);
        for (int i = 0; i < ops.Length; i++) Assert.Equal(ops[i], OpcodeTable.Rows[i].Op);
    }

    [Fact]
    public void EmitterAndDisassemblerRoundTripEveryRow()
    {
        foreach (var row in OpcodeTable.Rows)
        {
            var b = new BytecodeBuilder();
            var operands = new int[row.Operands.Length];
            for (int i = 0; i < operands.Length; i++)
                operands[i] = row.Operands[i] switch { OperandKind.Imm or OperandKind.Jump => -(1000 + i), _ => 1000 + i };
            b.Emit(row.Op, operands);
            var bytes = b.ToArray();
            Assert.Equal(row.Size, bytes.Length);
            fixed (byte* p = bytes)
            {
                Assert.Equal((byte)row.Op, p[0]);
                for (int i = 0; i < operands.Length; i++) Assert.Equal(operands[i], Disassembler.Read(p, row, i));
                var text = Disassembler.Instruction(p, 0);
                Assert.StartsWith(row.Op.ToString(), text);
            }
        }
    }

    [Fact]
    public void EmitterRejectsWrongOperandCounts()
    {
        var b = new BytecodeBuilder();
        Assert.Throws<InvalidOperationException>(() => b.Emit(Opcode.Ldar));
        Assert.Throws<CompileLimitException>(() => b.Emit(Opcode.Ldar, 70000));
    }

    [Fact]
    public void InterpreterHandlesEveryOpcode()
    {
        // The dispatch loop is a switch over Opcode; every row must have a case (the default throws).
        var src = File.ReadAllText(Path.Combine(SourceDir(), "Interpreter", "Interp.Loop.cs"));
        foreach (var op in Enum.GetValues<Opcode>())
            Assert.True(src.Contains($"case Opcode.{op}:"), $"the interpreter has no case for {op}");
    }

    [Fact]
    public void InterpreterConstantSizesMatchTheTable()
    {
        // Hot cases advance pc by OpSize constants instead of the table; a stale constant would desynchronize decoding.
        var fields = typeof(Flywheel.Engine.Interpreter.OpSize).GetFields();
        Assert.NotEmpty(fields);
        foreach (var f in fields)
            Assert.True(OpcodeTable.Size(Enum.Parse<Opcode>(f.Name)) == (int)f.GetRawConstantValue()!, $"OpSize.{f.Name} differs from the opcode table");
    }

    [Fact]
    public void DisassemblerPrintsCompiledFunctions()
    {
        using var engine = new JsEngine();
        var text = engine.Disassemble("function f(a) { return a + 1 } let x = f(2);");
        Assert.Contains("[function f]", text);
        Assert.Contains("Add r", text);
        Assert.Contains("Return", text);
    }

    static string SourceDir([CallerFilePath] string here = "") => Path.Combine(Path.GetDirectoryName(here)!, "..", "src");
}
