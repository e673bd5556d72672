using Flywheel.X64;
using Iced.Intel;
using static Iced.Intel.AssemblerRegisters;
using Label = Flywheel.MachineCode.Label;

namespace Flywheel.Engine.Baseline;

/// <summary>
/// String concatenation and template-literal conversion in machine code, as <c>Realm.Concat</c> and
/// <c>Realm.ToStringValue</c> make them. <c>Add</c> of two strings is inline: an empty operand gives the
/// other one, a result of <see cref="Realm.MinRopeLength"/> chars or more is a rope cell allocated
/// inline (its halves are kept, no chars copied), a shorter one a flat string whose chars are copied
/// (both operands are flat then: only concatenations that long make ropes). <c>ToStringOp</c> of a
/// string is the string. What else has no object operand (a number to convert, a short result when the
/// inline allocation must defer to the heap) is made by <see cref="Interp.StringStub"/>, the
/// interpreter's own conversion; an object operand (whose conversion may run script) or an error
/// (a symbol, a result past <see cref="Realm.MaxStringLength"/>) takes the slow path, and the
/// interpreter runs the instruction. Inline allocation defers to the heap when a collection would
/// become due, so GC stress and collection thresholds see the interpreter's byte counts.
/// </summary>
internal sealed unsafe partial class BaselineCompiler
{
    Label? concatRoutine, stringStubRoutine;

    /// <summary>
    /// The out-of-line path of <c>Add r</c> at <paramref name="pc"/> for operands that are not both
    /// numbers, entered with the left operand in rax and the right one in the accumulator: the function's
    /// concatenation routine, else the string stub; it continues at the next instruction
    /// (<paramref name="size"/> bytes on) or takes the slow path. <paramref name="feedbackSlot"/> is the
    /// instruction's type-feedback slot.
    /// </summary>
    Label StringAddPath(int pc, int size, int feedbackSlot)
    {
        var label = masm.CreateLabel();
        OutOfLine(() =>
        {
            var next = instructionLabels[pc + size];
            var stub = masm.CreateLabel();
            masm.Bind(label);
            masm.Annotate("Add: string concatenation");
            if (recordFeedback)
            {
                // The site's type feedback (which the interpreter records for every Add) must say
                // String: until it does, the stub concatenates and records it.
                a.mov(rdx, (long)function.FeedbackSlot(feedbackSlot));
                a.test(__dword_ptr[rdx], (int)Flywheel.Profiling.TypeFeedback.String);
                masm.Jump(Condition.Equal, stub);
            }
            concatRoutine ??= masm.CreateLabel();
            masm.Call(concatRoutine.Value);
            masm.Jump(Condition.AboveOrEqual, next);
            masm.Bind(stub);
            CallStringStub(pc, next);
        });
        return label;
    }

    /// <summary>
    /// The string stub for the instruction at <paramref name="pc"/>, through the function's one copy
    /// of its call: acc = its answer and a jump to <paramref name="next"/>, or the slow path when it
    /// answers 0 (an object operand, an error).
    /// </summary>
    void CallStringStub(int pc, Label next)
    {
        stringStubRoutine ??= masm.CreateLabel();
        a.mov(new AssemblerRegister32(ToRegister32(StubPcArgument)), pc);
        masm.Call(stringStubRoutine.Value);
        a.test(rax, rax);
        masm.Jump(Condition.Equal, SlowPath(pc));
        a.mov(Acc, rax);
        masm.Jump(next);
    }

