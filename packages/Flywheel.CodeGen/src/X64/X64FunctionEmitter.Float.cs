using Flywheel.SsaIR;
using Iced.Intel;
using Instruction = Iced.Intel.Instruction;
using IrInst = Flywheel.SsaIR.Instruction;
using static Flywheel.CodeGen.X64.X64Registers;
using Label = Flywheel.MachineCode.Label;

namespace Flywheel.CodeGen.X64;

internal sealed partial class X64FunctionEmitter
{
    Register FloatScratchA => Xmm(module.FloatScratchA);

    Register FloatScratchB => Xmm(module.FloatScratchB);

    /// <summary>Copies an operand into an XMM register (constants through r10).</summary>
    void MoveToXmm(Register destination, Operand source, bool single)
    {
        switch (source.Kind)
        {
            case OperandKind.Register when source.Register != destination: Add(Instruction.Create(Code.Movaps_xmm_xmmm128, destination, source.Register)); break;
            case OperandKind.Immediate: LoadFloatBits(destination, source.Immediate); break;
            case OperandKind.Memory: Add(Instruction.Create(single ? Code.Movss_xmm_xmmm32 : Code.Movsd_xmm_xmmm64, destination, source.Memory)); break;
        }
    }

    /// <summary><c>op destination, source</c> for an SSE scalar instruction taking xmm/m32 or xmm/m64.</summary>
    void FloatOp(Code code, Register destination, Operand source)
    {
        switch (source.Kind)
        {
            case OperandKind.Register: Add(Instruction.Create(code, destination, source.Register)); break;
            case OperandKind.Memory: Add(Instruction.Create(code, destination, source.Memory)); break;
            default:
                // A constant operand is read from the constant pool (f32 constants sit in the low half of their 8 bytes).
                masm.EmitRipRelative(Instruction.Create(code, destination, new MemoryOperand(Register.RIP)), masm.Buffer.AddConstant64(unchecked((ulong)source.Immediate)));
                break;
        }
    }

    void EmitFloatBinary(IrInst inst)
    {
        var result = inst.Result!.Value;
        bool single = inst.Type == IrType.F32;
        bool commutative = inst.Opcode is Opcode.Fadd or Opcode.Fmul;
        var code = (inst.Opcode, single) switch
        {
            (Opcode.Fadd, true) => Code.Addss_xmm_xmmm32,
            (Opcode.Fadd, false) => Code.Addsd_xmm_xmmm64,
            (Opcode.Fsub, true) => Code.Subss_xmm_xmmm32,
            (Opcode.Fsub, false) => Code.Subsd_xmm_xmmm64,
            (Opcode.Fmul, true) => Code.Mulss_xmm_xmmm32,
            (Opcode.Fmul, false) => Code.Mulsd_xmm_xmmm64,
            (_, true) => Code.Divss_xmm_xmmm32,
            _ => Code.Divsd_xmm_xmmm64,
        };
        var a = Read(inst.Args[0]);
        var b = Read(inst.Args[1]);
        var dst = Destination(result, FloatScratchA);
        // A folded load as the first operand of a commutative op: read it as the second.
        if (commutative && a.Kind == OperandKind.Memory && b.Kind == OperandKind.Register) (a, b) = (b, a);
        if (b.Kind == OperandKind.Register && b.Register == dst && !(a.Kind == OperandKind.Register && a.Register == dst))
        {
            if (commutative) (a, b) = (b, a); else dst = FloatScratchA;
        }
        MoveToXmm(dst, a, single);
        FloatOp(code, dst, b);
        Commit(result, dst);
    }

    void EmitFloatUnary(IrInst inst)
    {
        var result = inst.Result!.Value;
        bool single = inst.Type == IrType.F32;
        var dst = Destination(result, FloatScratchA);
        if (inst.Opcode == Opcode.Fsqrt)
        {
            FloatOp(single ? Code.Sqrtss_xmm_xmmm32 : Code.Sqrtsd_xmm_xmmm64, dst, Read(inst.Args[0]));
            Commit(result, dst);
            return;
        }
        MoveToXmm(dst, Read(inst.Args[0]), single);
        long sign = single ? 0x8000_0000L : long.MinValue;
        LoadFloatBits(FloatScratchB, inst.Opcode == Opcode.Fneg ? sign : (single ? 0x7FFF_FFFFL : long.MaxValue));
        Add(Instruction.Create(inst.Opcode == Opcode.Fneg ? Code.Xorps_xmm_xmmm128 : Code.Andps_xmm_xmmm128, dst, FloatScratchB));
        Commit(result, dst);
    }

