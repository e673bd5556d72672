using Flywheel.X64;
using static Iced.Intel.AssemblerRegisters;
using L = Flywheel.Profiling.FeedbackLayout;
using Label = Flywheel.MachineCode.Label;

namespace Flywheel.Engine.Baseline;

/// <summary>
/// Named property access through the interpreter's inline caches, which live in the function's
/// pinned feedback vector, with the site's (up to four) entries checked inline: an own data slot is loaded or
/// stored after one shape compare; a prototype-chain load or an add-property store also checks its
/// handler record (in the realm's unmanaged <see cref="CacheValidityBlock.Handlers"/>) against the
/// receiver's prototype and the realm's prototype epoch, exactly as the interpreter's miss path
/// does, and an add stores only into a free slot within the receiver's capacity. An object that
/// misses all of that (a new shape, a megamorphic site, a stale record, an add that must grow the
/// slots) goes to a runtime stub that is the interpreter's miss path (Interp.PropertyStubs): it
/// completes data-property loads, stores and adds and updates the entries the code reads next
/// time, and answers 0 for whatever may run script or fail (getters, setters, read-only
/// properties), which takes the slow path (the interpreter runs the instruction). A getter or setter
/// on the prototype chain that the entries cache (as a handler record, like a prototype load) is
/// called from machine code as a bytecode function is (<see cref="EmitAccessorCall"/>). A string
/// receiver's <c>length</c> is read inline like an array's, and its other named properties are
/// String.prototype's, found through the same entries as for that object (a getter there is left to
/// the interpreter, which calls it with the string); other primitive receivers take the slow path.
/// </summary>
internal sealed unsafe partial class BaselineCompiler
{
    const int Entry0Key = L.CacheEntriesOffset, Entry0Value = L.CacheEntriesOffset + 8;
    const ulong ClassAndKindMask = 0xFF_0000_00FFUL;

    /// <summary>
    /// For the object in rax whose shape one of the entries at <paramref name="feedbackSlot"/> has:
    /// rdx = that entry's handler word and the jump to <paramref name="notOwn"/> taken when it is not
    /// an own data slot (rcx = the receiver's slot array otherwise). An object whose shape no entry
    /// has jumps to <paramref name="miss"/>, anything else to the slow path of <paramref name="pc"/>;
    /// with <paramref name="stringReceivers"/>, a string is String.prototype's lookup: rax becomes that
    /// object, whose entries are checked as for any object (the receiver's register still holds the string).
    /// </summary>
    void LoadCachedHandler(int pc, int feedbackSlot, Label notOwn, Label miss, bool stringReceivers = false)
    {
        var bail = SlowPath(pc);
        JumpUnlessCell(bail);
        a.cmp(__byte_ptr[rax], (int)CellKind.Object);
        if (stringReceivers)
        {
            var other = masm.CreateLabel();
            var isObject = masm.CreateLabel();
            masm.Jump(Condition.NotEqual, other);
            OutOfLine(() =>
            {
                masm.Bind(other);
                a.cmp(__byte_ptr[rax], (int)CellKind.String);
                masm.Jump(Condition.NotEqual, bail);
                a.mov(rax, (long)realm.StringPrototype);
                masm.Jump(isObject);
            });
            masm.Bind(isObject);
        }
        else
        {
            masm.Jump(Condition.NotEqual, bail);
        }
        a.mov(rcx, (long)function.FeedbackSlot(feedbackSlot));
        a.mov(rdx, __qword_ptr[rax + Layout.ObjShape]);
        // Entries are appended and cleared all at once (going megamorphic), and an unused key is 0,
        // which no shape is: comparing all of them needs no look at the count.
        var found = masm.CreateLabel();
        a.cmp(rdx, __qword_ptr[rcx + Entry0Key]);
        masm.Jump(Condition.Equal, found);
        for (int i = 1; i < L.MaxCacheEntries; i++)
        {
            var next = masm.CreateLabel();
            a.cmp(rdx, __qword_ptr[rcx + Entry0Key + i * L.CacheEntrySize]);
            masm.Jump(Condition.NotEqual, i == L.MaxCacheEntries - 1 ? miss : next);
            a.add(rcx, i * L.CacheEntrySize);
            masm.Jump(found);
            masm.Bind(next);
        }
        masm.Bind(found);
        a.mov(rdx, __qword_ptr[rcx + Entry0Value]);
        // Handler words of 2^32 and above are prototype loads and transitions.
        a.mov(rcx, rdx);
        a.shr(rcx, 32);
        masm.Jump(Condition.NotEqual, notOwn);
        a.mov(rcx, __qword_ptr[rax + Layout.ObjSlots]);
    }

