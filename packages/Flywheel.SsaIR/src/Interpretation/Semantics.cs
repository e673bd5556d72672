namespace Flywheel.SsaIR.Interpretation;

/// <summary>What evaluating a value-computing instruction gave.</summary>
public enum EvalStatus : byte
{
    /// <summary>A result value.</summary>
    Value,
    /// <summary>The instruction traps (see the trap code).</summary>
    Trap,
    /// <summary>A checked operation overflowed: its frame state deopts.</summary>
    Overflow,
    /// <summary>The opcode is not computed from operands alone (memory, calls, control).</summary>
    NotComputable,
}

/// <summary>
/// The meaning of every operand-only opcode, on canonical 64-bit contents (see
/// <see cref="IrTypeExtensions.Canonicalize"/>). The interpreter and the constant folder both call
/// this one definition, so folding can never disagree with execution.
/// </summary>
public static class Semantics
{
    /// <summary>
    /// Evaluates <paramref name="inst"/> on <paramref name="args"/>, whose type is
    /// <paramref name="operandType"/> (the first operand's type; for select, the second's).
    /// </summary>
    public static EvalStatus Evaluate(Instruction inst, IrType operandType, ReadOnlySpan<long> args, out long result, out TrapCode trap)
    {
        trap = default;
        result = 0;
        var type = inst.Type;
        switch (inst.Opcode)
        {
            case Opcode.Iconst: result = type.Canonicalize(inst.Imm); return EvalStatus.Value;
            case Opcode.Fconst: result = type.Canonicalize(inst.Imm); return EvalStatus.Value;
            case Opcode.Iadd: result = type.Canonicalize(args[0] + args[1]); return EvalStatus.Value;
            case Opcode.Isub: result = type.Canonicalize(args[0] - args[1]); return EvalStatus.Value;
            case Opcode.Imul: result = type.Canonicalize(args[0] * args[1]); return EvalStatus.Value;
            case Opcode.Ineg: result = type.Canonicalize(-args[0]); return EvalStatus.Value;
            case Opcode.Band: result = args[0] & args[1]; return EvalStatus.Value;
            case Opcode.Bor: result = args[0] | args[1]; return EvalStatus.Value;
            case Opcode.Bxor: result = args[0] ^ args[1]; return EvalStatus.Value;
            case Opcode.Bnot: result = type.Canonicalize(~args[0]); return EvalStatus.Value;
            case Opcode.Ishl: result = type.Canonicalize(args[0] << ShiftAmount(type, args[1])); return EvalStatus.Value;
            case Opcode.Ushr: result = type.Canonicalize((long)(Unsigned(type, args[0]) >> ShiftAmount(type, args[1]))); return EvalStatus.Value;
            case Opcode.Sshr: result = type.Canonicalize(args[0] >> ShiftAmount(type, args[1])); return EvalStatus.Value;
            case Opcode.Sdiv or Opcode.Udiv or Opcode.Srem or Opcode.Urem:
                return Divide(inst.Opcode, type, args[0], args[1], out result, out trap);
            case Opcode.CheckedIadd: return Checked(type, (Int128)args[0] + args[1], out result);
            case Opcode.CheckedIsub: return Checked(type, (Int128)args[0] - args[1], out result);
            case Opcode.CheckedImul: return Checked(type, (Int128)args[0] * args[1], out result);
            case Opcode.Icmp: result = CompareInt(inst.IntCond, operandType, args[0], args[1]) ? 1 : 0; return EvalStatus.Value;
            case Opcode.Fcmp: result = CompareFloat(inst.FloatCond, ToDouble(operandType, args[0]), ToDouble(operandType, args[1])) ? 1 : 0; return EvalStatus.Value;
            case Opcode.Select: result = args[0] != 0 ? args[1] : args[2]; return EvalStatus.Value;
            case Opcode.Fadd or Opcode.Fsub or Opcode.Fmul or Opcode.Fdiv:
                result = FloatArithmetic(inst.Opcode, type, args[0], args[1]);
                return EvalStatus.Value;
            case Opcode.Fneg: result = type.Canonicalize(args[0] ^ SignBit(type)); return EvalStatus.Value;
            case Opcode.Fabs: result = type.Canonicalize(args[0] & ~SignBit(type)); return EvalStatus.Value;
            case Opcode.Fsqrt:
                result = type == IrType.F32
                    ? FromSingle(MathF.Sqrt(BitConverter.Int32BitsToSingle((int)args[0])))
                    : BitConverter.DoubleToInt64Bits(Math.Sqrt(BitConverter.Int64BitsToDouble(args[0])));
                return EvalStatus.Value;
            case Opcode.Sextend: result = args[0]; return EvalStatus.Value;
            case Opcode.Uextend: result = type.Canonicalize((long)Unsigned(operandType, args[0])); return EvalStatus.Value;
            case Opcode.Ireduce: result = type.Canonicalize(args[0]); return EvalStatus.Value;
            case Opcode.Fpromote: result = BitConverter.DoubleToInt64Bits(BitConverter.Int32BitsToSingle((int)args[0])); return EvalStatus.Value;
            case Opcode.Fdemote: result = FromSingle((float)BitConverter.Int64BitsToDouble(args[0])); return EvalStatus.Value;
            case Opcode.FcvtToSintSat: result = SaturatingToInt(type, ToDouble(operandType, args[0])); return EvalStatus.Value;
            case Opcode.FcvtFromSint:
                result = type == IrType.F32 ? FromSingle(args[0]) : BitConverter.DoubleToInt64Bits(args[0]);
                return EvalStatus.Value;
            case Opcode.Bitcast: result = type.Canonicalize(args[0]); return EvalStatus.Value;
            default: return EvalStatus.NotComputable;
        }
    }

