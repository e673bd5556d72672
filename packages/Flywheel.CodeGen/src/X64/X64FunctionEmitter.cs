using Flywheel.CodeGen.Lowering;
using Flywheel.CodeGen.RegAlloc;
using Flywheel.SsaIR;
using Flywheel.X64;
using Iced.Intel;
using Instruction = Iced.Intel.Instruction;
using IrInst = Flywheel.SsaIR.Instruction;
using static Flywheel.CodeGen.X64.X64Registers;
using Label = Flywheel.MachineCode.Label;

namespace Flywheel.CodeGen.X64;

/// <summary>
/// Emits one allocated function: prologue with a stack-limit check, parameter moves, each block's
/// instructions (the per-opcode parts live in the partial files next to this one), then the
/// out-of-line code — edge moves, trap and deopt exits, the shared exit path — and jump tables.
/// </summary>
internal sealed partial class X64FunctionEmitter
{
    readonly X64Assembler masm;
    readonly Function function;
    readonly SelectionPlan plan;
    readonly LinearOrder order;
    readonly Allocation allocation;
    readonly X64ModuleContext module;
    readonly X64CallingConvention convention;
    readonly FrameLayout frame;
    readonly Dictionary<BlockId, Label> blockLabels = [];
    readonly List<(Label Label, List<Move> Moves, BlockId Target)> edgeStubs = [];
    readonly Dictionary<TrapCode, Label> trapStubs = [];
    readonly List<(Label Label, int Site)> deoptStubs = [];
    readonly List<(Label Table, Label[] Targets)> jumpTables = [];
    readonly int[] slotOffsets;
    readonly Label exitLabel;
    Label? commonDeopt, commonTrap;
    BlockId? nextBlock;
    // The instruction being emitted: operands are read at its position, its result is written at
    // the next, and a split value's location depends on which of its pieces is live there.
    int position;
    ValueId? defining;

    public X64FunctionEmitter(X64Assembler masm, AllocatedFunction allocated, X64ModuleContext module)
    {
        this.masm = masm;
        function = allocated.Function;
        plan = allocated.Plan;
        order = allocated.Order;
        allocation = allocated.Allocation;
        this.module = module;
        convention = module.Convention;
        exitLabel = masm.CreateLabel();

        var saved = allocation.UsedRegisters()
            .Where(r => r.Class == RegisterClass.Gpr && convention.CalleeSaved.Contains(new AssemblerRegister64(R64(r.Register))))
            .Select(r => new AssemblerRegister64(R64(r.Register))).OrderBy(r => Number(r.Value)).ToList();
        // Frame locals: spill slots first, then the IR's stack slots (each rounded up to 8 bytes).
        int locals = allocation.SpillSlotCount;
        slotOffsets = new int[function.StackSlots.Count];
        for (int i = 0; i < slotOffsets.Length; i++)
        {
            int words = Math.Max(1, (function.StackSlots[i].Size + 7) / 8);
            locals += words;
            slotOffsets[i] = LocalOffset(saved.Count, locals - 1);
        }
        frame = new FrameLayout(convention, saved, locals, MaxOutgoingStackArguments());
    }

    static int LocalOffset(int savedCount, int index) => -8 * (savedCount + 1 + index);

    /// <summary>The frame-pointer-relative offset of spill slot <paramref name="slot"/>.</summary>
    public int SpillOffset(int slot) => LocalOffset(frame.SavedRegisters.Count, slot);

    public void Emit(Label entry)
    {
        foreach (var block in order.Blocks) blockLabels[block] = masm.CreateLabel();
        masm.Bind(entry);
        masm.Annotate($"function %{function.Name}");
        masm.EmitPrologue(frame);
        // Checked after the frame is built so the check covers this frame's own stack use.
        masm.Iced.mov(new AssemblerRegister64(Register.R11), (long)module.Runtime.StackLimitAddress);
        Add(Instruction.Create(Code.Cmp_r64_rm64, Register.RSP, new MemoryOperand(Register.R11)));
        masm.Jump(Condition.Below, TrapStub(TrapCode.StackOverflow));
        EmitParameterMoves();
        var loopTops = BackwardTargets();
        for (int b = 0; b < order.Blocks.Count; b++)
        {
            var block = order.Blocks[b];
            nextBlock = b + 1 < order.Blocks.Count ? order.Blocks[b + 1] : null;
            if (loopTops.Contains(block)) AlignWithNops(LoopAlignment);
            masm.Bind(blockLabels[block]);
            foreach (var id in function[block].Instructions)
            {
                if (plan.IsCovered(id)) continue;
                EmitAt(function[id], EmitInstruction);
            }
        }
        EmitOutOfLine();
    }

