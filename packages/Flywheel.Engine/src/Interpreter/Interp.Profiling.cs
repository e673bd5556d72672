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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    void CountInvocation(FunctionTemplate t)
    {
        if (recordFeedback)
        {
            var action = t.Feedback.RecordInvocation();
            if (action != TieringAction.None) TierUp(t, action);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    void CountBackEdge(FunctionTemplate t, int loopSlot)
    {
        if (recordFeedback)
        {
            var action = t.Feedback.RecordBackEdge(loopSlot);
            if (action != TieringAction.None) TierUp(t, action);
        }
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
        uint bits = a.IsInt32 && b.IsInt32 ? (uint)TypeFeedback.SmallInt : Category(a) | Category(b);
        uint* types = (uint*)t.FeedbackSlot(slot);
        if ((*types & bits) != bits) t.Feedback.RecordTypes(slot, (TypeFeedback)bits);
    }

    /// <summary>Joins the category of one operand (unary operations).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    void RecordOperand(FunctionTemplate t, int slot, JsValue a)
    {
        if (!recordFeedback) return;
        uint bits = a.IsInt32 ? (uint)TypeFeedback.SmallInt : Category(a);
        uint* types = (uint*)t.FeedbackSlot(slot);
        if ((*types & bits) != bits) t.Feedback.RecordTypes(slot, (TypeFeedback)bits);
    }

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

    /// <summary>Call-target feedback: bytecode functions by their profiler id, others by their object.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    void RecordCallTarget(FunctionTemplate t, byte* pc, JsValue callee)
    {
        if (!recordFeedback) return;
        nint f = callee.Ptr;
        ulong target = Functions.Kind(f) == FunctionKind.Bytecode
            ? (ulong)Functions.Template(realm, f).Feedback.Id.Value + 1
            : (ulong)f | 1UL << 63;
        t.Feedback.RecordCall(*(int*)(pc + SlotOperandOffset[*pc]), target);
    }

    /// <summary>Takes a CPU sample at a safepoint when the sampling timer asked for one.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    void Sample(ulong* fp) => realm.Profiling.TakeSample(fp, Stack);
}
