using Flywheel.CodeGen.RegAlloc;
using Flywheel.SsaIR;
using Iced.Intel;
using Instruction = Iced.Intel.Instruction;
using IrInst = Flywheel.SsaIR.Instruction;
using static Flywheel.CodeGen.X64.X64Registers;

namespace Flywheel.CodeGen.X64;

internal sealed partial class X64FunctionEmitter
{
    /// <summary>
    /// The memory operand for <c>[address + offset]</c>, folding what the selector covered: a
    /// stack slot becomes <c>[rbp + d]</c>, an <c>iadd.ptr</c> becomes base + index (scaled by a
    /// covered <c>ishl</c>) or base + constant displacement. Operands not in registers are loaded
    /// into the two scratch registers given.
    /// </summary>
    MemoryOperand Address(ValueId address, int offset, Register baseScratch, Register indexScratch)
    {
        long displacement = offset;
        Register baseRegister, index = Register.None;
        int scale = 1;
        var def = function.DefiningInst(address);
        if (def is { Opcode: Opcode.StackAddr } && plan.IsCovered(address))
        {
            baseRegister = Register.RBP;
            displacement += slotOffsets[def.Slot.Index];
        }
        else if (def is { Opcode: Opcode.Iadd } && plan.IsCovered(address))
        {
            var left = def.Args[0];
            var leftDef = function.DefiningInst(left);
            if (leftDef is { Opcode: Opcode.StackAddr } && plan.IsCovered(left))
            {
                baseRegister = Register.RBP;
                displacement += slotOffsets[leftDef.Slot.Index];
            }
            else
            {
                baseRegister = Gpr(left, baseScratch);
            }
            var right = X64Selector.Unwrap(function, plan, def.Args[1]);
            if (plan.IsConstant(right, out long constant)) displacement += constant;
            else if (function.DefiningInst(right) is { Opcode: Opcode.Ishl } shl && plan.IsCovered(right))
            {
                index = Gpr(shl.Args[0], indexScratch);
                scale = 1 << X64Selector.ScaleShift(plan, shl)!.Value;
            }
            else
            {
                index = Gpr(right, indexScratch);
            }
        }
        else
        {
            baseRegister = Gpr(address, baseScratch);
        }
        return new MemoryOperand(baseRegister, index, scale, displacement, DisplacementSize(displacement));
    }

    void EmitLoad(IrInst inst)
    {
        var result = inst.Result!.Value;
        var memory = Address(inst.Args[0], inst.Offset, Register.R10, Register.R11);
        if (inst.Type.IsFloat())
        {
            var dst = Destination(result, FloatScratchA);
            Add(Instruction.Create(inst.Type == IrType.F32 ? Code.Movss_xmm_xmmm32 : Code.Movsd_xmm_xmmm64, dst, memory));
            Commit(result, dst);
            return;
        }
        // r11 may be the address's index: the load reads it before writing.
        var target = Destination(result, Register.R11);
        var code = inst.Type.Bits() switch
        {
            8 => Code.Movsx_r64_rm8,
            16 => Code.Movsx_r64_rm16,
            32 => Code.Movsxd_r64_rm32,
            _ => Code.Mov_r64_rm64,
        };
        Add(Instruction.Create(code, target, memory));
        Commit(result, target);
    }

    void EmitStore(IrInst inst)
    {
        var value = inst.Args[0];
        var type = function.TypeOf(value);
        int bits = type.Bits();
        // The value first: materializing a float constant uses r10, which the address may need.
        var operand = Read(value);
        Register source = Register.None;
        long immediate = 0;
        bool useImmediate = false;
        if (operand.Kind == OperandKind.Immediate && (bits < 64 || operand.IsImm32))
        {
            useImmediate = true;
            immediate = operand.Immediate;
        }
        else if (type.IsFloat())
        {
            source = operand.Kind == OperandKind.Register ? operand.Register : FloatScratchA;
            if (operand.Kind != OperandKind.Register) MoveToXmm(source, operand, false);
        }
        else
        {
            source = operand.Kind == OperandKind.Register ? operand.Register : Register.RAX;
            if (operand.Kind != OperandKind.Register) MoveTo(source, operand);
        }
        var memory = Address(inst.Args[1], inst.Offset, Register.R10, Register.R11);
        if (useImmediate)
        {
            var code = bits switch { 8 => Code.Mov_rm8_imm8, 16 => Code.Mov_rm16_imm16, 32 => Code.Mov_rm32_imm32, _ => Code.Mov_rm64_imm32 };
            Add(Instruction.Create(code, memory, bits switch { 8 => (int)(byte)immediate, 16 => (int)(ushort)immediate, _ => (int)immediate }));
        }
        else if (type.IsFloat())
        {
            Add(Instruction.Create(type == IrType.F32 ? Code.Movss_xmmm32_xmm : Code.Movsd_xmmm64_xmm, memory, source));
        }
        else
        {
            var code = bits switch { 8 => Code.Mov_rm8_r8, 16 => Code.Mov_rm16_r16, 32 => Code.Mov_rm32_r32, _ => Code.Mov_rm64_r64 };
            Add(Instruction.Create(code, memory, Sized(Number(source), bits)));
        }
    }

    void EmitStackAddr(IrInst inst)
    {
        var result = inst.Result!.Value;
        var dst = Destination(result, Register.R11);
        int offset = slotOffsets[inst.Slot.Index];
        Add(Instruction.Create(Code.Lea_r64_m, dst, new MemoryOperand(Register.RBP, offset, DisplacementSize(offset))));
        Commit(result, dst);
    }

    void EmitFuncAddr(IrInst inst)
    {
        var result = inst.Result!.Value;
        var dst = Destination(result, Register.R11);
        masm.Lea(new AssemblerRegister64(dst), module.FunctionLabel(inst.Callee!));
        Commit(result, dst);
    }
}
