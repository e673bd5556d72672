using Flywheel.CodeGen.RegAlloc;
using Flywheel.SsaIR;
using Flywheel.X64;
using Iced.Intel;
using Instruction = Iced.Intel.Instruction;
using IrInst = Flywheel.SsaIR.Instruction;
using static Flywheel.CodeGen.X64.X64Registers;
using Label = Flywheel.MachineCode.Label;

namespace Flywheel.CodeGen.X64;

/// <summary>How a condition is read from the flags: one condition code, or ucomis's equal/not-equal that must also look at parity (unordered).</summary>
internal enum FlagShape : byte { Plain, OrderedEqual, UnorderedOrNotEqual }

/// <summary>A condition held in the flags.</summary>
internal readonly record struct FlagTest(Condition Condition, FlagShape Shape);

internal sealed partial class X64FunctionEmitter
{
    static readonly Code[] SetCodes =
    [
        Code.Seto_rm8, Code.Setno_rm8, Code.Setb_rm8, Code.Setae_rm8, Code.Sete_rm8, Code.Setne_rm8, Code.Setbe_rm8, Code.Seta_rm8,
        Code.Sets_rm8, Code.Setns_rm8, Code.Setp_rm8, Code.Setnp_rm8, Code.Setl_rm8, Code.Setge_rm8, Code.Setle_rm8, Code.Setg_rm8,
    ];

    static readonly Code[] CmovCodes =
    [
        Code.Cmovo_r64_rm64, Code.Cmovno_r64_rm64, Code.Cmovb_r64_rm64, Code.Cmovae_r64_rm64, Code.Cmove_r64_rm64, Code.Cmovne_r64_rm64, Code.Cmovbe_r64_rm64, Code.Cmova_r64_rm64,
        Code.Cmovs_r64_rm64, Code.Cmovns_r64_rm64, Code.Cmovp_r64_rm64, Code.Cmovnp_r64_rm64, Code.Cmovl_r64_rm64, Code.Cmovge_r64_rm64, Code.Cmovle_r64_rm64, Code.Cmovg_r64_rm64,
    ];

    static Condition ConditionOf(IntCondition cond) => cond switch
    {
        IntCondition.Eq => Condition.Equal,
        IntCondition.Ne => Condition.NotEqual,
        IntCondition.Slt => Condition.Less,
        IntCondition.Sle => Condition.LessOrEqual,
        IntCondition.Sgt => Condition.Greater,
        IntCondition.Sge => Condition.GreaterOrEqual,
        IntCondition.Ult => Condition.Below,
        IntCondition.Ule => Condition.BelowOrEqual,
        IntCondition.Ugt => Condition.Above,
        _ => Condition.AboveOrEqual,
    };

    /// <summary>Sets the flags for an <c>icmp</c>/<c>fcmp</c> (the instruction itself, folded or not).</summary>
    FlagTest CompareFlags(IrInst compare) =>
        compare.Opcode == Opcode.Icmp ? IntFlags(compare.Args[0], compare.Args[1], compare.IntCond) : FloatFlags(compare);

    FlagTest IntFlags(ValueId x, ValueId y, IntCondition cond)
    {
        var a = Read(x);
        var b = Read(y);
        if (a.Kind == OperandKind.Immediate && b.Kind != OperandKind.Immediate)
        {
            (a, b) = (b, a);
            cond = cond.Swapped();
        }
        if (a.Kind == OperandKind.Immediate)
        {
            LoadImmediate(Register.R10, a.Immediate);
            a = new Operand(OperandKind.Register, Register.R10, default, 0);
        }
        if (a.Kind == OperandKind.Register)
        {
            if (b.Kind == OperandKind.Immediate && b.Immediate == 0) Add(Instruction.Create(Code.Test_rm64_r64, a.Register, a.Register));
            else Alu(AluOp.Cmp, a.Register, b, Register.RDX);
        }
        else if (b.Kind == OperandKind.Register) Add(Instruction.Create(Code.Cmp_rm64_r64, a.Memory, b.Register));
        else if (b.IsImm32)
        {
            bool small = b.Immediate is >= sbyte.MinValue and <= sbyte.MaxValue;
            Add(Instruction.Create(small ? Code.Cmp_rm64_imm8 : Code.Cmp_rm64_imm32, a.Memory, (int)b.Immediate));
        }
        else
        {
            // rdx for a wide immediate: r10 holds the left operand, and r11/rax may hold a select's inputs.
            Add(Instruction.Create(Code.Mov_r64_rm64, Register.R10, a.Memory));
            Alu(AluOp.Cmp, Register.R10, b, Register.RDX);
        }
        return new FlagTest(ConditionOf(cond), FlagShape.Plain);
    }

