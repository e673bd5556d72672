using Flywheel.X64;
using static Iced.Intel.AssemblerRegisters;

namespace Flywheel.Engine.Baseline;

/// <summary>
/// Arrays built and walked by the language itself. for-of: <c>IteratorStep</c> on an array values
/// iterator (the record's next is the intrinsic %ArrayIteratorPrototype%.next) over a dense array
/// steps inline, as <c>ArrayIterators.Step</c> does, without allocating, and ends the loop at the array's
/// end; holes, other iterators and generators take the slow path. Array literals: <c>ArrayPush</c> appends within
/// the elements' capacity inline; growing them calls the allocation stub (BaselineCompiler.Allocation).
/// </summary>
internal sealed unsafe partial class BaselineCompiler
{
    const ulong IteratorHeaderBits = (ulong)ObjClass.Iterator << 32 | (ulong)CellKind.Object;
    const int IteratedObjectOffset = Layout.ObjInternal0, NextIndexOffset = Layout.ObjInternal0 + 8, IterationKindOffset = Layout.ObjInternal0 + 16;

    /// <summary>Values iteration, as <c>ArrayIterators</c> records it in the iterator's third internal slot.</summary>
    const int ValuesIterationKind = 1;

    bool EmitIteratorStep(int pc, byte* p, OpInfo row)
    {
        var arrayIteratorNext = realm.ArrayIteratorNext;
        if (!arrayIteratorNext.IsCell) return false;
        int record = Operand(p, row, 0);
        var slow = SlowPath(pc);
        a.mov(rax, Register(record + 1));
        a.mov(rcx, unchecked((long)arrayIteratorNext.Bits));
        a.cmp(rax, rcx);
        masm.Jump(Condition.NotEqual, slow);
        a.mov(rax, Register(record));
        JumpUnlessCell(slow);
        a.mov(rdx, __qword_ptr[rax]);
        a.mov(rcx, unchecked((long)ClassAndKindMask));
        a.and(rdx, rcx);
        a.mov(rcx, unchecked((long)IteratorHeaderBits));
        a.cmp(rdx, rcx);
        masm.Jump(Condition.NotEqual, slow);
        a.mov(r8, rax);
        a.mov(rcx, unchecked((long)JsValue.FromInt(ValuesIterationKind).Bits));
        a.cmp(__qword_ptr[r8 + IterationKindOffset], rcx);
        masm.Jump(Condition.NotEqual, slow);
        a.mov(rax, __qword_ptr[r8 + IteratedObjectOffset]);
        JumpUnlessCell(slow);
        a.mov(rdx, __qword_ptr[rax]);
        a.mov(rcx, unchecked((long)ReadableArrayMask));
        a.and(rdx, rcx);
        a.mov(rcx, unchecked((long)ArrayHeaderBits));
        a.cmp(rdx, rcx);
        masm.Jump(Condition.NotEqual, slow);
        // r9d = the next index, r10d = the array's length, both int32 (anything else: the slow path).
        a.mov(r9, __qword_ptr[r8 + NextIndexOffset]);
        a.mov(r10, __qword_ptr[rax + Layout.ObjInternal0]);
        a.mov(r11, r9);
        a.and(r11, r10);
        a.and(r11, Tag);
        a.cmp(r11, Tag);
        masm.Jump(Condition.NotEqual, slow);
        // At the end, the iterator is done for good (ArrayIterators.Step forgets the array) and the loop exits.
        var done = masm.CreateLabel();
        var target = Target(pc, p, row);
        a.cmp(r9d, r10d);
        masm.Jump(Condition.AboveOrEqual, done);
        outOfLine.Add(() =>
        {
            masm.Bind(done);
            LoadImmediate(Acc, JsValue.UndefinedBits);
            a.mov(__qword_ptr[r8 + IteratedObjectOffset], Acc);
            masm.Jump(target);
        });
        // Within the length: an element the dense buffer holds (beyond its capacity or a hole: the slow path,
        // which looks the index up through the prototypes).
        a.mov(rdx, __qword_ptr[rax + Layout.ObjElements]);
        a.test(rdx, rdx);
        masm.Jump(Condition.Equal, slow);
        a.mov(ecx, r9d);
        a.cmp(ecx, __dword_ptr[rdx - 8]);
        masm.Jump(Condition.AboveOrEqual, slow);
        a.mov(r11, __qword_ptr[rdx + rcx * 8]);
        a.test(r11, r11);
        masm.Jump(Condition.Equal, slow);
        a.inc(ecx);
        a.or(rcx, Tag);
        a.mov(__qword_ptr[r8 + NextIndexOffset], rcx);
        a.mov(Acc, r11);
        return true;
    }

    /// <summary><c>ArrayPush array</c>: array[array.length] = acc for a dense, extensible array with room in its elements.</summary>
    void EmitArrayPush(int pc, int arrayRegister)
    {
        // Growing the elements (and anything unusual) is the allocation stub's.
        var slow = AllocationStubPath(pc, OpcodeTable.Size(Opcode.ArrayPush), makesValue: false);
        a.mov(rax, Register(arrayRegister));
        JumpUnlessCell(slow);
        a.mov(rdx, __qword_ptr[rax]);
        a.mov(rcx, unchecked((long)WritableArrayMask));
        a.and(rdx, rcx);
        a.mov(rcx, unchecked((long)ArrayHeaderBits));
        a.cmp(rdx, rcx);
        masm.Jump(Condition.NotEqual, slow);
        a.mov(rdx, __qword_ptr[rax + Layout.ObjElements]);
        a.test(rdx, rdx);
        masm.Jump(Condition.Equal, slow);
        a.mov(rcx, __qword_ptr[rax + Layout.ObjInternal0]);
        a.mov(r11, rcx);
        a.and(r11, Tag);
        a.cmp(r11, Tag);
        masm.Jump(Condition.NotEqual, slow);
        a.cmp(ecx, __dword_ptr[rdx - 8]);
        masm.Jump(Condition.AboveOrEqual, slow);
        a.mov(ecx, ecx);
        a.mov(__qword_ptr[rdx + rcx * 8], Acc);
        a.inc(ecx);
        a.or(rcx, Tag);
        a.mov(__qword_ptr[rax + Layout.ObjInternal0], rcx);
    }
}
