using Flywheel.X64;
using Iced.Intel;
using static Iced.Intel.AssemblerRegisters;
using Label = Flywheel.MachineCode.Label;

namespace Flywheel.Engine.Baseline;

/// <summary>
/// Numeric fast paths. Each mirrors the interpreter's case for the same opcode exactly: int32
/// operands use int32 arithmetic with overflow (and -0) checks, number operands use double
/// arithmetic with the result normalized as <see cref="JsValue.FromNumber"/> does; any other operand
/// leaves the instruction to the interpreter before it has had an effect.
/// </summary>
internal sealed unsafe partial class BaselineCompiler
{
    const ulong CanonicalNaNValue = 0x7FF8_0000_0000_0000UL + JsValue.DoubleOffset;
    const ulong NegativeZeroValue = 0x8000_0000_0000_0000UL + JsValue.DoubleOffset;

    bool EmitArithmetic(Opcode op, OpInfo row, byte* p, int pc)
    {
        switch (op)
        {
            case Opcode.Add: BinaryNumeric(pc, Operand(p, row, 0), IntOp.Add, DoubleOp.Add, StringAddPath(pc, row.Size, Operand(p, row, 1))); return true;
            case Opcode.Sub: BinaryNumeric(pc, Operand(p, row, 0), IntOp.Sub, DoubleOp.Sub); return true;
            case Opcode.Mul: BinaryNumeric(pc, Operand(p, row, 0), IntOp.Mul, DoubleOp.Mul); return true;
            case Opcode.Div: BinaryNumeric(pc, Operand(p, row, 0), IntOp.None, DoubleOp.Div); return true;
            case Opcode.Mod: EmitMod(pc, Operand(p, row, 0)); return true;
            case Opcode.BitOr: BinaryNumeric(pc, Operand(p, row, 0), IntOp.Or, DoubleOp.None); return true;
            case Opcode.BitXor: BinaryNumeric(pc, Operand(p, row, 0), IntOp.Xor, DoubleOp.None); return true;
            case Opcode.BitAnd: BinaryNumeric(pc, Operand(p, row, 0), IntOp.And, DoubleOp.None); return true;
            case Opcode.Shl: BinaryNumeric(pc, Operand(p, row, 0), IntOp.Shl, DoubleOp.None); return true;
            case Opcode.Sar: BinaryNumeric(pc, Operand(p, row, 0), IntOp.Sar, DoubleOp.None); return true;
            case Opcode.Shr: EmitShr(pc, Operand(p, row, 0)); return true;
            case Opcode.Inc: IncrementOrDecrement(pc, 1); return true;
            case Opcode.Dec: IncrementOrDecrement(pc, -1); return true;
            case Opcode.Negate: EmitNegate(pc); return true;
            case Opcode.BitNot: EmitBitNot(pc); return true;
            case Opcode.TestLessThan: Compare(pc, p, row, Condition.Less, accFirst: false, Condition.Above); return true;
            case Opcode.TestGreaterThan: Compare(pc, p, row, Condition.Greater, accFirst: true, Condition.Above); return true;
            case Opcode.TestLessThanOrEqual: Compare(pc, p, row, Condition.LessOrEqual, accFirst: false, Condition.AboveOrEqual); return true;
            case Opcode.TestGreaterThanOrEqual: Compare(pc, p, row, Condition.GreaterOrEqual, accFirst: true, Condition.AboveOrEqual); return true;
            case Opcode.TestEqual: EmitLooseEqual(pc, Operand(p, row, 0)); return true;
            case Opcode.TestStrictEqual: EmitStrictEqual(pc, Operand(p, row, 0)); return true;
            default: return false;
        }
    }

    enum IntOp { None, Add, Sub, Mul, Or, Xor, And, Shl, Sar }

    enum DoubleOp { None, Add, Sub, Mul, Div }

