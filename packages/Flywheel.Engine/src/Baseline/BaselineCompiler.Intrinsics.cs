using System.Runtime.Intrinsics.X86;
using Flywheel.X64;
using Iced.Intel;
using static Iced.Intel.AssemblerRegisters;
using L = Flywheel.Profiling.FeedbackLayout;
using Label = Flywheel.MachineCode.Label;

namespace Flywheel.Engine.Baseline;

/// <summary>
/// Calls of <c>Math.sqrt</c>, <c>floor</c>, <c>ceil</c>, <c>abs</c>, <c>min</c>, <c>max</c>, <c>imul</c>
/// (two arguments), <c>String.prototype.charCodeAt</c> and <c>Array.prototype.push</c> (one argument)
/// computed inline at call sites, instead of through the native call stub. A site is compiled for the one built-in its callee was loaded as (the name of
/// the <c>GetNamed</c> stored into the callee register: only a hint), and at run time checks that the
/// callee is that built-in by its native index (<see cref="Realm.InlinableNatives"/>, which names the
/// .NET implementation: a replaced <c>Math.sqrt</c> is not it). The inline call does what the
/// interpreter's call of the native observably does: it records the call target (when the site's
/// first cache entry has it), takes one unit of the interrupt budget (as <c>Interp.InvokeAt</c>'s
/// <c>PollInterrupts</c>) from the code's share, and computes the result exactly as the .NET
/// implementation does. Anything else (arguments that are not numbers, a receiver that is not a flat
/// string, a native depth about to run out, a call target the site has not recorded first) makes the
/// call through the stub; a budget share about to run out exits to the interpreter at the call.
/// </summary>
internal sealed unsafe partial class BaselineCompiler
{
    /// <summary>Call offset → the name its callee was loaded as (see <see cref="CalleeNames"/>).</summary>
    Dictionary<int, string>? calleeNames;

    /// <summary>
    /// The name each call's callee register was last loaded with by <c>GetNamed obj, name; Star callee</c>,
    /// scanning the bytecode in order: a hint for which built-in to check for, never trusted.
    /// </summary>
    Dictionary<int, string> CalleeNames()
    {
        if (calleeNames != null) return calleeNames;
        calleeNames = [];
        var loaded = new Dictionary<int, string>();
        string? accumulatorName = null;
        byte* code = function.Code;
        for (int pc = 0; pc < length;)
        {
            var op = (Opcode)code[pc];
            var row = OpcodeTable.Get(op);
            string? name = null;
            switch (op)
            {
                case Opcode.GetNamed:
                    var constant = function.Constants[Operand(code + pc, row, 1)];
                    if (Realm.IsString(constant)) name = Realm.ToClr(constant);
                    break;
                case Opcode.Star:
                    if (accumulatorName != null) loaded[Operand(code + pc, row, 0)] = accumulatorName;
                    else loaded.Remove(Operand(code + pc, row, 0));
                    break;
                case Opcode.Mov:
                    loaded.Remove(Operand(code + pc, row, 1));
                    break;
                case Opcode.Call:
                    if (loaded.TryGetValue(Operand(code + pc, row, 0), out var callee)) calleeNames[pc] = callee;
                    break;
            }
            accumulatorName = name;
            pc += row.Size;
        }
        return calleeNames;
    }