    /// <summary>
    /// Loop tops start at this alignment, as RyuJIT's do: a small loop then sits in as few fetch
    /// blocks as it can. 32 rather than 16: with 16, the fibonacci kernel's 18-byte loop ran at
    /// half speed depending on where it landed (measured 1.4–1.6 µs against 0.7 µs).
    /// </summary>
    const int LoopAlignment = 32;

    /// <summary>
    /// The blocks some branch of the function body reaches backwards in code order: loop tops.
    /// After loop inversion (see <see cref="LoneBranch"/>) a back edge lands on the loop body's
    /// first block rather than on the header, so targets of a duplicated branch count too.
    /// </summary>
    HashSet<BlockId> BackwardTargets()
    {
        var index = new Dictionary<BlockId, int>();
        for (int i = 0; i < order.Blocks.Count; i++) index[order.Blocks[i]] = i;
        var result = new HashSet<BlockId>();
        for (int i = 0; i < order.Blocks.Count; i++)
        {
            var block = order.Blocks[i];
            bool jumps = function.Terminator(block) is { Opcode: Opcode.Jump };
            foreach (var successor in order.Cfg.Successors(block))
            {
                bool duplicated = jumps && LoneBranch(successor) is not null && (i + 1 >= order.Blocks.Count || order.Blocks[i + 1] != successor);
                if (!duplicated)
                {
                    if (index.TryGetValue(successor, out int j) && j <= i) result.Add(successor);
                    continue;
                }
                foreach (var target in LoneBranch(successor)!.Targets)
                {
                    if (index.TryGetValue(target.Block, out int k) && k <= i) result.Add(target.Block);
                }
            }
        }
        return result;
    }

    // The recommended multi-byte NOPs (Intel SDM, "NOP"), by length.
    static readonly byte[][] Nops =
    [
        [],
        [0x90],
        [0x66, 0x90],
        [0x0F, 0x1F, 0x00],
        [0x0F, 0x1F, 0x40, 0x00],
        [0x0F, 0x1F, 0x44, 0x00, 0x00],
        [0x66, 0x0F, 0x1F, 0x44, 0x00, 0x00],
        [0x0F, 0x1F, 0x80, 0x00, 0x00, 0x00, 0x00],
        [0x0F, 0x1F, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00],
        [0x66, 0x0F, 0x1F, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00],
    ];

    /// <summary>Pads to <paramref name="alignment"/> with as few NOP instructions as possible (the padding may be executed: code can fall into it).</summary>
    void AlignWithNops(int alignment)
    {
        int padding = -masm.Offset & (alignment - 1);
        while (padding > 0)
        {
            int length = Math.Min(padding, Nops.Length - 1);
            masm.Buffer.EmitBytes(Nops[length]);
            padding -= length;
        }
    }

    /// <summary>
    /// Emits <paramref name="inst"/> (or a copy of it elsewhere, as loop inversion does with a
    /// header's branch) with locations as of its position, after the moves of values whose
    /// pieces meet there.
    /// </summary>
    void EmitAt(IrInst inst, Action<IrInst> emit)
    {
        var (savedPosition, savedDefining) = (position, defining);
        position = order.PositionOf(function.IdOf(inst));
        defining = null;
        if (allocation.MovesBefore(position) is { Count: > 0 } moves) EmitParallelMoves(moves.ToList());
        defining = inst.Result;
        emit(inst);
        if (inst.Result is { } result) StoreAtDefinition(result, LocationOf(result));
        (position, defining) = (savedPosition, savedDefining);
    }

    /// <summary>Writes a value defined into a register to its spill slot, if it has one (see <see cref="Allocation.SpillSlotOf"/>).</summary>
    void StoreAtDefinition(ValueId value, Location defined)
    {
        var slot = allocation.SpillSlotOf(value);
        if (slot.Kind == LocationKind.Spill && defined.IsRegister) EmitMove(defined, slot);
    }

    void EmitParameterMoves()
    {
        position = order.BlockStart(function.Entry);
        defining = null;
        var entryParams = function[function.Entry].Params;
        var assigned = convention.AssignArguments(function.ParameterTypes.Select(t => t.IsFloat()).ToArray());
        var moves = new List<Move>();
        for (int i = 0; i < entryParams.Count; i++)
        {
            var destination = LocationOf(entryParams[i]);
            if (destination.Kind == LocationKind.None) continue;
            moves.Add(new Move(ArgumentLocation(assigned[i], incoming: true), destination));
            if (destination.IsRegister && allocation.SpillSlotOf(entryParams[i]) is { Kind: LocationKind.Spill } slot) moves.Add(new Move(ArgumentLocation(assigned[i], incoming: true), slot));
        }
        EmitParallelMoves(moves);
    }