    /// <summary>acc = r[left] op acc; operands that are not both numbers go to <paramref name="notNumbers"/> (left in rax), else to the slow path.</summary>
    void BinaryNumeric(int pc, int left, IntOp intOp, DoubleOp doubleOp, Label? notNumbers = null)
    {
        var bail = SlowPath(pc);
        var done = masm.CreateLabel();
        var notBothInt = masm.CreateLabel();
        // An int32 result that overflows (or is -0) is computed again in doubles.
        var overflow = doubleOp == DoubleOp.None ? bail : masm.CreateLabel();
        a.mov(rax, Register(left));
        if (intOp != IntOp.None)
        {
            JumpUnlessBothInt32(notBothInt);
            EmitIntOp(intOp, overflow);
            a.or(rax, Tag);
            a.mov(Acc, rax);
            masm.Jump(done);
        }
        if (doubleOp == DoubleOp.None)
        {
            // Bitwise operators on doubles: ToInt32 of each operand, then the int32 operation.
            masm.Bind(notBothInt);
            if (intOp is IntOp.Or or IntOp.Xor or IntOp.And or IntOp.Shl or IntOp.Sar)
            {
                BothToInt32(bail);
                EmitIntOp(intOp, bail);
                a.or(rax, Tag);
                a.mov(Acc, rax);
            }
            else
            {
                masm.Jump(bail);
            }
        }
        else
        {
            if (intOp != IntOp.None)
            {
                masm.Bind(overflow);
                a.mov(rax, Register(left));
            }
            masm.Bind(notBothInt);
            BothToDouble(notNumbers ?? bail);
            switch (doubleOp)
            {
                case DoubleOp.Add: a.addsd(xmm0, xmm1); break;
                case DoubleOp.Sub: a.subsd(xmm0, xmm1); break;
                case DoubleOp.Mul: a.mulsd(xmm0, xmm1); break;
                default: a.divsd(xmm0, xmm1); break;
            }
            BoxNumber();
        }
        masm.Bind(done);
    }

    /// <summary>
    /// acc = r[left] % acc for numbers. Two int32s divide with <c>idiv</c> unless the divisor is 0
    /// (NaN) or -1 (where <c>idiv</c> faults on int.MinValue); a zero remainder of a negative dividend
    /// is -0. A non-negative integral double below 2^63 and a positive int32 divisor (<c>(x >>> 0) % m</c>)
    /// divide as unsigned integers. All other numbers take <see cref="EmitFloatingRemainder"/>;
    /// anything else is the interpreter's.
    /// </summary>
    void EmitMod(int pc, int left)
    {
        var done = masm.CreateLabel();
        var notBothInt = masm.CreateLabel();
        var general = masm.CreateLabel();
        var remainder = masm.CreateLabel();
        var negativeZero = masm.CreateLabel();
        a.mov(rax, Register(left));
        JumpUnlessBothInt32(notBothInt);
        a.mov(ecx, Acc32);
        // Divisors 0 and -1: (divisor + 1) unsigned at most 1.
        a.lea(edx, __[rcx + 1]);
        a.cmp(edx, 1);
        masm.Jump(Condition.BelowOrEqual, general);
        a.mov(r8d, eax);
        a.cdq();
        a.idiv(ecx);
        a.test(edx, edx);
        masm.Jump(Condition.NotEqual, remainder);
        a.test(r8d, r8d);
        masm.Jump(Condition.Sign, negativeZero);
        masm.Jump(remainder);

        masm.Bind(notBothInt);
        JumpUnlessInt32(Acc, general);
        a.mov(ecx, Acc32);
        a.test(ecx, ecx);
        masm.Jump(Condition.LessOrEqual, general);
        a.test(rax, Tag);
        masm.Jump(Condition.Equal, SlowPath(pc));
        a.mov(rdx, unchecked((long)JsValue.DoubleOffset));
        a.sub(rax, rdx);
        // Negative doubles (and -0) take the general path.
        a.test(rax, rax);
        masm.Jump(Condition.Sign, general);
        a.movq(xmm0, rax);
        a.cvttsd2si(rax, xmm0);
        a.test(rax, rax);
        masm.Jump(Condition.Sign, general);
        a.cvtsi2sd(xmm1, rax);
        a.ucomisd(xmm0, xmm1);
        masm.Jump(Condition.Parity, general);
        masm.Jump(Condition.NotEqual, general);
        a.xor(edx, edx);
        a.div(rcx);
        masm.Bind(remainder);
        a.mov(eax, edx);
        a.or(rax, Tag);
        a.mov(Acc, rax);
        masm.Jump(done);

        masm.Bind(negativeZero);
        a.mov(Acc, unchecked((long)NegativeZeroValue));
        masm.Jump(done);

        masm.Bind(general);
        a.mov(rax, Register(left));
        BothToDouble(SlowPath(pc));
        EmitFloatingRemainder();
        BoxNumber();
        masm.Bind(done);
    }

