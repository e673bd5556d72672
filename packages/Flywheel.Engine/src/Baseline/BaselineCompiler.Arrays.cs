using Flywheel.X64;
using static Iced.Intel.AssemblerRegisters;

namespace Flywheel.Engine.Baseline;

/// <summary>
/// Arrays built and walked by the language itself. for-of: <c>IteratorStep</c> on an array values
/// iterator (the record's next is the intrinsic %ArrayIteratorPrototype%.next) over a dense array
/// steps inline, as <c>ArrayIterators.Step</c> does, without allocating; the end of the array, holes,
/// other iterators and generators take the slow path. Array literals: <c>ArrayPush</c> appends within
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
        a.mov(r9, __qword_ptr[r8 + NextIndexOffset]);
        a.mov(rax, __qword_ptr[r8 + IteratedObjectOffset]);
        // rdx = elements, ecx = the index, below the elements' size; then below the array's length (an
        // int32, tested without rdx) too.
        LoadDenseElementAddress(r9, ReadableArrayMask, slow);
        a.mov(r10, __qword_ptr[rax + Layout.ObjInternal0]);
        a.mov(r11, r10);
        a.and(r11, Tag);
        a.cmp(r11, Tag);
        masm.Jump(Condition.NotEqual, slow);
        a.cmp(ecx, r10d);
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
