using Flywheel.X64;
using static Iced.Intel.AssemblerRegisters;
using Label = Flywheel.MachineCode.Label;
using V = Flywheel.Engine.Runtime.CacheValidityBlock;

namespace Flywheel.Engine.Baseline;

/// <summary>
/// Global loads and stores through the interpreter's global inline caches: entry 0 of the site is
/// either a data property of the global object (valid while the realm's global epoch is the one
/// the entry recorded) or a global lexical binding (valid unless it is still in its TDZ). Both are
/// checked and used inline, reading the epoch and the lexical values from the realm's
/// <see cref="CacheValidityBlock"/>; anything else exits to the interpreter, whose miss path fills
/// the entry. Code is per realm (a template belongs to one), so the realm's addresses are immediates.
/// </summary>
internal sealed unsafe partial class BaselineCompiler
{
    /// <summary>
    /// Emits the hit test of global site <paramref name="feedbackSlot"/>: on a global-object hit
    /// rcx = the global object's slots and rax = the slot index; on a lexical hit (at
    /// <paramref name="lexical"/>) rcx = the lexical values and rdx = the binding's index; otherwise
    /// a jump to the exit of <paramref name="pc"/>.
    /// </summary>
    void GlobalCacheHit(int pc, int feedbackSlot, Label lexical)
    {
        var bail = SlowPath(pc);
        a.mov(rcx, (long)function.FeedbackSlot(feedbackSlot));
        a.mov(rax, __qword_ptr[rcx + Entry0Key]);
        a.mov(rdx, __qword_ptr[rcx + Entry0Value]);
        a.mov(rcx, (long)realm.Validity);
        a.cmp(rax, (int)Interpreter.Interp.GlobalLexicalKey);
        var notLexical = masm.CreateLabel();
        masm.Jump(Condition.NotEqual, notLexical);
        a.mov(rcx, __qword_ptr[rcx + V.GlobalLexicalValuesOffset]);
        masm.Jump(lexical);
        masm.Bind(notLexical);
        a.cmp(rax, (int)Interpreter.Interp.GlobalObjectKey);
        masm.Jump(Condition.NotEqual, bail);
        a.mov(rax, rdx);
        a.shr(rax, 32);
        a.cmp(eax, __dword_ptr[rcx + V.GlobalEpochOffset]);
        masm.Jump(Condition.NotEqual, bail);
        a.mov(eax, edx);
        a.mov(rcx, (long)realm.GlobalObject);
        a.mov(rcx, __qword_ptr[rcx + Layout.ObjSlots]);
    }

    /// <summary><c>LdaGlobal name, slot</c>: acc = the cached global; a binding in its TDZ exits (the interpreter throws).</summary>
    void EmitLoadGlobal(int pc, int feedbackSlot)
    {
        var lexical = masm.CreateLabel();
        var done = masm.CreateLabel();
        GlobalCacheHit(pc, feedbackSlot, lexical);
        a.mov(Acc, __qword_ptr[rcx + rax * 8]);
        masm.Jump(done);
        masm.Bind(lexical);
        a.mov(rax, __qword_ptr[rcx + rdx * 8]);
        a.test(rax, rax);
        masm.Jump(Condition.Equal, SlowPath(pc));
        a.mov(Acc, rax);
        masm.Bind(done);
    }

    /// <summary><c>StaGlobal</c>/<c>StaGlobalSloppy name, slot</c>: the cached global = acc (stores cache only writable properties and non-const bindings).</summary>
    void EmitStoreGlobal(int pc, int feedbackSlot)
    {
        var lexical = masm.CreateLabel();
        var done = masm.CreateLabel();
        GlobalCacheHit(pc, feedbackSlot, lexical);
        a.mov(__qword_ptr[rcx + rax * 8], Acc);
        masm.Jump(done);
        masm.Bind(lexical);
        a.cmp(__qword_ptr[rcx + rdx * 8], 0);
        masm.Jump(Condition.Equal, SlowPath(pc));
        a.mov(__qword_ptr[rcx + rdx * 8], Acc);
        masm.Bind(done);
    }
}