    /// <summary>
    /// xmm0 = fmod(xmm0, xmm1), exactly: ECMAScript's <c>%</c> on numbers is the truncating remainder
    /// (sign of the dividend; NaN for a NaN operand, an infinite dividend or a zero divisor; the
    /// dividend for an infinite divisor or a zero dividend), which is C's <c>fmod</c> and .NET's
    /// double <c>%</c>, and also what x87 <c>fprem</c> computes: each step reduces the partial
    /// remainder exactly (no rounding: the remainder of two doubles is a double) and sets C2 until the
    /// reduction is complete. Uses two x87 registers and 16 bytes of native stack, leaving both as
    /// they were; clobbers rax.
    /// </summary>
    void EmitFloatingRemainder()
    {
        var reduce = masm.CreateLabel();
        a.sub(rsp, 16);
        a.movsd(__qword_ptr[rsp], xmm0);
        a.movsd(__qword_ptr[rsp + 8], xmm1);
        a.fld(__qword_ptr[rsp + 8]);
        a.fld(__qword_ptr[rsp]);
        masm.Bind(reduce);
        a.fprem();
        a.fnstsw(ax);
        a.test(ah, 4);
        masm.Jump(Condition.NotEqual, reduce);
        a.fstp(__qword_ptr[rsp]);
        a.fstp(st0);
        a.movsd(xmm0, __qword_ptr[rsp]);
        a.add(rsp, 16);
    }

    /// <summary>
    /// eax and the accumulator = ToInt32 of rax and of the accumulator (zero-extended; the accumulator
    /// no longer holds a value), through the function's shared routine; <paramref name="slow"/> when
    /// either is not a number ToInt32 can take inline.
    /// </summary>
    void BothToInt32(Label slow)
    {
        toInt32Routine ??= masm.CreateLabel();
        masm.Call(toInt32Routine.Value);
        masm.Jump(Condition.Below, slow);
        a.mov(Acc, r9);
    }

    /// <summary>The routine behind <see cref="BothToInt32"/>: eax, r9d = ToInt32(rax), ToInt32(acc); carry set when it cannot.</summary>
    void EmitToInt32Routine()
    {
        if (toInt32Routine == null) return;
        var fail = masm.CreateLabel();
        masm.Bind(toInt32Routine.Value);
        masm.Annotate("ToInt32 routine: eax, r9d = ToInt32(rax), ToInt32(acc); carry when either is not a number it takes");
        TruncateToInt32(Acc, r9, fail);
        TruncateToInt32(rax, rax, fail);
        a.clc();
        a.ret();
        masm.Bind(fail);
        a.stc();
        a.ret();
    }

