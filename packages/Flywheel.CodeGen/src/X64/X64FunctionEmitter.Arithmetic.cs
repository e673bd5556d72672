using Flywheel.SsaIR;
using Iced.Intel;
using Instruction = Iced.Intel.Instruction;
using IrInst = Flywheel.SsaIR.Instruction;
using static Flywheel.CodeGen.X64.X64Registers;

namespace Flywheel.CodeGen.X64;

/// <summary>Two-operand integer operations that share one encoding pattern.</summary>
internal enum AluOp : byte { Add, Sub, And, Or, Xor, Cmp }

internal sealed partial class X64FunctionEmitter
{
    // (r64, r/m64), (r/m64, imm8), (r/m64, imm32), (r/m64, r64) per AluOp.
    static readonly (Code RegRm, Code RmImm8, Code RmImm32, Code RmReg)[] AluCodes =
    [
        (Code.Add_r64_rm64, Code.Add_rm64_imm8, Code.Add_rm64_imm32, Code.Add_rm64_r64),
        (Code.Sub_r64_rm64, Code.Sub_rm64_imm8, Code.Sub_rm64_imm32, Code.Sub_rm64_r64),
        (Code.And_r64_rm64, Code.And_rm64_imm8, Code.And_rm64_imm32, Code.And_rm64_r64),
        (Code.Or_r64_rm64, Code.Or_rm64_imm8, Code.Or_rm64_imm32, Code.Or_rm64_r64),
        (Code.Xor_r64_rm64, Code.Xor_rm64_imm8, Code.Xor_rm64_imm32, Code.Xor_rm64_r64),
        (Code.Cmp_r64_rm64, Code.Cmp_rm64_imm8, Code.Cmp_rm64_imm32, Code.Cmp_rm64_r64),
    ];

    static AluOp AluOf(Opcode opcode) => opcode switch
    {
        Opcode.Iadd or Opcode.CheckedIadd => AluOp.Add,
        Opcode.Isub or Opcode.CheckedIsub => AluOp.Sub,
        Opcode.Band => AluOp.And,
        Opcode.Bor => AluOp.Or,
        _ => AluOp.Xor,
    };

    /// <summary>Copies an operand into a 64-bit register with <c>mov</c>s only.</summary>
    void MoveTo(Register destination, Operand source)
    {
        switch (source.Kind)
        {
            case OperandKind.Register when source.Register != destination: Add(Instruction.Create(Code.Mov_r64_rm64, destination, source.Register)); break;
            case OperandKind.Immediate: LoadImmediate(destination, source.Immediate); break;
            case OperandKind.Memory: Add(Instruction.Create(Code.Mov_r64_rm64, destination, source.Memory)); break;
        }
    }

    /// <summary><c>op destination, source</c> with the source as register, memory or immediate (wide immediates through <paramref name="wideScratch"/>, r10 unless given).</summary>
    void Alu(AluOp op, Register destination, Operand source, Register wideScratch = Register.None)
    {
        if (wideScratch == Register.None) wideScratch = Register.R10;
        var codes = AluCodes[(int)op];
        switch (source.Kind)
        {
            case OperandKind.Register: Add(Instruction.Create(codes.RegRm, destination, source.Register)); break;
            case OperandKind.Memory: Add(Instruction.Create(codes.RegRm, destination, source.Memory)); break;
            case OperandKind.Immediate when source.Immediate is >= sbyte.MinValue and <= sbyte.MaxValue:
                Add(Instruction.Create(codes.RmImm8, destination, (int)source.Immediate));
                break;
            case OperandKind.Immediate when source.IsImm32: Add(Instruction.Create(codes.RmImm32, destination, (int)source.Immediate)); break;
            default:
                LoadImmediate(wideScratch, source.Immediate);
                Add(Instruction.Create(codes.RegRm, destination, wideScratch));
                break;
        }
    }

    /// <summary><c>imul destination, source</c>; an imm32 source uses the three-operand form.</summary>
    void Multiply(Register destination, Operand left, Operand right)
    {
        if (right.IsImm32 && left.Kind != OperandKind.Immediate)
        {
            bool small = right.Immediate is >= sbyte.MinValue and <= sbyte.MaxValue;
            var code = small ? Code.Imul_r64_rm64_imm8 : Code.Imul_r64_rm64_imm32;
            Add(left.Kind == OperandKind.Register
                ? Instruction.Create(code, destination, left.Register, (int)right.Immediate)
                : Instruction.Create(code, destination, left.Memory, (int)right.Immediate));
            return;
        }
        MoveTo(destination, left);
        switch (right.Kind)
        {
            case OperandKind.Register: Add(Instruction.Create(Code.Imul_r64_rm64, destination, right.Register)); break;
            case OperandKind.Memory: Add(Instruction.Create(Code.Imul_r64_rm64, destination, right.Memory)); break;
            default:
                LoadImmediate(Register.R10, right.Immediate);
                Add(Instruction.Create(Code.Imul_r64_rm64, destination, Register.R10));
                break;
        }
    }

