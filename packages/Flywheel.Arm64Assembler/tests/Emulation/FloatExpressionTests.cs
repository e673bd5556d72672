using Flywheel.Arm64.Testing;
using static Flywheel.Arm64.Registers;

namespace Flywheel.Arm64.Tests.Emulation;

/// <summary>
/// Random double-precision expression trees compiled to ARM64 and compared with C#: arithmetic,
/// fused multiply-add, min/max, rounding, conversions through integers, selects, and constants
/// from fmov immediates and the literal pool.
/// </summary>
public sealed class FloatExpressionTests
{
    private enum Op { Arg, Const, Add, Sub, Mul, Div, Min, Max, Sqrt, Abs, Neg, Fmadd, Floor, Ceil, Trunc, ViaInt, ViaUInt, Select, ViaSingle }

    private sealed record Node(Op Op, int Arg = 0, double Constant = 0, Node? A = null, Node? B = null, Node? C = null);

    private static Node Random(Random r, int depth)
    {
        if (depth == 0 || r.Next(6) == 0)
        {
            if (r.Next(2) == 0) return new Node(Op.Arg, r.Next(4));
            var constant = r.Next(3) switch
            {
                0 => FpImmediate.Decode((byte)r.Next(256)),
                1 => r.NextDouble() * 1e6 - 5e5,
                _ => 0.0,
            };
            return new Node(Op.Const, Constant: constant);
        }
        var op = (Op)r.Next((int)Op.Add, (int)Op.ViaSingle + 1);
        return op switch
        {
            Op.Sqrt or Op.Abs or Op.Neg or Op.Floor or Op.Ceil or Op.Trunc or Op.ViaInt or Op.ViaUInt or Op.ViaSingle => new Node(op, A: Random(r, depth - 1)),
            Op.Fmadd or Op.Select => new Node(op, A: Random(r, depth - 1), B: Random(r, depth - 1), C: Random(r, depth - 1)),
            _ => new Node(op, A: Random(r, depth - 1), B: Random(r, depth - 1)),
        };
    }

    private static double Eval(Node n, double[] args)
    {
        double A() => Eval(n.A!, args);
        double B() => Eval(n.B!, args);
        return n.Op switch
        {
            Op.Arg => args[n.Arg],
            Op.Const => n.Constant,
            Op.Add => A() + B(),
            Op.Sub => A() - B(),
            Op.Mul => A() * B(),
            Op.Div => A() / B(),
            Op.Min => Math.Min(A(), B()),
            Op.Max => Math.Max(A(), B()),
            Op.Sqrt => Math.Sqrt(A()),
            Op.Abs => Math.Abs(A()),
            Op.Neg => -A(),
            Op.Fmadd => FusedMultiplyAdd(n, args),
            Op.Floor => Math.Floor(A()),
            Op.Ceil => Math.Ceiling(A()),
            Op.Trunc => Math.Truncate(A()),
            // .NET's conversions saturate and send NaN to 0, exactly like fcvtzs/fcvtzu.
            Op.ViaInt => (long)A(),
            Op.ViaUInt => (ulong)A(),
            Op.ViaSingle => (float)A(),
            Op.Select => Select(n, args),
            _ => throw new InvalidOperationException(n.Op.ToString()),
        };
    }

    private static double FusedMultiplyAdd(Node n, double[] args)
    {
        double a = Eval(n.A!, args), b = Eval(n.B!, args), c = Eval(n.C!, args);
        return Math.FusedMultiplyAdd(a, b, c);
    }

    private static double Select(Node n, double[] args)
    {
        double a = Eval(n.A!, args), b = Eval(n.B!, args), c = Eval(n.C!, args);
        return a < b ? b : c; // fcmp a, b; fcsel …, mi (less than, false when unordered)
    }

    private static FpRegister T(int depth) => FpRegister.From(16 + depth, FpSize.D);