    /// <summary>
    /// rax = ToInt32(<paramref name="value"/>) zero-extended, for an int32 or a double (truncated, then
    /// its low 32 bits: exact below 2^63); anything else (NaN, infinities and huge doubles included)
    /// jumps to <paramref name="slow"/>. Clobbers rdx, rcx and xmm0; <paramref name="destination"/> may be <paramref name="value"/>.
    /// </summary>
    void TruncateToInt32(AssemblerRegister64 value, AssemblerRegister64 destination, Label slow)
    {
        var isInt = masm.CreateLabel();
        var done = masm.CreateLabel();
        a.mov(rdx, value);
        a.and(rdx, Tag);
        a.cmp(rdx, Tag);
        masm.Jump(Condition.Equal, isInt);
        a.test(value, Tag);
        masm.Jump(Condition.Equal, slow);
        a.mov(rdx, unchecked((long)JsValue.DoubleOffset));
        a.mov(rcx, value);
        a.sub(rcx, rdx);
        a.movq(xmm0, rcx);
        a.cvttsd2si(rcx, xmm0);
        // The "indefinite" result of NaN, infinities and |d| ≥ 2^63.
        a.mov(rdx, long.MinValue);
        a.cmp(rcx, rdx);
        masm.Jump(Condition.Equal, slow);
        a.mov(new AssemblerRegister32(ToRegister32(destination)), ecx);
        masm.Jump(done);
        masm.Bind(isInt);
        a.mov(new AssemblerRegister32(ToRegister32(destination)), new AssemblerRegister32(ToRegister32(value)));
        masm.Bind(done);
    }

    /// <summary>acc = r[left] >>> acc for int32 operands (doubles through ToInt32): an int32, or a double when the result is 2^31 or more.</summary>
    void EmitShr(int pc, int left)
    {
        var big = masm.CreateLabel();
        var done = masm.CreateLabel();
        var notBothInt = masm.CreateLabel();
        var shift = masm.CreateLabel();
        a.mov(rax, Register(left));
        JumpUnlessBothInt32(notBothInt);
        masm.Jump(shift);
        masm.Bind(notBothInt);
        BothToInt32(SlowPath(pc));
        masm.Bind(shift);
        a.mov(ecx, Acc32);
        a.shr(eax, cl);
        a.test(eax, eax);
        masm.Jump(Condition.Sign, big);
        a.or(rax, Tag);
        a.mov(Acc, rax);
        masm.Jump(done);
        masm.Bind(big);
        // eax zero-extended into rax: a 64-bit conversion is exact.
        a.cvtsi2sd(xmm0, rax);
        a.movq(rax, xmm0);
        a.mov(rdx, unchecked((long)JsValue.DoubleOffset));
        a.add(rax, rdx);
        a.mov(Acc, rax);
        masm.Bind(done);
    }

    /// <summary>eax = eax op acc's int32 (upper half of rax zero), or a jump to <paramref name="bail"/> when the result is not an int32 the interpreter would produce.</summary>
    void EmitIntOp(IntOp op, Label bail)
    {
        switch (op)
        {
            case IntOp.Add:
                a.add(eax, Acc32);
                masm.Jump(Condition.Overflow, bail);
                break;
            case IntOp.Sub:
                a.sub(eax, Acc32);
                masm.Jump(Condition.Overflow, bail);
                break;
            case IntOp.Mul:
                {
                    var nonZero = masm.CreateLabel();
                    a.mov(ecx, eax);
                    a.imul(eax, Acc32);
                    masm.Jump(Condition.Overflow, bail);
                    a.test(eax, eax);
                    masm.Jump(Condition.NotEqual, nonZero);
                    // A zero product of a negative operand is -0, a double.
                    a.or(ecx, Acc32);
                    masm.Jump(Condition.Sign, bail);
                    masm.Bind(nonZero);
                    break;
                }
            case IntOp.Or: a.or(eax, Acc32); break;
            case IntOp.Xor: a.xor(eax, Acc32); break;
            case IntOp.And: a.and(eax, Acc32); break;
            case IntOp.Shl: a.mov(ecx, Acc32); a.shl(eax, cl); break;
            case IntOp.Sar: a.mov(ecx, Acc32); a.sar(eax, cl); break;
        }
    }

    /// <summary>xmm0 = rax and xmm1 = the accumulator as doubles, or a jump to <paramref name="bail"/> unless both are numbers (clobbers rdx).</summary>
    void BothToDouble(Label bail)
    {
        UnboxNumber(rax, xmm0, bail);
        UnboxNumber(Acc, xmm1, bail);
    }