    /// <summary>
    /// At a call site whose callee is a native or bound function (rax = the callee, rdx = its masked
    /// header): when the callee is the built-in the site was compiled for, computes the call into the
    /// accumulator and jumps to <paramref name="next"/>; otherwise falls through with rax and rdx as they were.
    /// </summary>
    void EmitInlinedNative(int pc, int receiverRegister, int firstArgument, int argc, int slot, Label next)
    {
        if (!CalleeNames().TryGetValue(pc, out var name)) return;
        InlinableNative which = name switch
        {
            "sqrt" => InlinableNative.MathSqrt,
            "floor" => InlinableNative.MathFloor,
            "ceil" => InlinableNative.MathCeil,
            "abs" => InlinableNative.MathAbs,
            "min" => InlinableNative.MathMin,
            "max" => InlinableNative.MathMax,
            "imul" => InlinableNative.MathImul,
            "push" => InlinableNative.ArrayPush,
            "charCodeAt" => InlinableNative.StringCharCodeAt,
            _ => InlinableNative.Count,
        };
        bool binary = which is InlinableNative.MathMin or InlinableNative.MathMax or InlinableNative.MathImul;
        // Extra arguments are ignored by the unary ones and imul; min and max convert every argument and
        // push appends every one: exactly two for the binary ones, one for push.
        if (which == InlinableNative.Count || (binary ? argc != 2 : which == InlinableNative.ArrayPush ? argc != 1 : argc < 1)) return;
        if (which is InlinableNative.MathFloor or InlinableNative.MathCeil && !Sse41.IsSupported) return;
        // A built-in not created yet (Math is a lazy global) when the function was compiled: no check to make.
        var index = realm.InlinableNatives[(int)which];
        if (index.IsEmpty) return;

        var notInlined = masm.CreateLabel();
        masm.Annotate($"inline {name}: the built-in computed here when the callee is it");
        a.mov(rcx, unchecked((long)NativeFunctionHeader));
        a.cmp(rdx, rcx);
        masm.Jump(Condition.NotEqual, notInlined);
        a.mov(rcx, unchecked((long)index.Bits));
        a.cmp(__qword_ptr[rax + Layout.ObjInternal0], rcx);
        masm.Jump(Condition.NotEqual, notInlined);
        a.cmp(StateInt(BaselineState.NativesInlineOffset), 0);
        masm.Jump(Condition.Equal, notInlined);
        a.cmp(StateInt(BaselineState.NativeDepthOffset), Interp.MaxNativeDepth);
        masm.Jump(Condition.GreaterOrEqual, notInlined);
        // The interpreter's call takes a unit of the interrupt budget. When that would use up the code's
        // share, the code exits and the interpreter makes the call: its budget then runs out exactly
        // where it would have (a call through the stub takes from a budget that does not yet know what
        // the code took, so a statement limit could stop elsewhere).
        a.cmp(StateInt(BaselineState.BudgetOffset), 1);
        masm.Jump(Condition.LessOrEqual, Bail(pc));
        if (recordFeedback)
        {
            // Interp.RecordCallTarget counts a native target in place only in the first entry.
            a.mov(r11, (long)function.FeedbackSlot(slot));
            a.mov(rcx, rax);
            a.bts(rcx, 63);
            a.cmp(__qword_ptr[r11 + L.CacheEntriesOffset], rcx);
            masm.Jump(Condition.NotEqual, notInlined);
        }

        // Operands: r8 = the first argument, r9 = the second (or the flat string of charCodeAt's receiver);
        // for push, r9 = the array, r10 = its elements and r8 = its length.
        if (which == InlinableNative.ArrayPush)
        {
            a.mov(r9, Register(receiverRegister));
            a.mov(rcx, unchecked((long)JsValue.NotCellMask));
            a.test(r9, rcx);
            masm.Jump(Condition.NotEqual, notInlined);
            a.test(r9, r9);
            masm.Jump(Condition.Equal, notInlined);
            // The native's fast path (an array neither frozen, sealed nor non-extensible, PutElement at its
            // length) without the growth of its elements, which allocates: dense, and room for one more.
            a.mov(r10, __qword_ptr[r9]);
            a.mov(rcx, unchecked((long)(WritableArrayMask | (ulong)CellFlags.NotExtensible << 24)));
            a.and(r10, rcx);
            a.mov(rcx, unchecked((long)ArrayHeaderBits));
            a.cmp(r10, rcx);
            masm.Jump(Condition.NotEqual, notInlined);
            a.mov(r10, __qword_ptr[r9 + Layout.ObjElements]);
            a.test(r10, r10);
            masm.Jump(Condition.Equal, notInlined);
            a.mov(r8, __qword_ptr[r9 + Layout.ObjInternal0]);
            a.mov(rcx, r8);
            a.and(rcx, Tag);
            a.cmp(rcx, Tag);
            masm.Jump(Condition.NotEqual, notInlined);
            a.cmp(r8d, __dword_ptr[r10 - 8]);
            masm.Jump(Condition.AboveOrEqual, notInlined);
        }
        else if (which == InlinableNative.StringCharCodeAt)
        {
            a.mov(r8, Register(firstArgument));
            // rdx (the stub call's header word) must survive: JumpUnlessInt32 leaves it.
            JumpUnlessInt32(r8, notInlined);
            a.mov(r9, Register(receiverRegister));
            a.mov(rcx, unchecked((long)JsValue.NotCellMask));
            a.test(r9, rcx);
            masm.Jump(Condition.NotEqual, notInlined);
            a.test(r9, r9);
            masm.Jump(Condition.Equal, notInlined);
            a.cmp(__byte_ptr[r9], (int)CellKind.String);
            masm.Jump(Condition.NotEqual, notInlined);
            // charCodeAt of an unflattened rope flattens it (an allocation): the native's.
            FlatChars(r9, r9, notInlined);
        }
        else
        {
            a.mov(r8, Register(firstArgument));
            a.test(r8, Tag);
            masm.Jump(Condition.Equal, notInlined);
            if (binary)
            {
                a.mov(r9, Register(firstArgument + 1));
                a.test(r9, Tag);
                masm.Jump(Condition.Equal, notInlined);
            }
            if (which == InlinableNative.MathImul)
            {
                // ToInt32 of doubles is the native's.
                a.mov(rcx, r8);
                a.and(rcx, r9);
                a.and(rcx, Tag);
                a.cmp(rcx, Tag);
                masm.Jump(Condition.NotEqual, notInlined);
            }
        }

        // The call is made: count it as the interpreter would.
        a.dec(StateInt(BaselineState.BudgetOffset));
        if (recordFeedback) a.inc(__qword_ptr[r11 + L.CacheEntriesOffset + 8]);
        switch (which)
        {
            case InlinableNative.StringCharCodeAt: EmitCharCodeAt(); break;
            case InlinableNative.MathMin or InlinableNative.MathMax: EmitMinOrMax(which == InlinableNative.MathMax); break;
            case InlinableNative.MathImul:
                a.mov(eax, r8d);
                a.imul(eax, r9d);
                a.or(rax, Tag);
                a.mov(Acc, rax);
                break;
            case InlinableNative.ArrayPush:
                // elements[length] = the argument; length + 1 is the new length and the result.
                a.mov(r8d, r8d);
                a.mov(rax, Register(firstArgument));
                a.mov(__qword_ptr[r10 + r8 * 8], rax);
                a.inc(r8d);
                a.or(r8, Tag);
                a.mov(__qword_ptr[r9 + Layout.ObjInternal0], r8);
                a.mov(Acc, r8);
                break;
            default: EmitUnaryMath(which); break;
        }
        masm.Jump(next);
        masm.Bind(notInlined);
    }