    /// <summary>
    /// The routine behind <see cref="CallStringStub"/>: calls <see cref="Interp.StringStub"/> on a
    /// realigned stack with the frame, the pc (third argument register, set by the caller) and the
    /// accumulator, which the stub never moves or collects; rax = its answer. Clobbers the caller-saved registers.
    /// </summary>
    void EmitStringStubRoutine()
    {
        if (stringStubRoutine == null) return;
        var convention = X64CallingConvention.Host;
        masm.Bind(stringStubRoutine.Value);
        masm.Annotate("string stub routine: Interp.StringStub for the instruction at pc (third argument register)");
        a.mov(StateField(BaselineState.SavedRspOffset), rsp);
        a.and(rsp, -16);
        if (convention.ShadowSpaceBytes > 0) a.sub(rsp, convention.ShadowSpaceBytes);
        a.mov(convention.IntegerArguments[0], StateField(BaselineState.RuntimeOffset));
        a.mov(convention.IntegerArguments[1], Fp);
        a.mov(convention.IntegerArguments[3], Acc);
        masm.CallAbsolute(Interp.StringStubAddress, r11);
        a.mov(rsp, StateField(BaselineState.SavedRspOffset));
        a.ret();
    }

    /// <summary>
    /// The concatenation routine: for the left operand in rax and the right one in the accumulator,
    /// carry clear and acc = their concatenation when both are strings and it could be made inline (an
    /// empty operand gives the other, a rope cell, or a flat copy of fewer than
    /// <see cref="Realm.MinRopeLength"/> chars); carry set otherwise (acc unchanged: not two strings, a
    /// result past the maximum length, a short operand that is a rope, an allocation the heap must
    /// make). Clobbers rax, rcx, rdx, r8–r11, xmm0.
    /// </summary>
    void EmitConcatRoutine()
    {
        if (concatRoutine == null) return;
        var fail = masm.CreateLabel();
        var leftEmpty = masm.CreateLabel();
        var rightEmpty = masm.CreateLabel();
        var flat = masm.CreateLabel();
        masm.Bind(concatRoutine.Value);
        masm.Annotate("concatenation routine: carry clear and acc = rax + acc for two strings, else carry set");
        JumpUnlessFlatOrRopeString(rax, fail);
        JumpUnlessFlatOrRopeString(Acc, fail);
        a.mov(ecx, __dword_ptr[rax + 4]);
        a.test(ecx, ecx);
        masm.Jump(Condition.Equal, leftEmpty);
        a.mov(edx, __dword_ptr[Acc + 4]);
        a.test(edx, edx);
        masm.Jump(Condition.Equal, rightEmpty);
        // Each length is at most MaxStringLength (< 2^29): the sum cannot overflow. Past the maximum,
        // the stub's Realm.Concat throws and the interpreter raises the RangeError.
        a.add(ecx, edx);
        a.cmp(ecx, Realm.MaxStringLength);
        masm.Jump(Condition.Above, fail);
        a.mov(r11d, ecx);
        a.cmp(ecx, Realm.MinRopeLength);
        masm.Jump(Condition.Below, flat);

        // A rope: kind, size class, the rope flag and the length in the header, then both halves.
        int ropeClass = Heap.SizeClassOf(Layout.RopeSize);
        a.mov(ecx, ropeClass);
        a.push(rax);
        allocationRoutine ??= masm.CreateLabel();
        masm.Call(allocationRoutine.Value);
        a.pop(rdx);
        a.test(rax, rax);
        masm.Jump(Condition.Equal, fail);
        a.shl(r11, 32);
        a.mov(r8, unchecked((long)(Header(CellKind.String, ropeClass, 0) | (ulong)CellFlags.Rope << 24)));
        a.or(r8, r11);
        a.mov(__qword_ptr[rax], r8);
        a.mov(__qword_ptr[rax + Layout.RopeLeft], rdx);
        a.mov(__qword_ptr[rax + Layout.RopeRight], Acc);
        a.mov(rdx, (long)realm.Heap.Table);
        a.inc(__qword_ptr[rdx + AllocationTable.RopesCreatedOffset]);
        a.mov(Acc, rax);
        a.clc();
        a.ret();

        // Fewer than MinRopeLength chars: a flat string of both operands' chars (both are flat, being
        // shorter than any rope; checked anyway). Size class of 16 + 2n bytes: ClassOfSize[(16 + 2n + 15) / 16].
        masm.Bind(flat);
        a.test(__byte_ptr[rax + 3], (int)CellFlags.Rope);
        masm.Jump(Condition.NotEqual, fail);
        a.test(__byte_ptr[Acc + 3], (int)CellFlags.Rope);
        masm.Jump(Condition.NotEqual, fail);
        a.lea(ecx, __[rcx * 2 + Layout.StringChars + 15]);
        a.shr(ecx, 4);
        a.mov(rdx, (long)realm.Heap.Table);
        a.movzx(ecx, __byte_ptr[rdx + rcx + AllocationTable.ClassOfSizeOffset]);
        a.push(rax);
        masm.Call(allocationRoutine.Value);
        a.pop(rdx);
        a.test(rax, rax);
        masm.Jump(Condition.Equal, fail);
        a.shl(r11, 32);
        a.shl(ecx, 16);
        a.or(ecx, (int)CellKind.String);
        a.or(r11, rcx);
        a.mov(__qword_ptr[rax], r11);
        a.lea(r9, __[rax + Layout.StringChars]);
        CopyFlatChars(rdx, r9);
        CopyFlatChars(Acc, r9);
        a.mov(Acc, rax);
        a.clc();
        a.ret();

        masm.Bind(rightEmpty);
        a.mov(Acc, rax);
        masm.Bind(leftEmpty);
        a.clc();
        a.ret();
        masm.Bind(fail);
        a.stc();
        a.ret();
    }