    FlagTest FloatFlags(IrInst compare)
    {
        var cond = compare.FloatCond;
        bool swap = cond is FloatCondition.Lt or FloatCondition.Le;
        var first = swap ? compare.Args[1] : compare.Args[0];
        var second = swap ? compare.Args[0] : compare.Args[1];
        bool single = function.TypeOf(first) == IrType.F32;
        var left = Fpr(first, FloatScratchA);
        FloatOp(single ? Code.Ucomiss_xmm_xmmm32 : Code.Ucomisd_xmm_xmmm64, left, Read(second));
        return cond switch
        {
            FloatCondition.Eq => new FlagTest(Condition.Equal, FlagShape.OrderedEqual),
            FloatCondition.Ne => new FlagTest(Condition.NotEqual, FlagShape.UnorderedOrNotEqual),
            FloatCondition.Gt or FloatCondition.Lt => new FlagTest(Condition.Above, FlagShape.Plain),
            FloatCondition.Ge or FloatCondition.Le => new FlagTest(Condition.AboveOrEqual, FlagShape.Plain),
            _ => new FlagTest(Condition.Parity, FlagShape.Plain),
        };
    }

    /// <summary>Sets the flags for "condition value is non-zero", fusing a covered compare.</summary>
    FlagTest ConditionFlags(ValueId condition)
    {
        if (plan.IsCovered(condition)) return CompareFlags(function.DefiningInst(condition)!);
        var operand = Read(condition);
        if (operand.Kind == OperandKind.Register) Add(Instruction.Create(Code.Test_rm64_r64, operand.Register, operand.Register));
        else Add(Instruction.Create(Code.Cmp_rm64_imm8, operand.Memory, 0));
        return new FlagTest(Condition.NotEqual, FlagShape.Plain);
    }

    void BranchIf(FlagTest test, Label target)
    {
        switch (test.Shape)
        {
            case FlagShape.Plain: masm.Jump(test.Condition, target); break;
            case FlagShape.OrderedEqual:
                var skip = masm.CreateLabel();
                masm.Jump(Condition.Parity, skip);
                masm.Jump(Condition.Equal, target);
                masm.Bind(skip);
                break;
            default:
                masm.Jump(Condition.Parity, target);
                masm.Jump(Condition.NotEqual, target);
                break;
        }
    }

    void BranchIfNot(FlagTest test, Label target) => BranchIf(Negate(test), target);

    static FlagTest Negate(FlagTest test) => test.Shape switch
    {
        FlagShape.Plain => test with { Condition = test.Condition.Negate() },
        FlagShape.OrderedEqual => new FlagTest(Condition.NotEqual, FlagShape.UnorderedOrNotEqual),
        _ => new FlagTest(Condition.Equal, FlagShape.OrderedEqual),
    };

    void EmitCompareValue(IrInst inst)
    {
        var result = inst.Result!.Value;
        var test = CompareFlags(inst);
        var dst = Destination(result, Register.R11);
        var low = R8(Number(dst));
        Add(Instruction.Create(SetCodes[(byte)test.Condition], low));
        if (test.Shape != FlagShape.Plain)
        {
            bool equal = test.Shape == FlagShape.OrderedEqual;
            Add(Instruction.Create(equal ? Code.Setnp_rm8 : Code.Setp_rm8, Register.AL));
            Add(Instruction.Create(equal ? Code.And_r8_rm8 : Code.Or_r8_rm8, low, Register.AL));
        }
        Add(Instruction.Create(Code.Movzx_r32_rm8, R32(Number(dst)), low));
        Commit(result, dst);
    }