    /// <summary>
    /// For the handler word in rdx: rdx = its record when the word has <paramref name="tag"/> and the
    /// record is valid for the receiver in rax (same prototype, current prototype epoch); rcx = the
    /// realm's <see cref="CacheValidityBlock"/>. A valid getter or setter record calls it
    /// (<see cref="EmitAccessorCall"/>, which continues at the next instruction or takes the slow path);
    /// anything else jumps to <paramref name="bail"/> (clobbers r8, r9). A getter found for
    /// String.prototype in rax jumps to <paramref name="bail"/> too: the receiver may be a string
    /// (<see cref="EmitGetNamed"/>), which the getter must be called with.
    /// </summary>
    void LoadValidHandlerRecord(int pc, ulong tag, Label bail)
    {
        var accessor = masm.CreateLabel();
        OutOfLine(() =>
        {
            masm.Bind(accessor);
            if (tag == Interp.ProtoLoadTag)
            {
                a.mov(r8, (long)realm.StringPrototype);
                a.cmp(rax, r8);
                masm.Jump(Condition.Equal, bail);
            }
            a.mov(rcx, __qword_ptr[rdx + Interp.IcHandler.HolderOffset]);
            a.mov(rcx, __qword_ptr[rcx + Layout.ObjSlots]);
            a.movsxd(r8, __dword_ptr[rdx + Interp.IcHandler.SlotOffset]);
            a.mov(rcx, __qword_ptr[rcx + r8 * 8]);
            EmitAccessorCall(pc, setter: tag == Interp.TransitionTag);
        });
        var tagged = masm.CreateLabel();
        a.mov(r9, rdx);
        a.shr(r9, 56);
        a.cmp(r9d, (int)(tag >> 56));
        masm.Jump(Condition.Equal, tagged);
        a.cmp(r9d, (int)(Interp.AccessorTag >> 56));
        masm.Jump(Condition.NotEqual, bail);
        masm.Bind(tagged);
        // index << log2(record size), with the tag shifted out.
        a.shl(rdx, 8);
        a.shr(rdx, 8 - Interp.IcHandler.SizeLog2);
        a.mov(rcx, (long)realm.Validity);
        a.add(rdx, __qword_ptr[rcx + CacheValidityBlock.HandlersOffset]);
        a.mov(r8, __qword_ptr[rax + Layout.ObjProto]);
        a.cmp(r8, __qword_ptr[rdx + Interp.IcHandler.ReceiverProtoOffset]);
        masm.Jump(Condition.NotEqual, bail);
        a.mov(r8d, __dword_ptr[rdx + Interp.IcHandler.EpochOffset]);
        a.cmp(r8d, __dword_ptr[rcx + CacheValidityBlock.ProtoEpochOffset]);
        masm.Jump(Condition.NotEqual, bail);
        a.cmp(r9d, (int)(Interp.AccessorTag >> 56));
        masm.Jump(Condition.Equal, accessor);
    }

    void EmitGetNamed(int pc, int objectRegister, int nameIndex, int feedbackSlot)
    {
        var miss = masm.CreateLabel();
        var done = masm.CreateLabel();
        a.mov(rax, Register(objectRegister));
        bool isLength = Realm.IsString(function.Constants[nameIndex]) && Realm.ToClr(function.Constants[nameIndex]) == "length";
        if (isLength)
        {
            // An array's length is its first internal slot, kept as the number value "length" reads,
            // and a string's is its header's aux word (ropes included); the inline caches leave both
            // to the generic path, so they are compiled here. Other objects' lengths are properties.
            var bail = SlowPath(pc);
            var notArray = masm.CreateLabel();
            JumpUnlessCell(bail);
            a.mov(rdx, __qword_ptr[rax]);
            a.mov(rcx, unchecked((long)ClassAndKindMask));
            a.and(rdx, rcx);
            a.mov(rcx, unchecked((long)ArrayHeaderBits));
            a.cmp(rdx, rcx);
            masm.Jump(Condition.NotEqual, notArray);
            a.mov(Acc, __qword_ptr[rax + Layout.ObjInternal0]);
            masm.Jump(done);
            var notString = masm.CreateLabel();
            masm.Bind(notArray);
            a.cmp(__byte_ptr[rax], (int)CellKind.String);
            masm.Jump(Condition.NotEqual, notString);
            a.mov(Acc32, __dword_ptr[rax + 4]);
            a.or(Acc, Tag);
            masm.Jump(done);
            // A typed array's length the stub reads (when the intrinsic getter would). The caches hold
            // "length" only for ordinary objects (oop's Vec2 length getter), which go on to the entries;
            // other objects take the slow path.
            var ordinary = masm.CreateLabel();
            masm.Bind(notString);
            a.cmp(__byte_ptr[rax], (int)CellKind.Object);
            masm.Jump(Condition.NotEqual, bail);
            a.cmp(__byte_ptr[rax + 4], (int)ObjClass.Ordinary);
            masm.Jump(Condition.Equal, ordinary);
            a.cmp(__byte_ptr[rax + 4], (int)ObjClass.TypedArray);
            masm.Jump(Condition.NotEqual, bail);
            masm.Jump(miss);
            masm.Bind(ordinary);
        }
        var notOwn = masm.CreateLabel();
        // A string's length was read above; its other properties are String.prototype's (the stub at
        // miss and the slow path read the receiver from its register again, so they see the string).
        LoadCachedHandler(pc, feedbackSlot, notOwn, miss, stringReceivers: !isLength);
        a.mov(Acc, __qword_ptr[rcx + rdx * 8]);
        masm.Jump(done);

        masm.Bind(notOwn);
        LoadValidHandlerRecord(pc, Interp.ProtoLoadTag, miss);
        LoadFromHolder();
        masm.Jump(done);

        masm.Bind(miss);
        CallPropertyStub(Interp.GetNamedStubAddress, pc);
        a.mov(Acc, rax);
        masm.Bind(done);
    }

