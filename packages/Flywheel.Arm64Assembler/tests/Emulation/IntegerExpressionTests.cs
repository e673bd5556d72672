using Flywheel.Arm64.Testing;
using static Flywheel.Arm64.Registers;

namespace Flywheel.Arm64.Tests.Emulation;

/// <summary>
/// Random integer expression trees compiled to ARM64, run under Unicorn and compared with the
/// same tree evaluated in C#. Constants go through <see cref="Arm64Assembler.Mov(Register, ulong)"/>,
/// so this also proves constant materialization.
/// </summary>
public sealed class IntegerExpressionTests
{
    private enum Op { Arg, Const, Add, Sub, Mul, And, Or, Xor, Bic, Shl, Lsr, Asr, ShlVar, Ror, SDiv, UDiv, Smulh, Umulh, Neg, Not, Clz, Rev, Select, AddShifted, Madd }

    private sealed record Node(Op Op, int Value = 0, ulong Constant = 0, Node? A = null, Node? B = null, Node? C = null, Condition Cond = Condition.Eq);

    // x9–x15 and x19–x28 hold intermediate values, indexed by tree depth.
    private static readonly Register[] s_temps = [X9, X10, X11, X12, X13, X14, X15, X19, X20, X21, X22, X23, X24, X25, X26, X27, X28];

    private static Node Random(Random r, int depth)
    {
        if (depth == 0 || r.Next(6) == 0)
            return r.Next(2) == 0 ? new Node(Op.Arg, r.Next(4)) : new Node(Op.Const, Constant: new Gen(r).U64());
        var op = (Op)r.Next((int)Op.Add, (int)Op.Madd + 1);
        return op switch
        {
            Op.Shl or Op.Lsr or Op.Asr or Op.Ror => new Node(op, r.Next(64), A: Random(r, depth - 1)),
            Op.AddShifted => new Node(op, r.Next(64), A: Random(r, depth - 1), B: Random(r, depth - 1)),
            Op.Neg or Op.Not or Op.Clz or Op.Rev => new Node(op, A: Random(r, depth - 1)),
            Op.Select => new Node(op, A: Random(r, depth - 1), B: Random(r, depth - 1), C: Random(r, depth - 1), Cond: (Condition)r.Next(14)),
            Op.Madd => new Node(op, A: Random(r, depth - 1), B: Random(r, depth - 1), C: Random(r, depth - 1)),
            _ => new Node(op, A: Random(r, depth - 1), B: Random(r, depth - 1)),
        };
    }

    private static ulong Eval(Node n, ulong[] args)
    {
        ulong A() => Eval(n.A!, args);
        ulong B() => Eval(n.B!, args);
        switch (n.Op)
        {
            case Op.Arg: return args[n.Value];
            case Op.Const: return n.Constant;
            case Op.Add: return A() + B();
            case Op.Sub: return A() - B();
            case Op.Mul: return A() * B();
            case Op.And: return A() & B();
            case Op.Or: return A() | B();
            case Op.Xor: return A() ^ B();
            case Op.Bic: return A() & ~B();
            case Op.Shl: return A() << n.Value;
            case Op.Lsr: return A() >> n.Value;
            case Op.Asr: return (ulong)((long)A() >> n.Value);
            case Op.Ror: return ulong.RotateRight(A(), n.Value);
            case Op.ShlVar: { var a = A(); return a << (int)(B() & 63); }
            case Op.SDiv:
            {
                long a = (long)A(), b = (long)B();
                return b == 0 ? 0 : a == long.MinValue && b == -1 ? 1UL << 63 : (ulong)(a / b);
            }
            case Op.UDiv: { ulong a = A(), b = B(); return b == 0 ? 0 : a / b; }
            case Op.Smulh: { long a = (long)A(), b = (long)B(); return (ulong)Math.BigMul(a, b, out _); }
            case Op.Umulh: { ulong a = A(), b = B(); return Math.BigMul(a, b, out _); }
            case Op.Neg: return (ulong)-(long)A();
            case Op.Not: return ~A();
            case Op.Clz: return (ulong)System.Numerics.BitOperations.LeadingZeroCount(A());
            case Op.Rev: return System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(A());
            case Op.AddShifted: { var a = A(); return a + (B() << n.Value); }
            case Op.Madd: { ulong a = A(), b = B(), c = Eval(n.C!, args); return c + a * b; }
            case Op.Select:
            {
                ulong a = A(), b = B(), c = Eval(n.C!, args);
                return Holds(n.Cond, a, b) ? b : c;
            }
            default: throw new InvalidOperationException(n.Op.ToString());
        }
    }

