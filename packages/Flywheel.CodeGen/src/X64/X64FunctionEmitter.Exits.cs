using Flywheel.CodeGen.RegAlloc;
using Flywheel.CodeGen.StackMaps;
using Flywheel.SsaIR;
using Flywheel.X64;
using Iced.Intel;
using Instruction = Iced.Intel.Instruction;
using IrInst = Flywheel.SsaIR.Instruction;
using static Flywheel.CodeGen.X64.X64Registers;
using Label = Flywheel.MachineCode.Label;

namespace Flywheel.CodeGen.X64;

internal sealed partial class X64FunctionEmitter
{
    const int SavedRegisterBytes = 16 * 8 + 16 * 8;

    Label TrapStub(TrapCode code)
    {
        if (!trapStubs.TryGetValue(code, out var label)) trapStubs[code] = label = masm.CreateLabel();
        return label;
    }

    /// <summary>Registers a deopt site for <paramref name="inst"/> as of the current code offset and returns its exit stub.</summary>
    Label DeoptStub(IrInst inst, SafepointKind kind)
    {
        int position = order.PositionOf(function.IdOf(inst));
        var site = module.AddDeoptSite(function, inst.FrameState!, kind, masm.Offset, LocationOf, SpillOffset);
        module.AddSafepoint(new Safepoint(masm.Offset, kind, StackMapBuilder.TaggedAt(allocation, position, afterCall: false, SpillOffset), site));
        var label = masm.CreateLabel();
        deoptStubs.Add((label, site));
        return label;
    }

    void RecordCallSafepoint(IrInst inst)
    {
        int position = order.PositionOf(function.IdOf(inst));
        int offset = masm.Offset;
        int? site = inst.FrameState is { } state ? module.AddDeoptSite(function, state, SafepointKind.Call, offset, LocationOf, SpillOffset) : null;
        module.AddSafepoint(new Safepoint(offset, SafepointKind.Call, StackMapBuilder.TaggedAt(allocation, position, afterCall: true, SpillOffset), site));
    }

    void EmitOutOfLine()
    {
        nextBlock = null;
        // Indexed: a stub that ends in a copy of its target's branch may add stubs of its own,
        // but only for branches whose edges need no moves, so the list stops growing.
        for (int i = 0; i < edgeStubs.Count; i++)
        {
            var (label, moves, target) = edgeStubs[i];
            masm.Bind(label);
            EmitParallelMoves(moves);
            if (LoneBranch(target) is { } branch && BranchNeedsNoEdgeMoves(branch)) EmitAt(branch, EmitBrif);
            else masm.Jump(blockLabels[target]);
        }
        foreach (var (code, label) in trapStubs.OrderBy(t => t.Key))
        {
            masm.Bind(label);
            masm.Annotate($"trap {code.Name()}");
            LoadImmediate(Register.R11, (long)code);
            masm.Jump(commonTrap ??= masm.CreateLabel());
        }
        foreach (var (label, site) in deoptStubs)
        {
            masm.Bind(label);
            masm.Annotate($"deopt site {site}");
            LoadImmediate(Register.R11, site);
            masm.Jump(commonDeopt ??= masm.CreateLabel());
        }
        if (commonTrap is { } trap) EmitCommonTrap(trap);
        if (commonDeopt is { } deopt) EmitCommonDeopt(deopt);
        masm.Bind(exitLabel);
        Add(Instruction.Create(Code.Xor_r32_rm32, Register.EAX, Register.EAX));
        Add(Instruction.Create(Code.Xorps_xmm_xmmm128, Register.XMM0, Register.XMM0));
        masm.EmitEpilogue(frame);
        foreach (var (table, targets) in jumpTables)
        {
            masm.Align(4);
            masm.Bind(table);
            int start = masm.Offset;
            foreach (var target in targets)
            {
                int site = masm.Buffer.Length;
                masm.Buffer.EmitUInt32(0);
                // rel32 counts from the field's end; the addend turns that into "from the table's start".
                masm.Buffer.AddFixup(site, target, X64Fixups.Rel32, addend: site + 4 - start);
            }
            masm.Buffer.MarkData(start, 4 * targets.Length);
        }
    }