    void EmitSelect(IrInst inst)
    {
        var result = inst.Result!.Value;
        var condition = inst.Args[0];
        if (plan.IsConstant(condition, out long bits))
        {
            EmitMove(LocationOf(bits != 0 ? inst.Args[1] : inst.Args[2]), LocationOf(result));
            return;
        }
        if (inst.Type.IsFloat())
        {
            // No cmov for XMM: branch around the move of the true value.
            MoveToXmm(FloatScratchA, Read(inst.Args[2]), false);
            var skip = masm.CreateLabel();
            BranchIfNot(ConditionFlags(condition), skip);
            MoveToXmm(FloatScratchA, Read(inst.Args[1]), false);
            masm.Bind(skip);
            Commit(result, FloatScratchA);
            return;
        }
        var whenTrue = Read(inst.Args[1]);
        if (whenTrue.Kind == OperandKind.Immediate)
        {
            LoadImmediate(Register.RAX, whenTrue.Immediate);
            whenTrue = new Operand(OperandKind.Register, Register.RAX, default, 0);
        }
        MoveTo(Register.R11, Read(inst.Args[2]));
        var test = ConditionFlags(condition);
        var cmov = CmovCodes[(byte)test.Condition];
        Add(whenTrue.Kind == OperandKind.Register ? Instruction.Create(cmov, Register.R11, whenTrue.Register) : Instruction.Create(cmov, Register.R11, whenTrue.Memory));
        Commit(result, Register.R11);
    }

    void EmitGuard(IrInst inst)
    {
        var condition = inst.Args[0];
        if (plan.IsConstant(condition, out long bits))
        {
            if (bits == 0) masm.Jump(DeoptStub(inst, SafepointKind.Guard));
            return;
        }
        var test = ConditionFlags(condition);
        BranchIfNot(test, DeoptStub(inst, SafepointKind.Guard));
    }

    /// <summary>The label a branch to <paramref name="call"/> jumps to: the block itself, or a stub doing the edge's parallel move first.</summary>
    Label EdgeLabel(BlockCall call)
    {
        var moves = EdgeMoves(call);
        if (moves.Count == 0) return blockLabels[call.Block];
        var stub = masm.CreateLabel();
        edgeStubs.Add((stub, moves, call.Block));
        return stub;
    }

    /// <summary>
    /// The parallel copy on the edge the current branch takes to <paramref name="call"/>'s block:
    /// arguments to parameters, and every split value live into the block from the location of
    /// its piece here to that of its piece at the block's start.
    /// </summary>
    List<Move> EdgeMoves(BlockCall call)
    {
        var parameters = function[call.Block].Params;
        int start = order.BlockStart(call.Block);
        var moves = new List<Move>();
        for (int i = 0; i < parameters.Count; i++)
        {
            var destination = allocation.LocationAt(parameters[i], start);
            var source = LocationOf(call.Args[i]);
            if (destination.Kind != LocationKind.None && source != destination) moves.Add(new Move(source, destination));
            // A parameter's definition is this copy: its spill slot is written here too (see Allocation.SpillSlotOf).
            if (destination.IsRegister && allocation.SpillSlotOf(parameters[i]) is { Kind: LocationKind.Spill } slot && source != slot) moves.Add(new Move(source, slot));
        }
        foreach (var (value, destination) in allocation.SplitLiveIn(start))
        {
            var source = value.PieceAt(position).Assigned;
            if (source != destination && destination.Kind != LocationKind.Spill) moves.Add(new Move(source, destination));
        }
        return moves;
    }