    /// <summary>acc = the holder's slot that the valid handler record in rdx names (clobbers rcx, r8).</summary>
    void LoadFromHolder()
    {
        a.mov(rcx, __qword_ptr[rdx + Interp.IcHandler.HolderOffset]);
        a.mov(rcx, __qword_ptr[rcx + Layout.ObjSlots]);
        a.movsxd(r8, __dword_ptr[rdx + Interp.IcHandler.SlotOffset]);
        a.mov(Acc, __qword_ptr[rcx + r8 * 8]);
    }

    void EmitSetNamed(int pc, int objectRegister, int feedbackSlot)
    {
        var miss = masm.CreateLabel();
        var notOwn = masm.CreateLabel();
        var done = masm.CreateLabel();
        a.mov(rax, Register(objectRegister));
        LoadCachedHandler(pc, feedbackSlot, notOwn, miss);
        a.mov(__qword_ptr[rcx + rdx * 8], Acc);
        masm.Jump(done);

        // An add-property store: the receiver must be extensible and not relied on by any cache
        // (header byte 6), as in the interpreter's TryTransition, and have the new slot in capacity.
        masm.Bind(notOwn);
        LoadValidHandlerRecord(pc, Interp.TransitionTag, miss);
        a.test(__byte_ptr[rax + 3], (int)CellFlags.NotExtensible);
        masm.Jump(Condition.NotEqual, miss);
        a.cmp(__byte_ptr[rax + 6], 0);
        masm.Jump(Condition.NotEqual, miss);
        a.mov(rcx, __qword_ptr[rax + Layout.ObjSlots]);
        a.test(rcx, rcx);
        masm.Jump(Condition.Equal, miss);
        a.movsxd(r8, __dword_ptr[rdx + Interp.IcHandler.SlotOffset]);
        a.cmp(r8, __qword_ptr[rcx - 8]);
        masm.Jump(Condition.AboveOrEqual, miss);
        a.mov(__qword_ptr[rcx + r8 * 8], Acc);
        a.mov(r8, __qword_ptr[rdx + Interp.IcHandler.NewShapeOffset]);
        a.mov(__qword_ptr[rax + Layout.ObjShape], r8);
        masm.Jump(done);

        // The add that grows the slots, a new shape, a megamorphic site: the interpreter's miss path.
        masm.Bind(miss);
        CallPropertyStub(Interp.SetNamedStubAddress, pc);
        masm.Bind(done);
    }

    /// <summary>
    /// <c>GetSuper</c> (<c>super.name</c>, <c>super[key]</c>, key in the accumulator): a data property of
    /// the home object's prototype through <see cref="Interp.GetSuperStub"/>, without the step through the
    /// dispatch loop; getters and everything else take the slow path.
    /// </summary>
    void EmitGetSuper(int pc)
    {
        CallPropertyStub(Interp.GetSuperStubAddress, pc);
        a.mov(Acc, rax);
    }

    /// <summary>
    /// Calls the property stub at <paramref name="stub"/> (Interp.PropertyStubs) for the instruction
    /// at <paramref name="pc"/> with the frame and the accumulator, which it never moves or collects
    /// (so holding it in its register across the call is safe): rax = the stub's answer, and the
    /// exit to <paramref name="pc"/> taken when that is 0 (nothing happened). Clobbers the
    /// caller-saved registers.
    /// </summary>
    void CallPropertyStub(nint stub, int pc)
    {
        var convention = X64CallingConvention.Host;
        var args = convention.IntegerArguments;
        a.mov(StateField(BaselineState.SavedRspOffset), rsp);
        a.and(rsp, -16);
        if (convention.ShadowSpaceBytes > 0) a.sub(rsp, convention.ShadowSpaceBytes);
        a.mov(args[0], StateField(BaselineState.RuntimeOffset));
        a.mov(args[1], Fp);
        a.mov(args[2], pc);
        a.mov(args[3], Acc);
        masm.CallAbsolute(stub, r11);
        a.mov(rsp, StateField(BaselineState.SavedRspOffset));
        a.test(rax, rax);
        masm.Jump(Condition.Equal, SlowPath(pc));
    }
}