    void EmitIntConversion(IrInst inst)
    {
        var result = inst.Result!.Value;
        var fromType = function.TypeOf(inst.Args[0]);
        switch (inst.Opcode)
        {
            case Opcode.Sextend:
            case Opcode.Bitcast when fromType.IsIntLike() && inst.Type.IsIntLike():
            {
                // Canonical narrow values are already sign-extended: a plain copy.
                var dst = Destination(result, Register.R11);
                MoveTo(dst, Read(inst.Args[0]));
                Commit(result, dst);
                return;
            }
            case Opcode.Uextend:
            {
                var source = Gpr(inst.Args[0], Register.R11);
                var dst = Destination(result, Register.R11);
                ZeroExtend(dst, source, fromType.Bits());
                Commit(result, dst);
                return;
            }
            case Opcode.Ireduce:
            {
                var source = Gpr(inst.Args[0], Register.R11);
                var dst = Destination(result, Register.R11);
                int bits = inst.Type.Bits();
                Add(Instruction.Create(bits == 32 ? Code.Movsxd_r64_rm32 : bits == 16 ? Code.Movsx_r64_rm16 : Code.Movsx_r64_rm8, dst, Sized(Number(source), bits)));
                Commit(result, dst);
                return;
            }
        }
        // Bitcast between the register files.
        if (fromType.IsFloat())
        {
            var source = Fpr(inst.Args[0], FloatScratchA);
            var dst = Destination(result, Register.R11);
            if (fromType == IrType.F32)
            {
                Add(Instruction.Create(Code.Movd_rm32_xmm, R32(Number(dst)), source));
                Canonicalize(dst, 32);
            }
            else
            {
                Add(Instruction.Create(Code.Movq_rm64_xmm, dst, source));
            }
            Commit(result, dst);
        }
        else
        {
            var source = Gpr(inst.Args[0], Register.R11);
            var dst = Destination(result, FloatScratchA);
            Add(inst.Type == IrType.F32 ? Instruction.Create(Code.Movd_xmm_rm32, dst, R32(Number(source))) : Instruction.Create(Code.Movq_xmm_rm64, dst, source));
            Commit(result, dst);
        }
    }

    void EmitFloatConversion(IrInst inst)
    {
        var result = inst.Result!.Value;
        var fromType = function.TypeOf(inst.Args[0]);
        switch (inst.Opcode)
        {
            case Opcode.Fpromote or Opcode.Fdemote:
            {
                var dst = Destination(result, FloatScratchA);
                FloatOp(inst.Opcode == Opcode.Fpromote ? Code.Cvtss2sd_xmm_xmmm32 : Code.Cvtsd2ss_xmm_xmmm64, dst, Read(inst.Args[0]));
                Commit(result, dst);
                return;
            }
            case Opcode.FcvtFromSint:
            {
                // Canonical integers are valid 64-bit signed sources whatever their IR width.
                var source = Gpr(inst.Args[0], Register.R11);
                var dst = Destination(result, FloatScratchA);
                Add(Instruction.Create(Code.Xorps_xmm_xmmm128, dst, dst));
                Add(Instruction.Create(inst.Type == IrType.F32 ? Code.Cvtsi2ss_xmm_rm64 : Code.Cvtsi2sd_xmm_rm64, dst, source));
                Commit(result, dst);
                return;
            }
        }
        EmitSaturatingConversion(inst, fromType);
    }

    /// <summary><c>fcvt_to_sint_sat</c>: NaN gives 0, values at or past the bounds give the bounds, the rest truncate.</summary>
    void EmitSaturatingConversion(IrInst inst, IrType fromType)
    {
        var result = inst.Result!.Value;
        var x = Fpr(inst.Args[0], FloatScratchA);
        if (fromType == IrType.F32)
        {
            Add(Instruction.Create(Code.Cvtss2sd_xmm_xmmm32, FloatScratchA, x));
            x = FloatScratchA;
        }
        long min = Flywheel.SsaIR.Interpretation.Semantics.MinSigned(inst.Type), max = Flywheel.SsaIR.Interpretation.Semantics.MaxSigned(inst.Type);
        var dst = Destination(result, Register.R11);
        Label nan = masm.CreateLabel(), high = masm.CreateLabel(), low = masm.CreateLabel(), done = masm.CreateLabel();
        Add(Instruction.Create(Code.Ucomisd_xmm_xmmm64, x, x));
        masm.Jump(Flywheel.X64.Condition.Parity, nan);
        LoadFloatBits(FloatScratchB, BitConverter.DoubleToInt64Bits(max));
        Add(Instruction.Create(Code.Ucomisd_xmm_xmmm64, x, FloatScratchB));
        masm.Jump(Flywheel.X64.Condition.AboveOrEqual, high);
        LoadFloatBits(FloatScratchB, BitConverter.DoubleToInt64Bits(min));
        Add(Instruction.Create(Code.Ucomisd_xmm_xmmm64, x, FloatScratchB));
        masm.Jump(Flywheel.X64.Condition.BelowOrEqual, low);
        Add(Instruction.Create(Code.Cvttsd2si_r64_xmmm64, dst, x));
        masm.Jump(done);
        masm.Bind(nan);
        LoadImmediate(dst, 0);
        masm.Jump(done);
        masm.Bind(high);
        LoadImmediate(dst, max);
        masm.Jump(done);
        masm.Bind(low);
        LoadImmediate(dst, min);
        masm.Bind(done);
        Commit(result, dst);
    }
}
