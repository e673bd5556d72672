using Flywheel.CodeGen.Lowering;
using Flywheel.SsaIR;

namespace Flywheel.CodeGen.X64;

/// <summary>
/// x86-64 instruction selection decisions (the emitter then matches the same shapes):
/// <list type="bullet">
/// <item>compare-and-branch fusion: an <c>icmp</c>/<c>fcmp</c> whose only use is the condition of the
/// next <c>brif</c> or <c>guard</c> (or, for <c>icmp</c>, <c>select</c>) sets the flags its user branches
/// or <c>cmov</c>s on, instead of materializing 0/1;</item>
/// <item>addressing modes: a <c>stack_addr</c> or <c>iadd.ptr</c> used only as load/store addresses
/// becomes <c>[base + index*scale + disp]</c> (with <c>ishl</c> by 1–3 as the scale and constants as
/// the displacement), and emits nothing itself;</item>
/// <item>load folding: a full-width load used only by the integer or float arithmetic right after it
/// becomes that instruction's memory operand;</item>
/// <item>constants are never allocated: immediates where the instruction takes one, materialized
/// into a scratch register otherwise.</item>
/// </list>
/// </summary>
internal static class X64Selector
{
    /// <summary>
    /// The allocatable registers among rax, rcx and rdx that the emitted sequence of
    /// <paramref name="inst"/> writes besides its result (see <see cref="ITargetBackend.FixedRegisterUses"/>);
    /// the emitter's use of them must stay within this list.
    /// </summary>
    public static IEnumerable<int> Clobbers(Function function, SelectionPlan plan, Instruction inst)
    {
        bool rax = false, rcx = false, rdx = false;
        switch (inst.Opcode)
        {
            case Opcode.Ishl or Opcode.Ushr or Opcode.Sshr: rcx = !plan.IsConstant(inst.Args[1]); break;
            case Opcode.Sdiv or Opcode.Udiv or Opcode.Srem or Opcode.Urem: rax = rdx = true; break;
            // A value not in a register goes through rax (r10 and r11 may form the address).
            case Opcode.Store: rax = true; break;
            // The target is loaded into rax before the argument moves.
            case Opcode.CallIndirect: rax = true; break;
            // Float equality combines two flags through al; a wide immediate is compared through rdx.
            case Opcode.Icmp: rdx = HasWideConstant(plan, inst); break;
            case Opcode.Fcmp: rax = true; break;
            // A constant "true" value is materialized in rax for cmov.
            case Opcode.Select: rax = true; rdx = FusedCompare(function, plan, inst.Args[0]) is { } c && HasWideConstant(plan, c); break;
            case Opcode.Brif or Opcode.Guard: rdx = FusedCompare(function, plan, inst.Args[0]) is { } d && HasWideConstant(plan, d); break;
        }
        // A folded load's spilled base or index is loaded into r10 and rax.
        foreach (var arg in inst.Args)
        {
            if (plan.IsCovered(arg) && function.DefiningInst(arg) is { Opcode: Opcode.Load }) rax = true;
        }
        if (rax) yield return X64Registers.Rax;
        if (rcx) yield return X64Registers.Rcx;
        if (rdx) yield return X64Registers.Rdx;
    }

    static Instruction? FusedCompare(Function function, SelectionPlan plan, ValueId condition) =>
        plan.IsCovered(condition) && function.DefiningInst(condition) is { Opcode: Opcode.Icmp } compare ? compare : null;

    static bool HasWideConstant(SelectionPlan plan, Instruction compare) =>
        compare.Args.Any(a => plan.IsConstant(a, out long bits) && bits is < int.MinValue or > int.MaxValue);

    public static SelectionPlan Plan(Function function)
    {
        var plan = new SelectionPlan(function);
        var users = Users(function);
        foreach (var block in function.Layout)
        {
            var insts = function[block].Instructions;
            for (int i = 0; i < insts.Count; i++)
            {
                var inst = function[insts[i]];
                if (inst.Opcode is not (Opcode.Icmp or Opcode.Fcmp) || inst.Result is not { } cond) continue;
                if (users[cond.Index] is not [var (user, role)] || role != Role.Condition) continue;
                if (user.Opcode == Opcode.Select && inst.Opcode == Opcode.Fcmp) continue;
                if (NextEmitted(function, insts, i) is { } next && ReferenceEquals(next, user)) plan.Cover(insts[i]);
            }
        }
        // Address arithmetic first, then stack slots: a stack_addr folds when every user is a
        // load/store address or the base of an add that itself folded.
        foreach (var id in function.AllInstructions())
        {
            var inst = function[id];
            if (inst.Result is not { } value || !IsFoldableAdd(plan, inst)) continue;
            if (users[value.Index].Count == 0 || !users[value.Index].All(u => u.Role == Role.Address)) continue;
            plan.Cover(id);
            // The index may come through a bitcast (i64 to ptr) that only this add uses.
            var index = inst.Args[1];
            var user = inst;
            if (function.DefiningInst(index) is { Opcode: Opcode.Bitcast } cast && function.TypeOf(cast.Args[0]) == IrType.I64
                && !plan.IsConstant(cast.Args[0]) && SoleOperandUser(users, index, user))
            {
                plan.Cover(function.IdOf(cast));
                user = cast;
                index = cast.Args[0];
            }
            if (function.DefiningInst(index) is { Opcode: Opcode.Ishl } shl && ScaleShift(plan, shl) is not null && SoleOperandUser(users, index, user))
            {
                plan.Cover(function.IdOf(shl));
            }
        }
        foreach (var id in function.AllInstructions())
        {
            var inst = function[id];
            if (inst.Opcode != Opcode.StackAddr || inst.Result is not { } value || users[value.Index].Count == 0) continue;
            bool folds = users[value.Index].All(u => u.Role == Role.Address
                || (u.Role == Role.Operand && u.User.Opcode == Opcode.Iadd && u.User.Args[0] == value && u.User.Args[1] != value
                    && plan.IsCovered(function.IdOf(u.User))));
            if (folds) plan.Cover(id);
        }
        // Load folding, last: a full-width load whose only use is the arithmetic right after it
        // becomes that instruction's memory operand. Adjacency keeps every store and call out of
        // between — so the user must be emitted where it stands, not folded into a later
        // address (a loaded pointer plus an offset) past a store.
        foreach (var block in function.Layout)
        {
            var insts = function[block].Instructions;
            for (int i = 0; i < insts.Count; i++)
            {
                var inst = function[insts[i]];
                if (inst.Opcode != Opcode.Load || inst.Result is not { } loaded) continue;
                if (users[loaded.Index] is not [(var user, Role.Operand)] || !ReferenceEquals(NextEmitted(function, insts, i), user)) continue;
                if (!plan.IsCovered(function.IdOf(user)) && AcceptsMemoryOperand(user, loaded, inst.Type)) plan.Cover(insts[i]);
            }
        }
        return plan;
    }

