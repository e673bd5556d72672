using Flywheel.X64;
using static Iced.Intel.AssemblerRegisters;

namespace Flywheel.Engine.Baseline;

/// <summary>
/// for-of over arrays: <c>IteratorStep</c> on an array values iterator (the record's next is the
/// intrinsic %ArrayIteratorPrototype%.next) over a dense array steps inline, as
/// <c>ArrayIterators.Step</c> does, without allocating; the end of the array, holes, other iterators
/// and generators take the slow path.
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
}