    /// <summary>
    /// <paramref name="destination"/> = the number in <paramref name="value"/>, or a jump to
    /// <paramref name="notNumber"/> when it is none (clobbers rdx). Doubles take the straight line:
    /// int32s are exactly the values at or above <see cref="JsValue.NumberTag"/> (unsigned), and their
    /// conversion is out of line; a double's bits are the value minus 2^49, which is the value plus the
    /// tag register (NumberTag is -2^49 as a signed word), one <c>lea</c>.
    /// </summary>
    void UnboxNumber(AssemblerRegister64 value, AssemblerRegisterXMM destination, Label notNumber) => Unbox(value, destination, notNumber);

    /// <summary><paramref name="destination"/> = the number in <paramref name="value"/> (an int32 or a double; clobbers rdx).</summary>
    void ToDouble(AssemblerRegister64 value, AssemblerRegisterXMM destination) => Unbox(value, destination, null);

    void Unbox(AssemblerRegister64 value, AssemblerRegisterXMM destination, Label? notNumber)
    {
        var isInt = masm.CreateLabel();
        var done = masm.CreateLabel();
        a.cmp(value, Tag);
        masm.Jump(Condition.AboveOrEqual, isInt);
        if (notNumber is { } notNumberLabel)
        {
            a.test(value, Tag);
            masm.Jump(Condition.Equal, notNumberLabel);
        }
        a.lea(rdx, __[value + Tag]);
        a.movq(destination, rdx);
        masm.Bind(done);
        OutOfLine(() =>
        {
            masm.Bind(isInt);
            a.cvtsi2sd(destination, new AssemblerRegister32(ToRegister32(value)));
            masm.Jump(done);
        });
    }

    /// <summary>
    /// acc = xmm0 as <see cref="JsValue.FromNumber"/> encodes it: integral values but -0 as int32, NaN
    /// canonical (clobbers rax, rcx, xmm1). A fraction, the common result of double arithmetic, takes the
    /// straight line: one <c>roundsd</c> toward zero and a compare tell it from integral values (and NaN),
    /// a shorter dependency chain than converting to int32 and back; it boxes as bits + 2^49, i.e. minus
    /// the tag register. Integral values (int32 or not), ±0 and NaN are sorted out of line.
    /// </summary>
    void BoxNumber()
    {
        var integralOrNaN = masm.CreateLabel();
        var done = masm.CreateLabel();
        // Rounding mode 3 (toward zero), precision exception suppressed (bit 3).
        a.roundsd(xmm1, xmm0, 11);
        a.ucomisd(xmm0, xmm1);
        masm.Jump(Condition.Equal, integralOrNaN);
        a.movq(Acc, xmm0);
        a.sub(Acc, Tag);
        masm.Bind(done);
        OutOfLine(() =>
        {
            var isInt = masm.CreateLabel();
            var nan = masm.CreateLabel();
            var asDouble = masm.CreateLabel();
            masm.Bind(integralOrNaN);
            masm.Jump(Condition.Parity, nan);
            // Integral: an int32 when converting there and back gives it again (infinities and
            // |x| ≥ 2^31 convert to int.MinValue, which is only -2^31 itself).
            a.cvttsd2si(ecx, xmm0);
            a.cvtsi2sd(xmm1, ecx);
            a.ucomisd(xmm0, xmm1);
            masm.Jump(Condition.NotEqual, asDouble);
            a.test(ecx, ecx);
            masm.Jump(Condition.NotEqual, isInt);
            // ±0: -0 stays a double.
            a.movq(rax, xmm0);
            a.test(rax, rax);
            masm.Jump(Condition.Sign, asDouble);
            masm.Bind(isInt);
            a.mov(eax, ecx);
            a.or(rax, Tag);
            a.mov(Acc, rax);
            masm.Jump(done);
            masm.Bind(nan);
            a.mov(Acc, unchecked((long)CanonicalNaNValue));
            masm.Jump(done);
            masm.Bind(asDouble);
            a.movq(Acc, xmm0);
            a.sub(Acc, Tag);
            masm.Jump(done);
        });
    }

    /// <summary>Inc/Dec of an int32 that stays an int32; anything else goes to the interpreter.</summary>
    void IncrementOrDecrement(int pc, int delta)
    {
        JumpUnlessInt32(Acc, SlowPath(pc));
        a.mov(eax, Acc32);
        a.add(eax, delta);
        masm.Jump(Condition.Overflow, SlowPath(pc));
        a.or(rax, Tag);
        a.mov(Acc, rax);
    }