    /// <summary><c>ToStringOp</c>: a string is its own ToString; anything else goes to the stub (objects on to the slow path).</summary>
    void EmitToStringOp(int pc, int size)
    {
        var convert = masm.CreateLabel();
        JumpUnlessFlatOrRopeString(Acc, convert);
        OutOfLine(() =>
        {
            masm.Bind(convert);
            CallStringStub(pc, instructionLabels[pc + size]);
        });
    }

    /// <summary>
    /// <c>ToNumeric</c> (<c>+s</c>, <c>x++</c>): numbers are their own; strings and other primitives are
    /// converted by the stub (ToNumber of a string runs no script); objects, whose valueOf may run script,
    /// take the slow path (the stub answers 0 for them).
    /// </summary>
    void EmitToNumeric(int pc, int size)
    {
        var convert = masm.CreateLabel();
        a.test(Acc, Tag);
        masm.Jump(Condition.Equal, convert);
        OutOfLine(() =>
        {
            masm.Bind(convert);
            CallStringStub(pc, instructionLabels[pc + size]);
        });
    }

    /// <summary>Jumps to <paramref name="target"/> unless <paramref name="value"/> is a string cell, flat or rope (clobbers rdx).</summary>
    void JumpUnlessFlatOrRopeString(AssemblerRegister64 value, Label target)
    {
        a.mov(rdx, unchecked((long)JsValue.NotCellMask));
        a.test(value, rdx);
        masm.Jump(Condition.NotEqual, target);
        a.test(value, value);
        masm.Jump(Condition.Equal, target);
        a.cmp(__byte_ptr[value], (int)CellKind.String);
        masm.Jump(Condition.NotEqual, target);
    }

    /// <summary>
    /// Copies the chars of the flat string in <paramref name="source"/> (at least one) to
    /// <paramref name="destination"/>, which it advances past them (clobbers r8, r10 and, when it is
    /// not the source, rdx).
    /// </summary>
    void CopyFlatChars(AssemblerRegister64 source, AssemblerRegister64 destination)
    {
        var copy = masm.CreateLabel();
        a.mov(r8d, __dword_ptr[source + 4]);
        a.lea(rdx, __[source + Layout.StringChars]);
        masm.Bind(copy);
        a.movzx(r10d, __word_ptr[rdx]);
        a.mov(__word_ptr[destination], r10w);
        a.add(rdx, 2);
        a.add(destination, 2);
        a.dec(r8d);
        masm.Jump(Condition.NotEqual, copy);
    }
}
