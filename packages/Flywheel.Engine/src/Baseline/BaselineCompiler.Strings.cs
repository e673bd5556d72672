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
    /// <summary>
    /// The out-of-line path of <c>Add r</c> at <paramref name="pc"/> for operands that are not both
    /// numbers, entered with the left operand in rax and the right one in the accumulator; it continues
    /// at the next instruction (<paramref name="size"/> bytes on) or takes the slow path.
    /// <paramref name="feedbackSlot"/> is the instruction's type-feedback slot.
    /// </summary>
    Label StringAddPath(int pc, int size, int left, int feedbackSlot)
    {
        var label = masm.CreateLabel();
        OutOfLine(() =>
        {
            var next = instructionLabels[pc + size];
            var notBothStrings = masm.CreateLabel();
            var stub = masm.CreateLabel();
            var leftEmpty = masm.CreateLabel();
            var rightEmpty = masm.CreateLabel();
            var flat = masm.CreateLabel();
            masm.Bind(label);
            masm.Annotate("Add: string concatenation");
            JumpUnlessFlatOrRopeString(rax, notBothStrings);
            JumpUnlessFlatOrRopeString(Acc, notBothStrings);
            if (recordFeedback)
            {
                // The site's type feedback (which the interpreter records for every Add) must say
                // String: until it does, the stub concatenates and records it.
                a.mov(rdx, (long)function.FeedbackSlot(feedbackSlot));
                a.test(__dword_ptr[rdx], (int)Flywheel.Profiling.TypeFeedback.String);
                masm.Jump(Condition.Equal, stub);
            }
            a.mov(ecx, __dword_ptr[rax + 4]);
            a.test(ecx, ecx);
            masm.Jump(Condition.Equal, leftEmpty);
            a.mov(edx, __dword_ptr[Acc + 4]);
            a.test(edx, edx);
            masm.Jump(Condition.Equal, rightEmpty);
            // Each length is at most MaxStringLength (< 2^29): the sum cannot overflow.
            a.add(ecx, edx);
            a.cmp(ecx, Realm.MaxStringLength);
            masm.Jump(Condition.Above, SlowPath(pc));
            a.mov(r11d, ecx);
            a.cmp(ecx, Realm.MinRopeLength);
            masm.Jump(Condition.Below, flat);

            // A rope: kind, size class, the rope flag and the length in the header, then both halves.
            int ropeClass = Heap.SizeClassOf(Layout.RopeSize);
            a.mov(ecx, ropeClass);
            CallAllocationRoutine(stub);
            a.shl(r11, 32);
            a.mov(rdx, unchecked((long)(Header(CellKind.String, ropeClass, 0) | (ulong)CellFlags.Rope << 24)));
            a.or(rdx, r11);
            a.mov(__qword_ptr[rax], rdx);
            a.mov(rdx, Register(left));
            a.mov(__qword_ptr[rax + Layout.RopeLeft], rdx);
            a.mov(__qword_ptr[rax + Layout.RopeRight], Acc);
            a.mov(rdx, (long)realm.Heap.Table);
            a.inc(__qword_ptr[rdx + AllocationTable.RopesCreatedOffset]);
            a.mov(Acc, rax);
            masm.Jump(next);

            // Fewer than MinRopeLength chars: a flat string of both operands' chars (both are flat, being
            // shorter than any rope; a rope would go to the stub). Size class of 16 + 2n bytes: ClassOfSize[(16 + 2n + 15) / 16].
            masm.Bind(flat);
            a.test(__byte_ptr[rax + 3], (int)CellFlags.Rope);
            masm.Jump(Condition.NotEqual, stub);
            a.test(__byte_ptr[Acc + 3], (int)CellFlags.Rope);
            masm.Jump(Condition.NotEqual, stub);
            a.lea(ecx, __[rcx * 2 + Layout.StringChars + 15]);
            a.shr(ecx, 4);
            a.mov(rdx, (long)realm.Heap.Table);
            a.movzx(ecx, __byte_ptr[rdx + rcx + AllocationTable.ClassOfSizeOffset]);
            CallAllocationRoutine(stub);
            a.shl(r11, 32);
            a.shl(ecx, 16);
            a.or(ecx, (int)CellKind.String);
            a.or(r11, rcx);
            a.mov(__qword_ptr[rax], r11);
            a.lea(r9, __[rax + Layout.StringChars]);
            a.mov(rdx, Register(left));
            CopyFlatChars(rdx, r9);
            CopyFlatChars(Acc, r9);
            a.mov(Acc, rax);
            masm.Jump(next);

            masm.Bind(leftEmpty);
            masm.Jump(next);
            masm.Bind(rightEmpty);
            a.mov(Acc, rax);
            masm.Jump(next);

            // Not two strings: an object operand is the interpreter's (its conversion may run script),
            // any other mix of primitives the stub's.
            masm.Bind(notBothStrings);
            JumpIfObject(rax, SlowPath(pc));
            JumpIfObject(Acc, SlowPath(pc));
            masm.Bind(stub);
            CallPropertyStub(Interp.StringStubAddress, pc);
            a.mov(Acc, rax);
            masm.Jump(next);
        });
        return label;
    }

    /// <summary><c>ToStringOp</c>: a string is its own ToString; other primitives go to the stub, objects to the slow path.</summary>
    void EmitToStringOp(int pc, int size)
    {
        var convert = masm.CreateLabel();
        JumpUnlessFlatOrRopeString(Acc, convert);
        OutOfLine(() =>
        {
            masm.Bind(convert);
            JumpIfObject(Acc, SlowPath(pc));
            CallPropertyStub(Interp.StringStubAddress, pc);
            a.mov(Acc, rax);
            masm.Jump(instructionLabels[pc + size]);
        });
    }

    /// <summary>
    /// <c>ToNumeric</c> (<c>+s</c>, <c>x++</c>): numbers are their own; strings and other primitives are
    /// converted by the stub (ToNumber of a string runs no script); objects, whose valueOf may run script,
    /// take the slow path.
    /// </summary>
    void EmitToNumeric(int pc, int size)
    {
        var convert = masm.CreateLabel();
        a.test(Acc, Tag);
        masm.Jump(Condition.Equal, convert);
        OutOfLine(() =>
        {
            masm.Bind(convert);
            JumpIfObject(Acc, SlowPath(pc));
            CallPropertyStub(Interp.StringStubAddress, pc);
            a.mov(Acc, rax);
            masm.Jump(instructionLabels[pc + size]);
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

    /// <summary>Jumps to <paramref name="target"/> when <paramref name="value"/> is an object cell (clobbers rdx).</summary>
    void JumpIfObject(AssemblerRegister64 value, Label target)
    {
        var notObject = masm.CreateLabel();
        a.mov(rdx, unchecked((long)JsValue.NotCellMask));
        a.test(value, rdx);
        masm.Jump(Condition.NotEqual, notObject);
        a.test(value, value);
        masm.Jump(Condition.Equal, notObject);
        a.cmp(__byte_ptr[value], (int)CellKind.Object);
        masm.Jump(Condition.Equal, target);
        masm.Bind(notObject);
    }

    /// <summary>rax = a new zeroed cell of the size class in ecx (kept), or a jump to <paramref name="fail"/> when the heap must allocate it (see <see cref="EmitAllocationRoutine"/>).</summary>
    void CallAllocationRoutine(Label fail)
    {
        allocationRoutine ??= masm.CreateLabel();
        masm.Call(allocationRoutine.Value);
        a.test(rax, rax);
        masm.Jump(Condition.Equal, fail);
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