    /// <summary>Whether every edge of <paramref name="branch"/> (read as of its own position) is free of moves.</summary>
    bool BranchNeedsNoEdgeMoves(IrInst branch)
    {
        var (savedPosition, savedDefining) = (position, defining);
        (position, defining) = (order.PositionOf(function.IdOf(branch)), null);
        bool none = branch.Targets.All(t => EdgeMoves(t).Count == 0);
        (position, defining) = (savedPosition, savedDefining);
        return none;
    }

    /// <summary>trap entry(moduleTag, code in r11); then set the pending-exit word and leave.</summary>
    void EmitCommonTrap(Label label)
    {
        masm.Bind(label);
        var args = convention.IntegerArguments;
        Add(Instruction.Create(Code.Mov_r64_rm64, args[1].Value, Register.R11));
        LoadImmediate(args[0].Value, module.Options.ModuleTag);
        masm.CallAbsolute(module.Runtime.TrapEntry, new AssemblerRegister64(Register.RAX));
        EmitSetPendingExit();
    }

    /// <summary>
    /// Saves every register as the <see cref="Flywheel.Deopt.MachineSnapshot"/> the embedder reads
    /// (16 general-purpose then 16 XMM words, by hardware number), then calls
    /// deopt entry(moduleTag, site in r11, gprs, xmms, rbp).
    /// </summary>
    void EmitCommonDeopt(Label label)
    {
        masm.Bind(label);
        Add(Instruction.Create(Code.Sub_rm64_imm32, Register.RSP, SavedRegisterBytes));
        for (int i = 0; i < 16; i++) Add(Instruction.Create(Code.Mov_rm64_r64, new MemoryOperand(Register.RSP, 8 * i, DisplacementSize(8 * i)), R64(i)));
        for (int i = 0; i < 16; i++) Add(Instruction.Create(Code.Movsd_xmmm64_xmm, new MemoryOperand(Register.RSP, 128 + 8 * i, 8), Xmm(i)));
        var assigned = convention.AssignArguments([false, false, false, false, false]);
        Register Arg(int i) => assigned[i].Register!.Value.Value;
        if (assigned[4].StackOffset is { } fifth)
        {
            // Win64: the fifth argument goes above the shadow space; keep rsp 16-byte aligned.
            Add(Instruction.Create(Code.Mov_r64_rm64, Arg(2), Register.RSP));
            Add(Instruction.Create(Code.Lea_r64_m, Arg(3), new MemoryOperand(Register.RSP, 128, 8)));
            Add(Instruction.Create(Code.Sub_rm64_imm8, Register.RSP, 48));
            Add(Instruction.Create(Code.Mov_rm64_r64, new MemoryOperand(Register.RSP, fifth, 1), Register.RBP));
        }
        else
        {
            Add(Instruction.Create(Code.Mov_r64_rm64, Arg(2), Register.RSP));
            Add(Instruction.Create(Code.Lea_r64_m, Arg(3), new MemoryOperand(Register.RSP, 128, 8)));
            Add(Instruction.Create(Code.Mov_r64_rm64, Arg(4), Register.RBP));
        }
        Add(Instruction.Create(Code.Mov_r64_rm64, Arg(1), Register.R11));
        LoadImmediate(Arg(0), module.Options.ModuleTag);
        masm.CallAbsolute(module.Runtime.DeoptEntry, new AssemblerRegister64(Register.RAX));
        EmitSetPendingExit();
    }

    void EmitSetPendingExit()
    {
        LoadImmediate(Register.R11, module.Runtime.PendingExitAddress);
        Add(Instruction.Create(Code.Mov_rm64_imm32, new MemoryOperand(Register.R11), 1));
        masm.Jump(exitLabel);
    }
}