    private static void Compile(Arm64Assembler asm, Node n, int depth)
    {
        var rd = T(depth);
        switch (n.Op)
        {
            case Op.Arg: asm.Fmov(rd, FpRegister.From(n.Arg, FpSize.D)); return;
            case Op.Const:
                if (FpImmediate.TryEncode(n.Constant, out _)) asm.Fmov(rd, n.Constant);
                else if (n.Constant == 0 && !double.IsNegative(n.Constant)) asm.Fmov(rd, XZR);
                else asm.LdrLiteral(rd, n.Constant);
                return;
        }
        Compile(asm, n.A!, depth);
        if (n.B is not null) Compile(asm, n.B, depth + 1);
        if (n.C is not null) Compile(asm, n.C, depth + 2);
        FpRegister rn = T(depth), rm = T(depth + 1), ra = T(depth + 2);
        switch (n.Op)
        {
            case Op.Add: asm.Fadd(rd, rn, rm); break;
            case Op.Sub: asm.Fsub(rd, rn, rm); break;
            case Op.Mul: asm.Fmul(rd, rn, rm); break;
            case Op.Div: asm.Fdiv(rd, rn, rm); break;
            case Op.Min: asm.Fmin(rd, rn, rm); break;
            case Op.Max: asm.Fmax(rd, rn, rm); break;
            case Op.Sqrt: asm.Fsqrt(rd, rn); break;
            case Op.Abs: asm.Fabs(rd, rn); break;
            case Op.Neg: asm.Fneg(rd, rn); break;
            case Op.Fmadd: asm.Fmadd(rd, rn, rm, ra); break;
            case Op.Floor: asm.Frintm(rd, rn); break;
            case Op.Ceil: asm.Frintp(rd, rn); break;
            case Op.Trunc: asm.Frintz(rd, rn); break;
            case Op.ViaInt: asm.Fcvtzs(X9, rn); asm.Scvtf(rd, X9); break;
            case Op.ViaUInt: asm.Fcvtzu(X9, rn); asm.Ucvtf(rd, X9); break;
            case Op.ViaSingle: asm.Fcvt(S9, rn); asm.Fcvt(rd, S9); break;
            case Op.Select: asm.Fcmp(rn, rm); asm.Fcsel(rd, rm, ra, Condition.Mi); break;
        }
    }

    private static readonly double[] s_specials = [0.0, -0.0, 1.0, -1.5, double.PositiveInfinity, double.NegativeInfinity, double.NaN, 1e300, -1e-300, 9.3e18, 1.8e19, 2.5];

    [Fact]
    public void Random_trees_compute_what_CSharp_computes()
    {
        using var emulator = Emu.Open();
        var random = new Random(3);
        var trees = Enumerable.Range(0, 300).Select(_ => Random(random, 5)).ToList();
        var asm = new Arm64Assembler();
        var entries = new List<Flywheel.MachineCode.Label>();
        foreach (var tree in trees)
        {
            var entry = asm.CreateLabel();
            asm.Bind(entry);
            entries.Add(entry);
            Compile(asm, tree, 0);
            asm.Fmov(D0, T(0));
            asm.Ret();
        }
        var addresses = Emu.Load(emulator, asm.Finish(), entries);
        var failures = new List<string>();
        for (var i = 0; i < trees.Count; i++)
        {
            for (var run = 0; run < 4; run++)
            {
                var args = Enumerable.Range(0, 4).Select(_ => random.Next(3) == 0 ? s_specials[random.Next(s_specials.Length)] : random.NextDouble() * 2000 - 1000).ToArray();
                var expected = Eval(trees[i], args);
                var (_, bits) = emulator.Call(addresses[i], [], [.. args.Select(BitConverter.DoubleToUInt64Bits)]);
                var actual = BitConverter.UInt64BitsToDouble(bits);
                var same = double.IsNaN(expected) ? double.IsNaN(actual) : BitConverter.DoubleToUInt64Bits(expected) == bits;
                if (!same) failures.Add($"tree {i} {trees[i]} args [{string.Join(", ", args)}]: {actual:R} != {expected:R}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(5)));
    }

    // ECMAScript ToInt32: truncate, wrap modulo 2^32; NaN and infinities give 0.
    private static int ToInt32(double value)
    {
        if (!double.IsFinite(value)) return 0;
        var wrapped = Math.Truncate(value) % 4294967296.0;
        return (int)(uint)(long)wrapped;
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.9)]
    [InlineData(4294967296.0 + 7)]
    [InlineData(2147483648.0)]
    [InlineData(-2147483648.0)]
    [InlineData(123456789.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(-1e20)]
    [InlineData(1.5e300)]
    public void Fjcvtzs_is_JavaScript_ToInt32(double value)
    {
        using var emulator = Emu.Open();
        var code = Emu.Load(emulator, a =>
        {
            a.Fjcvtzs(W0, D0);
            a.Cset(X1, Condition.Eq);
            a.Orr(X0, X0, X1, Shift.Lsl, 32);
            a.Ret();
        });
        var (x0, _) = emulator.Call(code, [], [BitConverter.DoubleToUInt64Bits(value)]);
        Assert.Equal(ToInt32(value), (int)(uint)x0);
        // Z is set exactly when the double was already an int32.
        var exact = value is >= int.MinValue and <= int.MaxValue && value == Math.Truncate(value);
        Assert.Equal(exact, (x0 >> 32) == 1);
    }
}