    /// <summary>
    /// acc = -acc for numbers, as the interpreter's <c>FromNumber(-x)</c>: an int32 negates in place
    /// except 0 (whose negation is -0, a double) and int.MinValue (2^31, a double); a double flips its
    /// sign bit and is boxed again, since -(-0) and -(2^31) are int32s. Anything else is the interpreter's.
    /// </summary>
    void EmitNegate(int pc)
    {
        var notInt = masm.CreateLabel();
        var zero = masm.CreateLabel();
        var minValue = masm.CreateLabel();
        var done = masm.CreateLabel();
        JumpUnlessInt32(Acc, notInt);
        a.mov(eax, Acc32);
        a.test(eax, eax);
        masm.Jump(Condition.Equal, zero);
        a.neg(eax);
        masm.Jump(Condition.Overflow, minValue);
        a.or(rax, Tag);
        a.mov(Acc, rax);
        masm.Jump(done);

        masm.Bind(zero);
        a.mov(Acc, unchecked((long)NegativeZeroValue));
        masm.Jump(done);
        masm.Bind(minValue);
        a.mov(Acc, unchecked((long)(BitConverter.DoubleToUInt64Bits(2147483648.0) + JsValue.DoubleOffset)));
        masm.Jump(done);

        masm.Bind(notInt);
        a.test(Acc, Tag);
        masm.Jump(Condition.Equal, SlowPath(pc));
        a.mov(rax, unchecked((long)(JsValue.DoubleOffset | 1UL << 63)));
        // (bits + offset) - offset with the sign flipped, in one subtraction: the sign bit is the top one.
        a.mov(rcx, Acc);
        a.sub(rcx, rax);
        a.movq(xmm0, rcx);
        BoxNumber();
        masm.Bind(done);
    }

    /// <summary>acc = ~ToInt32(acc) for numbers (doubles truncated as <see cref="TruncateToInt32"/> can); anything else is the interpreter's.</summary>
    void EmitBitNot(int pc)
    {
        TruncateToInt32(Acc, rax, SlowPath(pc));
        a.not(eax);
        a.or(rax, Tag);
        a.mov(Acc, rax);
    }

    /// <summary>
    /// acc = r[left] compared with acc. int32 operands compare as int32 with <paramref name="intCondition"/>;
    /// numbers compare as doubles with <paramref name="doubleCondition"/> (an unsigned condition after
    /// <c>ucomisd</c>, operands ordered so that NaN gives false); anything else is the interpreter's.
    /// When a conditional jump on the result follows, the fast paths take it too (see <see cref="FusedBranch"/>).
    /// </summary>
    void Compare(int pc, byte* p, OpInfo row, Condition intCondition, bool accFirst, Condition doubleCondition)
    {
        var done = masm.CreateLabel();
        var notBothInt = masm.CreateLabel();
        var branch = FusedBranch(pc, row);
        a.mov(rax, Register(Operand(p, row, 0)));
        JumpUnlessBothInt32(notBothInt);
        a.cmp(eax, Acc32);
        if (branch is { } fused)
        {
            if (!fused.AccDead) SetBooleanAcc(intCondition);
            // The int32 compare falls through to the code after the jump; the double one is out of line.
            JumpOnCondition(intCondition, fused.IfTrue, fused.IfFalse, fused.Next);
            OutOfLine(() =>
            {
                masm.Bind(notBothInt);
                CompareDoubles(pc, accFirst, doubleCondition, setAcc: !fused.AccDead);
                JumpOnCondition(doubleCondition, fused.IfTrue, fused.IfFalse, next: null);
            });
            return;
        }
        SetBooleanAcc(intCondition);
        masm.Jump(done);
        masm.Bind(notBothInt);
        CompareDoubles(pc, accFirst, doubleCondition, setAcc: true);
        masm.Bind(done);
    }

