using Flywheel.SsaIR;
using Flywheel.X64;
using Iced.Intel;
using Instruction = Iced.Intel.Instruction;
using static Flywheel.CodeGen.X64.X64Registers;
using Label = Flywheel.MachineCode.Label;

namespace Flywheel.CodeGen.X64;

/// <summary>
/// <c>void stub(ulong* args, ulong* result)</c>: one signature for calling any compiled function
/// from the embedder. Loads each parameter from its 8-byte word into its convention register or
/// stack slot, calls, and stores the result as canonical bits (an f32 result sign-extended from
/// its 32 bits, as the IR canonicalizes).
/// </summary>
internal static class X64EntryStub
{
    public static void Emit(X64Assembler masm, Function function, Label target, X64CallingConvention convention)
    {
        var a = masm.Iced;
        masm.Annotate($"entry stub for %{function.Name}");
        // rbx and r12 (callee-saved) keep the argument and result pointers across the call.
        a.AddInstruction(Instruction.Create(Code.Push_r64, Register.RBP));
        a.AddInstruction(Instruction.Create(Code.Mov_r64_rm64, Register.RBP, Register.RSP));
        a.AddInstruction(Instruction.Create(Code.Push_r64, Register.RBX));
        a.AddInstruction(Instruction.Create(Code.Push_r64, Register.R12));
        a.AddInstruction(Instruction.Create(Code.Mov_r64_rm64, Register.RBX, convention.IntegerArguments[0].Value));
        a.AddInstruction(Instruction.Create(Code.Mov_r64_rm64, Register.R12, convention.IntegerArguments[1].Value));
        var assigned = convention.AssignArguments(function.ParameterTypes.Select(t => t.IsFloat()).ToArray());
        int stackBytes = convention.ShadowSpaceBytes + 8 * assigned.Count(l => l.StackOffset is not null);
        int adjust = (stackBytes + 15) / 16 * 16;
        if (adjust > 0) a.AddInstruction(Instruction.Create(Code.Sub_rm64_imm32, Register.RSP, adjust));
        for (int i = 0; i < assigned.Count; i++)
        {
            var word = new MemoryOperand(Register.RBX, 8 * i, 8);
            if (assigned[i].Register is { } r) a.AddInstruction(Instruction.Create(Code.Mov_r64_rm64, r.Value, word));
            else if (assigned[i].FloatRegister is { } x) a.AddInstruction(Instruction.Create(Code.Movsd_xmm_xmmm64, x.Value, word));
            else
            {
                a.AddInstruction(Instruction.Create(Code.Mov_r64_rm64, Register.RAX, word));
                a.AddInstruction(Instruction.Create(Code.Mov_rm64_r64, new MemoryOperand(Register.RSP, assigned[i].StackOffset!.Value, 8), Register.RAX));
            }
        }
        masm.Call(target);
        var result = new MemoryOperand(Register.R12);
        switch (function.ReturnType)
        {
            case IrType.None: break;
            case IrType.F64: a.AddInstruction(Instruction.Create(Code.Movsd_xmmm64_xmm, result, Register.XMM0)); break;
            case IrType.F32:
                a.AddInstruction(Instruction.Create(Code.Movd_rm32_xmm, Register.EAX, Register.XMM0));
                a.AddInstruction(Instruction.Create(Code.Movsxd_r64_rm32, Register.RAX, Register.EAX));
                a.AddInstruction(Instruction.Create(Code.Mov_rm64_r64, result, Register.RAX));
                break;
            default: a.AddInstruction(Instruction.Create(Code.Mov_rm64_r64, result, Register.RAX)); break;
        }
        a.AddInstruction(Instruction.Create(Code.Lea_r64_m, Register.RSP, new MemoryOperand(Register.RBP, -16, 1)));
        a.AddInstruction(Instruction.Create(Code.Pop_r64, Register.R12));
        a.AddInstruction(Instruction.Create(Code.Pop_r64, Register.RBX));
        a.AddInstruction(Instruction.Create(Code.Pop_r64, Register.RBP));
        a.AddInstruction(Instruction.Create(Code.Retnq));
        masm.Flush();
    }
}