    void EmitIntBinary(IrInst inst)
    {
        var result = inst.Result!.Value;
        bool commutative = inst.Opcode is not Opcode.Isub;
        var a = Read(inst.Args[0]);
        var b = Read(inst.Args[1]);
        var dst = Destination(result, Register.R11);
        // A folded load as the first operand of a commutative op: read it as the second.
        if (commutative && a.Kind == OperandKind.Memory && b.Kind == OperandKind.Register) (a, b) = (b, a);
        // Writing dst first must not destroy b: swap when allowed, else compute in scratch.
        if (b.Kind == OperandKind.Register && b.Register == dst && !(a.Kind == OperandKind.Register && a.Register == dst))
        {
            if (commutative) (a, b) = (b, a); else dst = Register.R11;
        }
        if (b.Kind == OperandKind.Memory && ReadsRegister(b.Memory, dst) && !(a.Kind == OperandKind.Register && a.Register == dst)) dst = Register.R11;
        if (commutative && a.Kind == OperandKind.Immediate && b.Kind != OperandKind.Immediate) (a, b) = (b, a);
        if (inst.Opcode == Opcode.Imul && ScaledSelf(a, b) is { } scaled) Add(Instruction.Create(Code.Lea_r64_m, dst, scaled));
        else if (inst.Opcode == Opcode.Imul) Multiply(dst, a, b);
        else if (ThreeAddressSum(inst.Opcode, dst, a, b) is { } sum) Add(Instruction.Create(Code.Lea_r64_m, dst, sum));
        else
        {
            MoveTo(dst, a);
            Alu(AluOf(inst.Opcode), dst, b);
        }
        // Bitwise results of canonical inputs are canonical; sums and products need re-extension.
        if (inst.Opcode is Opcode.Iadd or Opcode.Isub or Opcode.Imul) Canonicalize(dst, inst.Type.Bits());
        Commit(result, dst);
    }

    /// <summary><c>[x + x*2]</c>, <c>[x + x*4]</c> or <c>[x + x*8]</c> for a register times 3, 5 or 9: one <c>lea</c> (1 cycle) instead of an <c>imul</c> (3). Not for checked multiplies, which need the overflow flag.</summary>
    static MemoryOperand? ScaledSelf(Operand a, Operand b)
    {
        if (a.Kind != OperandKind.Register || a.Register.IsXMM() || b.Kind != OperandKind.Immediate || b.Immediate is not (3 or 5 or 9)) return null;
        return new MemoryOperand(a.Register, a.Register, (int)b.Immediate - 1, 0, 0);
    }

    static bool ReadsRegister(MemoryOperand memory, Register register) => memory.Base == register || memory.Index == register;

    /// <summary>
    /// <c>[a + b]</c> or <c>[a ± imm]</c> when an add (or a subtract of a constant) can be one
    /// <c>lea</c> into a register that holds neither operand, instead of a <c>mov</c> and the op.
    /// </summary>
    static MemoryOperand? ThreeAddressSum(Opcode opcode, Register dst, Operand a, Operand b)
    {
        if (a.Kind != OperandKind.Register || a.Register == dst || a.Register.IsXMM()) return null;
        if (opcode == Opcode.Iadd && b.Kind == OperandKind.Register && b.Register != dst)
        {
            return new MemoryOperand(a.Register, b.Register, 1, 0, 0);
        }
        if (opcode is Opcode.Iadd or Opcode.Isub && b.IsImm32 && b.Immediate != int.MinValue)
        {
            long displacement = opcode == Opcode.Iadd ? b.Immediate : -b.Immediate;
            return new MemoryOperand(a.Register, Register.None, 1, displacement, DisplacementSize(displacement));
        }
        return null;
    }

    void EmitIntUnary(IrInst inst)
    {
        var result = inst.Result!.Value;
        var dst = Destination(result, Register.R11);
        MoveTo(dst, Read(inst.Args[0]));
        if (inst.Opcode == Opcode.Ineg)
        {
            Add(Instruction.Create(Code.Neg_rm64, dst));
            Canonicalize(dst, inst.Type.Bits());
        }
        else
        {
            Add(Instruction.Create(Code.Not_rm64, dst));
        }
        Commit(result, dst);
    }