    // The condition after `cmp a, b`.
    private static bool Holds(Condition c, ulong a, ulong b) => c switch
    {
        Condition.Eq => a == b, Condition.Ne => a != b, Condition.Hs => a >= b, Condition.Lo => a < b,
        Condition.Mi => (long)(a - b) < 0, Condition.Pl => (long)(a - b) >= 0,
        Condition.Vs => Overflows(a, b), Condition.Vc => !Overflows(a, b),
        Condition.Hi => a > b, Condition.Ls => a <= b,
        Condition.Ge => (long)a >= (long)b, Condition.Lt => (long)a < (long)b,
        Condition.Gt => (long)a > (long)b, Condition.Le => (long)a <= (long)b,
        _ => true,
    };

    private static bool Overflows(ulong a, ulong b) => (((a ^ b) & (a ^ (a - b))) >> 63) != 0;

    private static void Compile(Arm64Assembler asm, Node n, int depth)
    {
        var rd = s_temps[depth];
        var rn = s_temps[depth];
        var rm = s_temps[depth + 1];
        switch (n.Op)
        {
            case Op.Arg: asm.Mov(rd, Register.FromX(n.Value)); return;
            case Op.Const: asm.Mov(rd, n.Constant); return;
        }
        Compile(asm, n.A!, depth);
        if (n.B is not null) Compile(asm, n.B, depth + 1);
        switch (n.Op)
        {
            case Op.Add: asm.Add(rd, rn, rm); break;
            case Op.Sub: asm.Sub(rd, rn, rm); break;
            case Op.Mul: asm.Mul(rd, rn, rm); break;
            case Op.And: asm.And(rd, rn, rm); break;
            case Op.Or: asm.Orr(rd, rn, rm); break;
            case Op.Xor: asm.Eor(rd, rn, rm); break;
            case Op.Bic: asm.Bic(rd, rn, rm); break;
            case Op.Shl: asm.Lsl(rd, rn, n.Value); break;
            case Op.Lsr: asm.Lsr(rd, rn, n.Value); break;
            case Op.Asr: asm.Asr(rd, rn, n.Value); break;
            case Op.Ror: asm.Ror(rd, rn, n.Value); break;
            case Op.ShlVar: asm.Lsl(rd, rn, rm); break;
            case Op.SDiv: asm.Sdiv(rd, rn, rm); break;
            case Op.UDiv: asm.Udiv(rd, rn, rm); break;
            case Op.Smulh: asm.Smulh(rd, rn, rm); break;
            case Op.Umulh: asm.Umulh(rd, rn, rm); break;
            case Op.Neg: asm.Neg(rd, rn); break;
            case Op.Not: asm.Mvn(rd, rn); break;
            case Op.Clz: asm.Clz(rd, rn); break;
            case Op.Rev: asm.Rev(rd, rn); break;
            case Op.AddShifted: asm.Add(rd, rn, rm, Shift.Lsl, n.Value); break;
            case Op.Madd:
                Compile(asm, n.C!, depth + 2);
                asm.Madd(rd, rn, rm, s_temps[depth + 2]);
                break;
            case Op.Select:
                Compile(asm, n.C!, depth + 2);
                asm.Cmp(rn, rm);
                asm.Csel(rd, rm, s_temps[depth + 2], n.Cond);
                break;
        }
    }