    /// <summary>acc = the code unit at the int32 index in r8 of the flat string in r9, or NaN outside it (the native's fast path).</summary>
    void EmitCharCodeAt()
    {
        var outside = masm.CreateLabel();
        var done = masm.CreateLabel();
        // Unsigned: a negative index is outside too. The index register then loses its tag.
        a.mov(r8d, r8d);
        a.cmp(r8d, __dword_ptr[r9 + 4]);
        masm.Jump(Condition.AboveOrEqual, outside);
        a.movzx(eax, __word_ptr[r9 + r8 * 2 + Layout.StringChars]);
        a.or(rax, Tag);
        a.mov(Acc, rax);
        masm.Jump(done);
        masm.Bind(outside);
        a.mov(Acc, unchecked((long)CanonicalNaNValue));
        masm.Bind(done);
    }

    /// <summary>acc = Math.sqrt, floor, ceil or abs of the number in r8, as .NET's Math computes it, boxed as <see cref="JsValue.FromNumber"/>.</summary>
    void EmitUnaryMath(InlinableNative which)
    {
        var done = masm.CreateLabel();
        if (which is InlinableNative.MathFloor or InlinableNative.MathCeil or InlinableNative.MathAbs)
        {
            // An int32 is its own floor and ceiling, and its own absolute value unless negative (|int.MinValue| is a double).
            var isDouble = masm.CreateLabel();
            JumpUnlessInt32(r8, isDouble);
            if (which == InlinableNative.MathAbs)
            {
                a.mov(eax, r8d);
                a.neg(eax);
                masm.Jump(Condition.Overflow, isDouble);
                a.cmovl(eax, r8d);
                a.or(rax, Tag);
                a.mov(Acc, rax);
            }
            else
            {
                a.mov(Acc, r8);
            }
            masm.Jump(done);
            masm.Bind(isDouble);
        }
        ToDouble(r8, xmm0);
        switch (which)
        {
            case InlinableNative.MathSqrt: a.sqrtsd(xmm0, xmm0); break;
            // Rounding toward -∞ or +∞ (modes 1 and 2), precision exception suppressed (bit 3): Math.Floor and Math.Ceiling.
            case InlinableNative.MathFloor: a.roundsd(xmm0, xmm0, 9); break;
            case InlinableNative.MathCeil: a.roundsd(xmm0, xmm0, 10); break;
            default:
                a.movq(rax, xmm0);
                a.btr(rax, 63);
                a.movq(xmm0, rax);
                break;
        }
        BoxNumber();
        masm.Bind(done);
    }

    /// <summary>
    /// acc = Math.max (or min) of the numbers in r8 and r9, as the native computes it: NaN when either
    /// is NaN, +0 over -0 for max and -0 over +0 for min, else the greater (lesser) one.
    /// </summary>
    void EmitMinOrMax(bool max)
    {
        var done = masm.CreateLabel();
        var notBothInt = masm.CreateLabel();
        var equal = masm.CreateLabel();
        var nan = masm.CreateLabel();
        var boxed = masm.CreateLabel();
        a.mov(rax, r8);
        a.and(rax, r9);
        a.and(rax, Tag);
        a.cmp(rax, Tag);
        masm.Jump(Condition.NotEqual, notBothInt);
        a.mov(Acc, r8);
        a.cmp(r8d, r9d);
        if (max) a.cmovl(Acc, r9);
        else a.cmovg(Acc, r9);
        masm.Jump(done);

        masm.Bind(notBothInt);
        ToDouble(r8, xmm0);
        ToDouble(r9, xmm1);
        a.ucomisd(xmm0, xmm1);
        masm.Jump(Condition.Parity, nan);
        masm.Jump(Condition.Equal, equal);
        // xmm0 stays when it is the greater (lesser): above (below) after the compare.
        masm.Jump(max ? Condition.Above : Condition.Below, boxed);
        a.movapd(xmm0, xmm1);
        masm.Jump(boxed);
        // Equal values have equal bits except ±0: max is -0 only when both are, min when either is.
        masm.Bind(equal);
        if (max) a.andpd(xmm0, xmm1);
        else a.orpd(xmm0, xmm1);
        masm.Bind(boxed);
        BoxNumber();
        masm.Jump(done);
        masm.Bind(nan);
        a.mov(Acc, unchecked((long)CanonicalNaNValue));
        masm.Bind(done);
    }
}
