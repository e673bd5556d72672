using Flywheel.CodeGen.RegAlloc;
using Flywheel.SsaIR;
using Flywheel.X64;
using Iced.Intel;
using Instruction = Iced.Intel.Instruction;
using IrInst = Flywheel.SsaIR.Instruction;

namespace Flywheel.CodeGen.X64;

internal sealed partial class X64FunctionEmitter
{
    void EmitCall(IrInst inst)
    {
        var args = inst.Opcode == Opcode.CallIndirect ? inst.Args[1..] : inst.Args;
        var assigned = convention.AssignArguments(args.Select(a => function.TypeOf(a).IsFloat()).ToArray());
        nint host = 0;
        if (inst.Opcode == Opcode.CallHost)
        {
            host = module.Runtime.ResolveHostFunction(inst.Callee!);
            if (host == 0)
            {
                masm.Jump(TrapStub(TrapCode.UnknownHostFunction));
                return;
            }
        }
        // The target goes to rax before the argument moves: no convention passes arguments there.
        if (inst.Opcode == Opcode.CallIndirect) MoveTo(Register.RAX, Read(inst.Args[0]));
        var moves = new List<Move>(args.Length);
        for (int i = 0; i < args.Length; i++) moves.Add(new Move(LocationOf(args[i]), ArgumentLocation(assigned[i], incoming: false)));
        EmitParallelMoves(moves);
        switch (inst.Opcode)
        {
            case Opcode.Call: masm.Call(module.FunctionLabel(inst.Callee!)); break;
            case Opcode.CallIndirect: Add(Instruction.Create(Code.Call_rm64, Register.RAX)); masm.Flush(); break;
            default: masm.CallAbsolute(host, new AssemblerRegister64(Register.RAX)); break;
        }
        RecordCallSafepoint(inst);
        EmitPendingExitCheck();
        if (inst.Result is not { } result) return;
        if (inst.Type.IsFloat())
        {
            Commit(result, Register.XMM0);
            return;
        }
        // Host helpers may leave garbage above a narrow result; compiled functions return canonical values.
        if (inst.Opcode == Opcode.CallHost) Canonicalize(Register.RAX, inst.Type.Bits());
        Commit(result, Register.RAX);
    }

    void EmitAlloc(IrInst inst)
    {
        var result = inst.Result!.Value;
        var size = convention.IntegerArguments[0].Value;
        LoadImmediate(size, inst.Imm);
        masm.CallAbsolute(module.Runtime.AllocateEntry, new AssemblerRegister64(Register.RAX));
        RecordCallSafepoint(inst);
        Add(Instruction.Create(Code.Test_rm64_r64, Register.RAX, Register.RAX));
        masm.Jump(Condition.Equal, TrapStub(TrapCode.HeapExhausted));
        Commit(result, Register.RAX);
    }

    /// <summary>Leaves at once when a callee (or a host helper) trapped, deopted or asked to unwind.</summary>
    void EmitPendingExitCheck()
    {
        LoadImmediate(Register.R11, module.Runtime.PendingExitAddress);
        Add(Instruction.Create(Code.Cmp_rm64_imm8, new MemoryOperand(Register.R11), 0));
        masm.Jump(Condition.NotEqual, exitLabel);
    }
}