    [Fact]
    public void Random_trees_compute_what_CSharp_computes()
    {
        using var emulator = Emu.Open();
        var random = new Random(7);
        var trees = Enumerable.Range(0, 300).Select(_ => Random(random, 5)).ToList();
        var asm = new Arm64Assembler();
        var entries = new List<Flywheel.MachineCode.Label>();
        foreach (var tree in trees)
        {
            var entry = asm.CreateLabel();
            asm.Bind(entry);
            entries.Add(entry);
            // The tree uses callee-saved x19+ for deep values: save them around the body.
            var frame = new Aapcs64Frame(0, Aapcs64.CalleeSaved);
            frame.EmitPrologue(asm);
            Compile(asm, tree, 0);
            asm.Mov(X0, s_temps[0]);
            frame.EmitEpilogue(asm);
        }
        var addresses = Emu.Load(emulator, asm.Finish(), entries);
        var failures = new List<string>();
        var gen = new Gen(random);
        for (var i = 0; i < trees.Count; i++)
        {
            for (var run = 0; run < 4; run++)
            {
                ulong[] args = [gen.U64(), gen.U64(), gen.Pick(0UL, 1UL, ulong.MaxValue, gen.U64()), gen.U64()];
                var expected = Eval(trees[i], args);
                var actual = emulator.Call(addresses[i], args);
                if (actual != expected) failures.Add($"tree {i} {trees[i]} args [{string.Join(", ", args.Select(a => $"0x{a:x}"))}]: 0x{actual:x} != 0x{expected:x}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(5)));
    }

    [Fact]
    public void Any_constant_is_materialized_in_at_most_four_instructions()
    {
        using var emulator = Emu.Open();
        var gen = new Gen(new Random(11));
        var values = new List<ulong> { 0, ulong.MaxValue, 0x5555_5555_5555_5555, 0x1234_0000_0000_5678, 0xFFFF_1234_FFFF_FFFF, 0x0000_FFFF_0000_0000 };
        for (var i = 0; i < 2000; i++) values.Add(gen.U64());
        for (var i = 0; i < 500; i++) values.Add(gen.Bitmask(64) ^ ((ulong)gen.Int(0, 0xFFFF) << (16 * gen.Int(0, 3))));
        var asm = new Arm64Assembler();
        for (var i = 0; i < values.Count; i++)
        {
            var before = asm.Offset;
            asm.Mov(X1, values[i]);
            var count = (asm.Offset - before) / 4;
            Assert.Equal(Arm64Assembler.CountMovInstructions(values[i], true), count);
            Assert.True(count <= 4);
            var chunks = Enumerable.Range(0, 4).Select(k => (values[i] >> (16 * k)) & 0xFFFF).ToList();
            var moveWide = Math.Max(1, Math.Min(chunks.Count(c => c != 0), chunks.Count(c => c != 0xFFFF)));
            Assert.True(count <= moveWide, $"0x{values[i]:x}: {count} instructions, move-wide alone needs {moveWide}");
            if (LogicalImmediate.IsEncodable(values[i], 64) || moveWide == 1) Assert.Equal(1, count);
            asm.Str(X1, Mem.At(X0, 8L * (i % 4096)));
            if (i % 4096 == 4095) asm.Add(X0, X0, 4096 * 8);
        }
        asm.Ret();
        var code = emulator.Load(asm.Finish());
        var buffer = HostBuffer.Allocate(values.Count * 8);
        try
        {
            emulator.MapHost(buffer.Pointer, buffer.Size);
            emulator.Call(code, (ulong)buffer.Pointer);
            for (var i = 0; i < values.Count; i++) Assert.Equal(values[i], buffer.ReadUInt64(8 * i));
        }
        finally { buffer.Dispose(); }
    }
}