    /// <summary>The unsigned view of canonical contents of an integer type.</summary>
    public static ulong Unsigned(IrType type, long value) => type.Bits() switch
    {
        8 => (byte)value,
        16 => (ushort)value,
        32 => (uint)value,
        _ => (ulong)value,
    };

    /// <summary>The smallest signed value of an integer type.</summary>
    public static long MinSigned(IrType type) => type.Bits() == 64 ? long.MinValue : -(1L << (type.Bits() - 1));

    /// <summary>The largest signed value of an integer type.</summary>
    public static long MaxSigned(IrType type) => type.Bits() == 64 ? long.MaxValue : (1L << (type.Bits() - 1)) - 1;

    /// <summary>Evaluates an integer comparison on canonical contents of <paramref name="type"/>.</summary>
    public static bool CompareInt(IntCondition cond, IrType type, long a, long b) => cond switch
    {
        IntCondition.Eq => a == b,
        IntCondition.Ne => a != b,
        IntCondition.Slt => a < b,
        IntCondition.Sle => a <= b,
        IntCondition.Sgt => a > b,
        IntCondition.Sge => a >= b,
        IntCondition.Ult => Unsigned(type, a) < Unsigned(type, b),
        IntCondition.Ule => Unsigned(type, a) <= Unsigned(type, b),
        IntCondition.Ugt => Unsigned(type, a) > Unsigned(type, b),
        _ => Unsigned(type, a) >= Unsigned(type, b),
    };

    static bool CompareFloat(FloatCondition cond, double a, double b) => cond switch
    {
        FloatCondition.Eq => a == b,
        FloatCondition.Ne => a != b,
        FloatCondition.Lt => a < b,
        FloatCondition.Le => a <= b,
        FloatCondition.Gt => a > b,
        FloatCondition.Ge => a >= b,
        _ => double.IsNaN(a) || double.IsNaN(b),
    };

    static int ShiftAmount(IrType type, long amount) => (int)(amount & (type.Bits() - 1));

    static long SignBit(IrType type) => type == IrType.F32 ? 1L << 31 : long.MinValue;

    static long FromSingle(float value) => BitConverter.SingleToInt32Bits(value);

    static double ToDouble(IrType type, long bits) =>
        type == IrType.F32 ? BitConverter.Int32BitsToSingle((int)bits) : BitConverter.Int64BitsToDouble(bits);

    static EvalStatus Divide(Opcode opcode, IrType type, long a, long b, out long result, out TrapCode trap)
    {
        result = 0;
        trap = default;
        if (b == 0) { trap = TrapCode.DivideByZero; return EvalStatus.Trap; }
        bool signedOverflow = a == MinSigned(type) && b == -1;
        switch (opcode)
        {
            case Opcode.Sdiv:
                if (signedOverflow) { trap = TrapCode.IntegerOverflow; return EvalStatus.Trap; }
                result = type.Canonicalize(a / b);
                break;
            case Opcode.Srem:
                result = signedOverflow ? 0 : type.Canonicalize(a % b);
                break;
            case Opcode.Udiv:
                result = type.Canonicalize((long)(Unsigned(type, a) / Unsigned(type, b)));
                break;
            default:
                result = type.Canonicalize((long)(Unsigned(type, a) % Unsigned(type, b)));
                break;
        }
        return EvalStatus.Value;
    }

    static EvalStatus Checked(IrType type, Int128 exact, out long result)
    {
        result = type.Canonicalize((long)exact);
        return exact == result ? EvalStatus.Value : EvalStatus.Overflow;
    }

    static long FloatArithmetic(Opcode opcode, IrType type, long a, long b)
    {
        if (type == IrType.F32)
        {
            float x = BitConverter.Int32BitsToSingle((int)a), y = BitConverter.Int32BitsToSingle((int)b);
            return FromSingle(opcode switch { Opcode.Fadd => x + y, Opcode.Fsub => x - y, Opcode.Fmul => x * y, _ => x / y });
        }
        double p = BitConverter.Int64BitsToDouble(a), q = BitConverter.Int64BitsToDouble(b);
        return BitConverter.DoubleToInt64Bits(opcode switch { Opcode.Fadd => p + q, Opcode.Fsub => p - q, Opcode.Fmul => p * q, _ => p / q });
    }

    static long SaturatingToInt(IrType type, double value)
    {
        if (double.IsNaN(value)) return 0;
        long min = MinSigned(type), max = MaxSigned(type);
        if (value <= min) return min;
        if (value >= max) return max; // for i64, max is not exactly representable: 2^63 rounds here too
        return (long)Math.Truncate(value);
    }
}
