using Flywheel.X64;
using static Iced.Intel.AssemblerRegisters;
using L = Flywheel.Profiling.FeedbackLayout;

namespace Flywheel.Engine.Baseline;

/// <summary>
/// Named property access through the interpreter's inline caches, which live in the function's
/// pinned feedback vector: the code compares the receiver's shape with the site's first entry and,
/// when the entry is an own data slot, loads or stores the slot. Everything else (a miss, a
/// prototype-chain hit, a transition, a primitive receiver) exits to the interpreter, whose IC miss
/// path also updates the entry the code reads next time.
/// </summary>
internal sealed unsafe partial class BaselineCompiler
{
    const int Entry0Key = L.CacheEntriesOffset, Entry0Value = L.CacheEntriesOffset + 8;
    const ulong ClassAndKindMask = 0xFF_0000_00FFUL;

    /// <summary>
    /// rcx = the receiver's slot array and rdx = the slot index, when the object in rax has the shape
    /// cached first at feedback slot <paramref name="feedbackSlot"/> with an own data slot; otherwise
    /// jumps to the exit of <paramref name="pc"/>.
    /// </summary>
    void LoadCachedSlot(int pc, int feedbackSlot)
    {
        var bail = Bail(pc);
        JumpUnlessCell(bail);
        a.cmp(__byte_ptr[rax], (int)CellKind.Object);
        masm.Jump(Condition.NotEqual, bail);
        a.mov(rcx, (long)function.FeedbackSlot(feedbackSlot));
        a.mov(rdx, __qword_ptr[rax + Layout.ObjShape]);
        a.cmp(rdx, __qword_ptr[rcx + Entry0Key]);
        masm.Jump(Condition.NotEqual, bail);
        a.mov(rdx, __qword_ptr[rcx + Entry0Value]);
        // Handler words of 2^32 and above are prototype loads and transitions: the interpreter's.
        a.mov(rcx, rdx);
        a.shr(rcx, 32);
        masm.Jump(Condition.NotEqual, bail);
        a.mov(rcx, __qword_ptr[rax + Layout.ObjSlots]);
    }

    void EmitGetNamed(int pc, int objectRegister, int nameIndex, int feedbackSlot)
    {
        a.mov(rax, Register(objectRegister));
        if (Realm.IsString(function.Constants[nameIndex]) && Realm.ToClr(function.Constants[nameIndex]) == "length")
        {
            // An array's length is its first internal slot, kept as the number value "length" reads;
            // the inline caches leave it to the generic path, so it is compiled here.
            var bail = Bail(pc);
            JumpUnlessCell(bail);
            a.mov(rdx, __qword_ptr[rax]);
            a.mov(rcx, unchecked((long)ClassAndKindMask));
            a.and(rdx, rcx);
            a.mov(rcx, unchecked((long)ArrayHeaderBits));
            a.cmp(rdx, rcx);
            masm.Jump(Condition.NotEqual, bail);
            a.mov(Acc, __qword_ptr[rax + Layout.ObjInternal0]);
            return;
        }
        LoadCachedSlot(pc, feedbackSlot);
        a.mov(Acc, __qword_ptr[rcx + rdx * 8]);
    }

    void EmitSetNamed(int pc, int objectRegister, int feedbackSlot)
    {
        a.mov(rax, Register(objectRegister));
        LoadCachedSlot(pc, feedbackSlot);
        a.mov(__qword_ptr[rcx + rdx * 8], Acc);
    }
}