    void EmitJumpTo(BlockCall call)
    {
        EmitParallelMoves(EdgeMoves(call));
        if (call.Block == nextBlock) return;
        if (LoneBranch(call.Block) is { } branch) EmitAt(branch, EmitBrif);
        else masm.Jump(blockLabels[call.Block]);
    }

    /// <summary>
    /// The <c>brif</c> of a block that does nothing else (a loop header testing its exit, after
    /// the compare fused into it), or null. A jump to such a block branches on the spot instead —
    /// loop inversion, so a loop's back edge is one conditional branch rather than a jump to a
    /// test. The copy reads locations as of the header's branch (the edge's moves put every value
    /// where the header expects it) and takes the header's own edges.
    /// </summary>
    IrInst? LoneBranch(BlockId block)
    {
        IrInst? branch = null;
        foreach (var id in function[block].Instructions)
        {
            if (plan.IsCovered(id)) continue;
            var inst = function[id];
            if (inst.Opcode is Opcode.Iconst or Opcode.Fconst) continue;
            if (inst.Opcode != Opcode.Brif || plan.IsConstant(inst.Args[0])) return null;
            branch = inst;
        }
        return branch;
    }

    void EmitJump(IrInst inst) => EmitJumpTo(inst.Targets[0]);

    void EmitBrif(IrInst inst)
    {
        var (then, otherwise) = (inst.Targets[0], inst.Targets[1]);
        if (plan.IsConstant(inst.Args[0], out long bits))
        {
            EmitJumpTo(bits != 0 ? then : otherwise);
            return;
        }
        var test = ConditionFlags(inst.Args[0]);
        bool elseFallsThrough = otherwise.Block == nextBlock && EdgeMoves(otherwise).Count == 0;
        bool thenFallsThrough = then.Block == nextBlock && EdgeMoves(then).Count == 0;
        if (thenFallsThrough && !elseFallsThrough)
        {
            BranchIfNot(test, EdgeLabel(otherwise));
            return;
        }
        BranchIf(test, EdgeLabel(then));
        if (!elseFallsThrough) masm.Jump(EdgeLabel(otherwise));
    }

    void EmitSwitch(IrInst inst)
    {
        var index = Gpr(inst.Args[0], Register.R11);
        // The IR reads the index unsigned: zero-extend the canonical (sign-extended) value.
        int bits = function.TypeOf(inst.Args[0]).Bits();
        if (bits < 64)
        {
            ZeroExtend(Register.R11, index, bits);
            index = Register.R11;
        }
        var fallback = EdgeLabel(inst.Targets[0]);
        var cases = inst.Targets.Skip(1).Select(EdgeLabel).ToArray();
        if (cases.Length <= 4)
        {
            for (int k = 0; k < cases.Length; k++)
            {
                Add(Instruction.Create(Code.Cmp_rm64_imm8, index, k));
                masm.Jump(Condition.Equal, cases[k]);
            }
            masm.Jump(fallback);
            return;
        }
        // A table of 32-bit offsets from the table's start, read with the index as scale 4.
        var table = masm.CreateLabel();
        Alu(AluOp.Cmp, index, new Operand(OperandKind.Immediate, Register.None, default, cases.Length));
        masm.Jump(Condition.AboveOrEqual, fallback);
        masm.Lea(new AssemblerRegister64(Register.R10), table);
        Add(Instruction.Create(Code.Movsxd_r64_rm32, Register.R11, new MemoryOperand(Register.R10, index, 4, 0, 0)));
        Add(Instruction.Create(Code.Add_r64_rm64, Register.R11, Register.R10));
        Add(Instruction.Create(Code.Jmp_rm64, Register.R11));
        jumpTables.Add((table, cases));
    }

    void EmitReturn(IrInst inst)
    {
        if (inst.Args.Length > 0)
        {
            var value = inst.Args[0];
            if (function.TypeOf(value).IsFloat()) MoveToXmm(Register.XMM0, Read(value), false);
            else MoveTo(Register.RAX, Read(value));
        }
        masm.EmitEpilogue(frame);
    }
}
