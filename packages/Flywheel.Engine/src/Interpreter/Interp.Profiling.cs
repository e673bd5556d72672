using System.Runtime.CompilerServices;
using Flywheel.Profiling;

namespace Flywheel.Engine.Interpreter;

/// <summary>
/// Feedback recording from the dispatch loop: invocation and back-edge counters (through the
/// profiler's budgets, so the tiering check runs only when a budget runs out), type feedback on
/// arithmetic and comparisons, call-target feedback, and CPU samples at safepoints. All of it is
/// skipped when the engine runs with feedback off; inline caches (InlineCaches.cs) are separate.
/// </summary>
internal sealed unsafe partial class Interp
{
    bool recordFeedback = true, inlineCaches = true;

    /// <summary>Byte offset of the Slot operand of each opcode (0: none), from the opcode table.</summary>
    static readonly byte[] SlotOperandOffset = OpcodeTable.Rows.Select(r =>
    {
        int i = Array.IndexOf(r.Operands, OperandKind.Slot);
        return (byte)(i < 0 ? 0 : r.Offsets[i]);
    }).ToArray();

    /// <summary>Reads the profiling switches once the realm has them.</summary>
    public void ConfigureProfiling(EngineProfiling profiling)
    {
        recordFeedback = profiling.RecordFeedback;
        inlineCaches = profiling.InlineCaches;
    }

    // Counting works on the vector's memory the way baseline code will (FeedbackLayout): bump the
    // counters, decrement the budget, and call the profiler only when the budget runs out.

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    void CountInvocation(FunctionTemplate t)
    {
        if (!recordFeedback) return;
        byte* fv = t.FeedbackBase;
        (*(long*)(fv + FeedbackLayout.InvocationsOffset))++;
        if (--*(int*)(fv + FeedbackLayout.InvocationBudgetOffset) <= 0) InvocationBudgetExhausted(t);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    void CountBackEdge(FunctionTemplate t, int loopSlot)
    {
        if (!recordFeedback) return;
        byte* fv = t.FeedbackBase;
        (*(long*)(fv + FeedbackLayout.BackEdgesOffset))++;
        (*(long*)(fv + t.FeedbackOffsets[loopSlot] + FeedbackLayout.LoopBackEdgesOffset))++;
        if (--*(int*)(fv + FeedbackLayout.BackEdgeBudgetOffset) <= 0) BackEdgeBudgetExhausted(t, loopSlot);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    void InvocationBudgetExhausted(FunctionTemplate t)
    {
        var action = t.Feedback.OnInvocationBudgetExhausted();
        if (action != TieringAction.None) TierUp(t, action);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    void BackEdgeBudgetExhausted(FunctionTemplate t, int loopSlot)
    {
        var action = t.Feedback.OnBackEdgeBudgetExhausted(loopSlot);
        if (action != TieringAction.None) TierUp(t, action);
    }

    /// <summary>
    /// A tiering decision was made (and recorded and traced by the profiler). There is no JIT tier
    /// yet: the hook is where the baseline compiler will install code; without it the function
    /// stays in the interpreter.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    void TierUp(FunctionTemplate t, TieringAction action) => realm.Profiling.TierUp?.Invoke(t, action);

    /// <summary>Joins the categories of two operands into an arithmetic or comparison slot.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    void RecordOperands(FunctionTemplate t, int slot, JsValue a, JsValue b)
    {
        if (!recordFeedback) return;
        uint bits = a.IsInt32 && b.IsInt32 ? (uint)TypeFeedback.SmallInt
            : a.IsNumber && b.IsNumber ? NumberCategory(a) | NumberCategory(b) : Categories(a, b);
        uint* types = (uint*)t.FeedbackSlot(slot);
        if ((*types & bits) != bits) t.Feedback.RecordTypes(slot, (TypeFeedback)bits);
    }

    /// <summary>Joins the category of one operand (unary operations).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    void RecordOperand(FunctionTemplate t, int slot, JsValue a)
    {
        if (!recordFeedback) return;
        uint bits = a.IsNumber ? NumberCategory(a) : Category(a);
        uint* types = (uint*)t.FeedbackSlot(slot);
        if ((*types & bits) != bits) t.Feedback.RecordTypes(slot, (TypeFeedback)bits);
    }

    /// <summary>The feedback category of a number, inline: double arithmetic must not pay a call per operation.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static uint NumberCategory(JsValue number) => number.IsInt32 ? (uint)TypeFeedback.SmallInt : (uint)TypeFeedback.Double;

    /// <summary>The feedback categories of two operands, out of line (pairs of numbers are checked inline).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    static uint Categories(JsValue a, JsValue b) => Category(a) | Category(b);

    /// <summary>The feedback category of a value.</summary>
    static uint Category(JsValue v)
    {
        if (v.IsInt32) return (uint)TypeFeedback.SmallInt;
        if (v.IsNumber) return (uint)TypeFeedback.Double;
        if (v.IsCell)
            return Layout.Kind(v.Ptr) switch
            {
                CellKind.String => (uint)TypeFeedback.String,
                CellKind.Object => (uint)TypeFeedback.Object,
                _ => (uint)TypeFeedback.Other,
            };
        if (v.IsBoolean) return (uint)TypeFeedback.Boolean;
        if (v.IsNullish) return (uint)TypeFeedback.Null;
        return (uint)TypeFeedback.Other;
    }

    /// <summary>
    /// Call-target feedback: bytecode functions by their profiler id + 1 (the template index: both
    /// are handed out together at registration), others by their object. A call to the site's
    /// first target only bumps that entry's count, as baseline code will.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    void RecordCallTarget(FunctionTemplate t, byte* pc, JsValue callee)
    {
        if (!recordFeedback) return;
        nint f = callee.Ptr;
        ulong target = Functions.Kind(f) == FunctionKind.Bytecode ? (ulong)(uint)Layout.Internal(f, 0).Int32 + 1 : (ulong)f | 1UL << 63;
        int slot = *(int*)(pc + SlotOperandOffset[*pc]);
        byte* ic = t.FeedbackSlot(slot);
        if (*(ulong*)(ic + FeedbackLayout.CacheEntriesOffset) == target) (*(ulong*)(ic + FeedbackLayout.CacheEntriesOffset + 8))++;
        else t.Feedback.RecordCall(slot, target);
    }

    /// <summary>Takes a CPU sample at a safepoint when the sampling timer asked for one.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    void Sample(ulong* fp) => realm.Profiling.TakeSample(fp, Stack);
}