    static Location ArgumentLocation(ArgumentLocation argument, bool incoming) =>
        argument.Register is { } r ? Location.Gpr(Number(r.Value))
        : argument.FloatRegister is { } x ? Location.Float(Number(x.Value))
        : new Location(incoming ? LocationKind.IncomingArg : LocationKind.OutgoingArg, argument.StackOffset!.Value);

    int MaxOutgoingStackArguments()
    {
        int max = 0;
        foreach (var id in function.AllInstructions())
        {
            var inst = function[id];
            if (inst.Opcode is not (Opcode.Call or Opcode.CallIndirect or Opcode.CallHost)) continue;
            var args = inst.Opcode == Opcode.CallIndirect ? inst.Args[1..] : inst.Args;
            int stack = convention.AssignArguments(args.Select(a => function.TypeOf(a).IsFloat()).ToArray()).Count(a => a.StackOffset is not null);
            max = Math.Max(max, stack);
        }
        return max;
    }

    void EmitInstruction(IrInst inst)
    {
        switch (inst.Opcode)
        {
            case Opcode.Iconst or Opcode.Fconst: break; // materialized at each use
            case Opcode.Iadd or Opcode.Isub or Opcode.Imul or Opcode.Band or Opcode.Bor or Opcode.Bxor: EmitIntBinary(inst); break;
            case Opcode.Ineg or Opcode.Bnot: EmitIntUnary(inst); break;
            case Opcode.Ishl or Opcode.Ushr or Opcode.Sshr: EmitShift(inst); break;
            case Opcode.Sdiv or Opcode.Udiv or Opcode.Srem or Opcode.Urem: EmitDivision(inst); break;
            case Opcode.CheckedIadd or Opcode.CheckedIsub or Opcode.CheckedImul: EmitChecked(inst); break;
            case Opcode.Icmp or Opcode.Fcmp: EmitCompareValue(inst); break;
            case Opcode.Select: EmitSelect(inst); break;
            case Opcode.Fadd or Opcode.Fsub or Opcode.Fmul or Opcode.Fdiv: EmitFloatBinary(inst); break;
            case Opcode.Fneg or Opcode.Fabs or Opcode.Fsqrt: EmitFloatUnary(inst); break;
            case Opcode.Sextend or Opcode.Uextend or Opcode.Ireduce or Opcode.Bitcast: EmitIntConversion(inst); break;
            case Opcode.Fpromote or Opcode.Fdemote or Opcode.FcvtFromSint or Opcode.FcvtToSintSat: EmitFloatConversion(inst); break;
            case Opcode.Load: EmitLoad(inst); break;
            case Opcode.Store: EmitStore(inst); break;
            case Opcode.StackAddr: EmitStackAddr(inst); break;
            case Opcode.FuncAddr: EmitFuncAddr(inst); break;
            case Opcode.Alloc: EmitAlloc(inst); break;
            case Opcode.Call or Opcode.CallIndirect or Opcode.CallHost: EmitCall(inst); break;
            case Opcode.Guard: EmitGuard(inst); break;
            case Opcode.Jump: EmitJump(inst); break;
            case Opcode.Brif: EmitBrif(inst); break;
            case Opcode.Switch: EmitSwitch(inst); break;
            case Opcode.Return: EmitReturn(inst); break;
            case Opcode.Trap: masm.Jump(TrapStub(inst.TrapCode)); break;
            default: throw new NotSupportedException($"x64 cannot compile {inst.Opcode}");
        }
    }

    void Add(Instruction instruction) => masm.Iced.AddInstruction(instruction);

    Location LocationOf(ValueId value) =>
        plan.IsConstant(value, out long bits) ? Location.Constant(bits) : allocation.LocationAt(value, value == defining ? position + 1 : position);

    MemoryOperand SpillMemory(int slot) => new(Register.RBP, SpillOffset(slot), DisplacementSize(SpillOffset(slot)));

    static int DisplacementSize(long displacement) => displacement == 0 ? 0 : displacement is >= sbyte.MinValue and <= sbyte.MaxValue ? 1 : 8;

    MemoryOperand MemoryOf(Location location) => location.Kind switch
    {
        LocationKind.Spill => SpillMemory(location.Index),
        LocationKind.IncomingArg => new MemoryOperand(Register.RBP, 16 + location.Payload, DisplacementSize(16 + location.Payload)),
        LocationKind.OutgoingArg => new MemoryOperand(Register.RSP, location.Payload, DisplacementSize(location.Payload)),
        _ => throw new InvalidOperationException($"{location} is not in memory"),
    };
}