    /// <summary>Compares rax with the accumulator as doubles, the flags left by <c>ucomisd</c> (and the boolean in acc when <paramref name="setAcc"/>); anything but numbers is the interpreter's.</summary>
    void CompareDoubles(int pc, bool accFirst, Condition doubleCondition, bool setAcc)
    {
        BothToDouble(SlowPath(pc));
        // left < right ⇔ right above left; left > right ⇔ left above right (unordered sets CF and ZF: false).
        if (accFirst) a.ucomisd(xmm0, xmm1);
        else a.ucomisd(xmm1, xmm0);
        if (setAcc) SetBooleanAcc(doubleCondition);
    }

    /// <summary>
    /// When the instruction after the compare at <paramref name="pc"/> is a conditional jump on its
    /// result (JumpIfTrue/False, JumpIfToBooleanTrue/False: the same on a boolean), the labels the
    /// compare branches to itself, as the interpreter's compare-and-branch does, and the label of the
    /// code that follows the compare's (the instruction after the jump). The compare still sets the
    /// boolean accumulator (the jump leaves it there); the jump's own code, for entries at it and for
    /// the compare's slow path, moves out of line (<see cref="fusedJumpPc"/>).
    /// </summary>
    (Label IfTrue, Label IfFalse, Label Next, bool AccDead)? FusedBranch(int pc, OpInfo row)
    {
        int next = pc + row.Size;
        if (next >= length) return null;
        byte* code = function.Code;
        var jump = (Opcode)code[next];
        if (jump is not (Opcode.JumpIfTrue or Opcode.JumpIfToBooleanTrue or Opcode.JumpIfFalse or Opcode.JumpIfToBooleanFalse)) return null;
        var jumpRow = OpcodeTable.Get(jump);
        int targetPc = next + Operand(code + next, jumpRow, jumpRow.Operands.Length - 1);
        int fallThroughPc = next + jumpRow.Size;
        var target = instructionLabels[targetPc];
        var fallThrough = instructionLabels[fallThroughPc];
        fusedJumpPc = next;
        // When both successors load the accumulator before reading it (an if's body and else, a loop's
        // body and exit, as a rule), the fast paths need not make the boolean: nothing can observe it,
        // and what the accumulator holds meanwhile is the compare's right operand, a number.
        bool accDead = LoadsAccumulatorFirst(targetPc) && LoadsAccumulatorFirst(fallThroughPc);
        return jump is Opcode.JumpIfTrue or Opcode.JumpIfToBooleanTrue ? (target, fallThrough, fallThrough, accDead) : (fallThrough, target, fallThrough, accDead);
    }

    /// <summary>Whether the instruction at <paramref name="pc"/> sets the accumulator without reading it, always inline (it cannot exit with the old one).</summary>
    bool LoadsAccumulatorFirst(int pc) =>
        pc < length && (Opcode)function.Code[pc] is Opcode.Ldar or Opcode.LdaSmi or Opcode.LdaZero or Opcode.LdaConstant
            or Opcode.LdaUndefined or Opcode.LdaNull or Opcode.LdaTrue or Opcode.LdaFalse or Opcode.LdaContextSlot
            or Opcode.LdaCurrentContext or Opcode.LdaReceiver or Opcode.LdaFunction;

    /// <summary>
    /// Branches to <paramref name="ifTrue"/> when <paramref name="condition"/> holds in the flags, else to
    /// <paramref name="ifFalse"/>; one conditional jump when either is <paramref name="next"/>, the code that follows.
    /// </summary>
    void JumpOnCondition(Condition condition, Label ifTrue, Label ifFalse, Label? next)
    {
        if (ifFalse == next)
        {
            masm.Jump(condition, ifTrue);
        }
        else if (ifTrue == next)
        {
            // x86 condition codes come in pairs that differ in the low bit; an unordered ucomisd fails
            // Above/AboveOrEqual and so satisfies their negations, as false should.
            masm.Jump((Condition)((byte)condition ^ 1), ifFalse);
        }
        else
        {
            masm.Jump(condition, ifTrue);
            masm.Jump(ifFalse);
        }
    }
}