    /// <summary>
    /// Whether <paramref name="user"/> can read <paramref name="loaded"/> straight from memory:
    /// 64-bit integer ALU operations and multiplies, and scalar float arithmetic of the load's
    /// width, with the load as the second operand (or either, when the operation commutes).
    /// </summary>
    static bool AcceptsMemoryOperand(Instruction user, ValueId loaded, IrType type)
    {
        if (user.Type != type || user.Args.Length != 2 || user.Args[0] == user.Args[1]) return false;
        bool commutative = user.Opcode is Opcode.Iadd or Opcode.Imul or Opcode.Band or Opcode.Bor or Opcode.Bxor or Opcode.Fadd or Opcode.Fmul;
        if (user.Args[1] != loaded && !(commutative && user.Args[0] == loaded)) return false;
        return type.IsFloat()
            ? user.Opcode is Opcode.Fadd or Opcode.Fsub or Opcode.Fmul or Opcode.Fdiv
            : type.Bits() == 64 && user.Opcode is Opcode.Iadd or Opcode.Isub or Opcode.Imul or Opcode.Band or Opcode.Bor or Opcode.Bxor;
    }

    static bool SoleOperandUser(List<(Instruction User, Role Role)>[] users, ValueId value, Instruction user) =>
        users[value.Index] is [(var only, Role.Operand)] && ReferenceEquals(only, user);

    /// <summary>A covered bitcast is transparent: the value it forwards.</summary>
    public static ValueId Unwrap(Function function, SelectionPlan plan, ValueId value) =>
        function.DefiningInst(value) is { Opcode: Opcode.Bitcast } cast && plan.IsCovered(value) ? cast.Args[0] : value;

    /// <summary>An <c>iadd.ptr base, offset</c> that fits an addressing mode: a non-constant base and a small constant or any offset.</summary>
    static bool IsFoldableAdd(SelectionPlan plan, Instruction inst) =>
        inst.Opcode == Opcode.Iadd && inst.Type == IrType.Ptr && !plan.IsConstant(inst.Args[0])
        && (!plan.IsConstant(inst.Args[1], out long disp) || Math.Abs(disp) < (1L << 30));

    /// <summary>The shift amount of an <c>ishl</c> usable as an index scale (1–3), if it is one.</summary>
    public static int? ScaleShift(SelectionPlan plan, Instruction shl) =>
        plan.IsConstant(shl.Args[1], out long amount) && (amount & 63) is >= 1 and <= 3 ? (int)(amount & 63) : null;

    static Instruction? NextEmitted(Function function, IReadOnlyList<InstId> insts, int index)
    {
        for (int j = index + 1; j < insts.Count; j++)
        {
            var next = function[insts[j]];
            if (next.Opcode is Opcode.Iconst or Opcode.Fconst) continue;
            return next;
        }
        return null;
    }

    enum Role : byte { Operand, Condition, Address, Other }

    static List<(Instruction User, Role Role)>[] Users(Function function)
    {
        var users = new List<(Instruction, Role)>[function.ValueCount];
        for (int i = 0; i < users.Length; i++) users[i] = [];
        foreach (var id in function.AllInstructions())
        {
            var inst = function[id];
            for (int a = 0; a < inst.Args.Length; a++)
            {
                var role = inst.Opcode switch
                {
                    Opcode.Load when a == 0 => Role.Address,
                    Opcode.Store when a == 1 => Role.Address,
                    Opcode.Brif or Opcode.Guard or Opcode.Select when a == 0 => Role.Condition,
                    _ => Role.Operand,
                };
                users[inst.Args[a].Index].Add((inst, role));
            }
            foreach (var target in inst.Targets)
            {
                foreach (var arg in target.Args) users[arg.Index].Add((inst, Role.Other));
            }
            if (inst.FrameState is { } state)
            {
                foreach (var v in state.Values) users[v.Index].Add((inst, Role.Other));
            }
        }
        return users;
    }
}