    void EmitShift(IrInst inst)
    {
        var result = inst.Result!.Value;
        int bits = inst.Type.Bits();
        bool constant = plan.IsConstant(inst.Args[1], out long amount);
        if (!constant)
        {
            // Hardware masks 64-bit shift counts to 6 bits; narrower IR types mask to their width.
            var count = Gpr(inst.Args[1], Register.RCX);
            if (count != Register.RCX) Add(Instruction.Create(Code.Mov_r32_rm32, Register.ECX, R32(Number(count))));
            if (bits < 64) Add(Instruction.Create(Code.And_rm32_imm8, Register.ECX, bits - 1));
        }
        var dst = Destination(result, Register.R11);
        MoveTo(dst, Read(inst.Args[0]));
        if (inst.Opcode == Opcode.Ushr && bits < 64) ZeroExtend(dst, dst, bits);
        int masked = (int)(amount & (bits - 1));
        var code = (inst.Opcode, constant) switch
        {
            (Opcode.Ishl, true) => Code.Shl_rm64_imm8,
            (Opcode.Ushr, true) => Code.Shr_rm64_imm8,
            (Opcode.Sshr, true) => Code.Sar_rm64_imm8,
            (Opcode.Ishl, false) => Code.Shl_rm64_CL,
            (Opcode.Ushr, false) => Code.Shr_rm64_CL,
            _ => Code.Sar_rm64_CL,
        };
        if (!constant) Add(Instruction.Create(code, dst, Register.CL));
        else if (masked != 0) Add(Instruction.Create(code, dst, masked));
        if (inst.Opcode != Opcode.Sshr) Canonicalize(dst, bits);
        Commit(result, dst);
    }

    void EmitDivision(IrInst inst)
    {
        var result = inst.Result!.Value;
        int bits = inst.Type.Bits();
        bool signed = inst.Opcode is Opcode.Sdiv or Opcode.Srem;
        var divisor = Gpr(inst.Args[1], Register.R11);
        if (!signed && bits < 64) { ZeroExtend(Register.R11, divisor, bits); divisor = Register.R11; }
        Add(Instruction.Create(Code.Test_rm64_r64, divisor, divisor));
        masm.Jump(Flywheel.X64.Condition.Equal, TrapStub(TrapCode.DivideByZero));
        var dividend = Gpr(inst.Args[0], Register.RAX);
        if (!signed && bits < 64) ZeroExtend(Register.RAX, dividend, bits);
        else if (dividend != Register.RAX) Add(Instruction.Create(Code.Mov_r64_rm64, Register.RAX, dividend));
        var done = masm.CreateLabel();
        if (signed)
        {
            // x86 faults on MIN / -1; the IR traps for sdiv and gives 0 for srem.
            var normal = masm.CreateLabel();
            Add(Instruction.Create(Code.Cmp_rm64_imm8, divisor, -1));
            masm.Jump(Flywheel.X64.Condition.NotEqual, normal);
            if (inst.Opcode == Opcode.Sdiv)
            {
                Alu(AluOp.Cmp, Register.RAX, new Operand(OperandKind.Immediate, Register.None, default, Flywheel.SsaIR.Interpretation.Semantics.MinSigned(inst.Type)));
                masm.Jump(Flywheel.X64.Condition.Equal, TrapStub(TrapCode.IntegerOverflow));
            }
            else
            {
                Add(Instruction.Create(Code.Mov_r32_imm32, Register.EDX, 0u));
                masm.Jump(done);
            }
            masm.Bind(normal);
            Add(Instruction.Create(Code.Cqo));
            Add(Instruction.Create(Code.Idiv_rm64, divisor));
        }
        else
        {
            Add(Instruction.Create(Code.Xor_r32_rm32, Register.EDX, Register.EDX));
            Add(Instruction.Create(Code.Div_rm64, divisor));
        }
        masm.Bind(done);
        var quotientOrRemainder = inst.Opcode is Opcode.Sdiv or Opcode.Udiv ? Register.RAX : Register.RDX;
        if (!signed) Canonicalize(quotientOrRemainder, bits);
        Commit(result, quotientOrRemainder);
    }

    void EmitChecked(IrInst inst)
    {
        // Computed in r11 so that every frame-state value is intact if the check fails.
        var result = inst.Result!.Value;
        int bits = inst.Type.Bits();
        var a = Read(inst.Args[0]);
        var b = Read(inst.Args[1]);
        if (inst.Opcode == Opcode.CheckedImul) Multiply(Register.R11, a, b);
        else
        {
            MoveTo(Register.R11, a);
            Alu(AluOf(inst.Opcode), Register.R11, b);
        }
        if (bits == 64)
        {
            masm.Jump(Flywheel.X64.Condition.Overflow, DeoptStub(inst, SafepointKind.Overflow));
        }
        else
        {
            // Canonical narrow operands never overflow 64 bits: the result fits iff re-extending its low bits gives it back.
            Add(Instruction.Create(bits == 32 ? Code.Movsxd_r64_rm32 : bits == 16 ? Code.Movsx_r64_rm16 : Code.Movsx_r64_rm8, Register.R10, Sized(R11, bits)));
            Add(Instruction.Create(Code.Cmp_r64_rm64, Register.R10, Register.R11));
            masm.Jump(Flywheel.X64.Condition.NotEqual, DeoptStub(inst, SafepointKind.Overflow));
        }
        Commit(result, Register.R11);
    }
}
