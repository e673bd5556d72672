using Flywheel.SsaIR;

namespace Flywheel.CodeGen.Lowering;

/// <summary>
/// The lowering decisions for one function, made by a target's instruction selector before
/// register allocation: which instructions emit no code of their own because every user folds
/// them in (a compare fused into the branch after it, an address computation folded into a
/// memory operand), and which values are constants materialized at each use instead of living
/// in a register. Liveness reads the plan, so a folded instruction's operands stay live up to
/// the instruction that absorbs them.
/// </summary>
internal sealed class SelectionPlan
{
    readonly Function function;
    readonly bool[] covered;

    public SelectionPlan(Function function)
    {
        this.function = function;
        covered = new bool[function.InstCount];
    }

    public Function Function => function;

    /// <summary>Marks an instruction as folded into its users.</summary>
    public void Cover(InstId inst) => covered[inst.Index] = true;

    public bool IsCovered(InstId inst) => covered[inst.Index];

    public bool IsCovered(ValueId value) => function.DefOf(value).Inst is { } inst && covered[inst.Index];

    /// <summary>Whether the value is an <c>iconst</c> or <c>fconst</c>: never allocated, encoded as an immediate or materialized where used.</summary>
    public bool IsConstant(ValueId value, out long bits)
    {
        bits = 0;
        if (function.DefiningInst(value) is not { Opcode: Opcode.Iconst or Opcode.Fconst } inst) return false;
        bits = inst.Type.Canonicalize(inst.Imm);
        return true;
    }

    public bool IsConstant(ValueId value) => IsConstant(value, out _);

    /// <summary>Whether the instruction clobbers the caller-saved registers (calls, and allocation through a runtime helper).</summary>
    public static bool IsCall(Instruction inst) => inst.Opcode is Opcode.Call or Opcode.CallIndirect or Opcode.CallHost or Opcode.Alloc;

    /// <summary>
    /// The values an emitted instruction reads from their allocated locations, after folding:
    /// a covered operand contributes its own operands instead; constants contribute nothing.
    /// <c>Late</c> uses must survive the instruction (a call's frame-state values are read
    /// after the call returns, by a lazy deopt).
    /// </summary>
    public void CollectUses(Instruction inst, List<(ValueId Value, bool Late)> uses)
    {
        foreach (var arg in inst.Args) Expand(arg, false, uses);
        foreach (var target in inst.Targets)
        {
            foreach (var arg in target.Args) Expand(arg, false, uses);
        }
        if (inst.FrameState is { } state)
        {
            bool late = IsCall(inst);
            foreach (var value in state.Values) Expand(value, late, uses);
        }
    }

    void Expand(ValueId value, bool late, List<(ValueId, bool)> uses)
    {
        if (IsConstant(value)) return;
        if (function.DefOf(value).Inst is { } def && covered[def.Index])
        {
            foreach (var arg in function[def].Args) Expand(arg, late, uses);
            return;
        }
        uses.Add((value, late));
    }
}
