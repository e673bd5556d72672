using Flywheel.X64;
using static Iced.Intel.AssemblerRegisters;
using Label = Flywheel.MachineCode.Label;

namespace Flywheel.Engine.Baseline;

/// <summary>
/// Allocation in machine code. Contexts (<c>PushContext</c>, the per-iteration <c>CloneContext</c>),
/// empty object literals (<c>CreateObject</c>) and array literals (<c>CreateArray</c>) allocate their
/// cell inline from the heap's size-class allocator, whose state is the unmanaged
/// <see cref="AllocationTable"/> that <see cref="Heap.Allocate"/> uses too: pop the free list or bump
/// the pointer, zero the cell, count its bytes, and write the header and fields exactly as the
/// interpreter's <c>Realm.NewContext</c>, <c>NewObject</c> and <c>NewArray</c> do. The bytes the
/// code may allocate are bounded by <see cref="AllocationTable.InlineLimit"/>: an allocation that
/// would make a collection due (or needs a new chunk) takes the slow path before anything happened,
/// so the interpreter allocates it and its collection runs where it runs today, and GC stress and
/// the collection thresholds see the same byte counts in both tiers.
/// Closures, regular-expression literals, a literal's first property (which allocates its slots),
/// elements that grow an array literal and whatever misses the inline paths call <see cref="Interp.AllocationStub"/>, the
/// interpreter's own code for the instruction; a literal's further plain properties take their
/// shape transition inline (<see cref="PlanLiteralTransitions"/>).
/// </summary>
internal sealed unsafe partial class BaselineCompiler
{
    Label? allocationRoutine;

    /// <summary>The most slots a context cloned inline may have: more make it a large cell.</summary>
    const int MaxInlineContextSlots = (Heap.MaxSmall - Layout.ContextSlots) / 8;

    bool EmitAllocation(Opcode op, OpInfo row, byte* p, int pc)
    {
        switch (op)
        {
            case Opcode.PushContext: return EmitPushContext(pc, row.Size, Operand(p, row, 0));
            case Opcode.CloneContext: EmitCloneContext(pc, row.Size); return true;
            case Opcode.PopContext:
                // Not an allocation, but the other half of PushContext: the parent becomes the frame's context.
                a.mov(rax, FrameSlot(JsStack.ContextSlot));
                a.mov(rax, __qword_ptr[rax + Layout.ContextParent]);
                a.mov(FrameSlot(JsStack.ContextSlot), rax);
                return true;
            case Opcode.CreateObject:
                EmitNewObject(pc, row.Size, ObjClass.Ordinary, realm.ObjectPrototype, JsValue.UndefinedBits);
                return true;
            case Opcode.CreateArray:
                // An array's length, in its first internal slot, starts at 0.
                EmitNewObject(pc, row.Size, ObjClass.Array, realm.ArrayPrototype, JsValue.Zero.Bits);
                return true;
            case Opcode.CreateClosure:
            case Opcode.CreateRegExp:
                CallPropertyStub(Interp.AllocationStubAddress, pc);
                a.mov(Acc, rax);
                return true;
            case Opcode.DefineNamed: EmitDefineNamed(pc, row.Size, Operand(p, row, 0)); return true;
            default: return false;
        }
    }

    /// <summary>
    /// The shape transitions of object literals' properties, by the bytecode offset of their
    /// <c>DefineNamed</c>: the shape the object has before (when the literal is built as written)
    /// and after, and the new property's slot (see <see cref="PlanLiteralTransitions"/>).
    /// </summary>
    Dictionary<int, (Shape Before, Shape After, int Slot)>? literalTransitions;

    /// <summary>
    /// Finds, for every <c>DefineNamed</c> of an object literal (<c>CreateObject; Star r</c>, then a
    /// <c>DefineNamed r, name</c> per plain property), the transition the interpreter's
    /// <c>Realm.DefineData</c> makes when the literal's earlier properties were plain ones too: from the
    /// root shape through one transition per name, made now if no object took it yet. A getter, a
    /// computed key, a spread, <c>__proto__</c>, a duplicate or an index key ends the chain (the rest
    /// of the literal goes to the stub). The code checks the shape at run time, so a guess that does
    /// not hold costs only the stub call. The shapes are kept alive with the function
    /// (<see cref="FunctionTemplate.LiteralShapes"/>): the code compares and installs their addresses.
    /// </summary>
    void PlanLiteralTransitions()
    {
        literalTransitions = [];
        var expected = new Dictionary<int, Shape>();
        var pinned = new List<nint>();
        byte* code = function.Code;
        var previous = Opcode.Nop;
        for (int pc = 0; pc < length;)
        {
            var op = (Opcode)code[pc];
            var row = OpcodeTable.Get(op);
            byte* p = code + pc;
            if (op == Opcode.Star && previous == Opcode.CreateObject)
            {
                expected[Operand(p, row, 0)] = realm.Shapes.Root;
            }
            else if (op == Opcode.DefineNamed)
            {
                int register = Operand(p, row, 0);
                if (expected.Remove(register, out var before) && TryLiteralTransition(before, function.Constants[Operand(p, row, 1)], out var after, out int slot))
                {
                    literalTransitions[pc] = (before, after, slot);
                    expected[register] = after;
                    pinned.Add(after.Cell);
                }
            }
            else if (op is Opcode.DefineKeyed or Opcode.DefineGetter or Opcode.DefineSetter or Opcode.CopyDataProperties or Opcode.Mov)
            {
                // What else changes a literal under construction (Mov passes it to SetProtoLiteral).
                expected.Remove(Operand(p, row, 0));
            }
            previous = op;
            pc += row.Size;
        }
        function.LiteralShapes = [.. pinned];
    }

    /// <summary>The shape <c>DefineData</c> gives an ordinary object of shape <paramref name="before"/> for a new property <paramref name="name"/> with default attributes.</summary>
    bool TryLiteralTransition(Shape before, JsValue name, out Shape after, out int slot)
    {
        after = null!;
        slot = -1;
        // Only names the constant pool holds as atoms: making the key here must not intern anything.
        if (!Realm.IsString(name) || (Layout.Flags(name.Ptr) & CellFlags.Atom) == 0 || Realm.TryArrayIndex(Realm.ToClr(name), out _)) return false;
        if (before.IsDictionary || before.SlotCount + 1 >= Shape.MaxSharedProperties || before.TryGet((ulong)name.Ptr, out _)) return false;
        after = realm.Shapes.AddProperty(before, (ulong)name.Ptr, PropFlags.Default, out slot);
        return !after.IsDictionary;
    }

    // An ordinary object (kind, class), extensible (flag bit 0) and relied on by no inline cache
    // (header byte 6): the objects a literal's property may be added to inline.
    const ulong LiteralHeaderMask = 0x00FF_00FF_0000_00FFUL | (ulong)CellFlags.NotExtensible << 24;
    const ulong LiteralHeaderBits = (ulong)CellKind.Object;

    /// <summary>
    /// <c>DefineNamed r, name</c>: a planned literal transition (<see cref="PlanLiteralTransitions"/>)
    /// inline when the object has the shape before and room for the slot, as <c>Realm.AddOwn</c> does
    /// it; the stub for everything else (the first property, which allocates the slots, included).
    /// </summary>
    void EmitDefineNamed(int pc, int size, int objectRegister)
    {
        if (literalTransitions == null) PlanLiteralTransitions();
        if (!literalTransitions!.TryGetValue(pc, out var transition))
        {
            CallPropertyStub(Interp.AllocationStubAddress, pc);
            return;
        }
        var stub = AllocationStubPath(pc, size, makesValue: false);
        a.mov(rax, Register(objectRegister));
        JumpUnlessCell(stub);
        a.mov(rdx, __qword_ptr[rax]);
        a.mov(rcx, unchecked((long)LiteralHeaderMask));
        a.and(rdx, rcx);
        a.cmp(rdx, (int)LiteralHeaderBits);
        masm.Jump(Condition.NotEqual, stub);
        a.mov(rcx, (long)transition.Before.Cell);
        a.cmp(__qword_ptr[rax + Layout.ObjShape], rcx);
        masm.Jump(Condition.NotEqual, stub);
        a.mov(rcx, __qword_ptr[rax + Layout.ObjSlots]);
        a.test(rcx, rcx);
        masm.Jump(Condition.Equal, stub);
        a.cmp(__qword_ptr[rcx - 8], transition.Slot);
        masm.Jump(Condition.BelowOrEqual, stub);
        a.mov(__qword_ptr[rcx + transition.Slot * 8], Acc);
        a.mov(rdx, (long)transition.After.Cell);
        a.mov(__qword_ptr[rax + Layout.ObjShape], rdx);
    }

    /// <summary>
    /// An out-of-line call of <see cref="Interp.AllocationStub"/> for the instruction at
    /// <paramref name="pc"/>, jumped to before it had any effect when its inline path cannot finish it;
    /// it continues at the next instruction (with the new accumulator when
    /// <paramref name="makesValue"/>), or takes the slow path when the stub threw.
    /// </summary>
    Label AllocationStubPath(int pc, int size, bool makesValue)
    {
        var label = masm.CreateLabel();
        outOfLine.Add(() =>
        {
            masm.Bind(label);
            CallPropertyStub(Interp.AllocationStubAddress, pc);
            if (makesValue) a.mov(Acc, rax);
            masm.Jump(instructionLabels[pc + size]);
        });
        return label;
    }

    /// <summary>A header word: kind, size class and aux (mark and flags 0).</summary>
    static ulong Header(CellKind kind, int sizeClass, uint aux) => (ulong)aux << 32 | (ulong)(uint)sizeClass << 16 | (byte)kind;

    /// <summary>
    /// rax = a new cell of size class in ecx (zeroed, header not written), or the runtime stub runs
    /// the instruction at <paramref name="pc"/> (<paramref name="size"/> bytes; see <see cref="AllocationStubPath"/>).
    /// </summary>
    void AllocateCell(int pc, int size, bool makesValue)
    {
        allocationRoutine ??= masm.CreateLabel();
        masm.Call(allocationRoutine.Value);
        a.test(rax, rax);
        masm.Jump(Condition.Equal, AllocationStubPath(pc, size, makesValue));
    }

    /// <summary>acc = a new object of <paramref name="objectClass"/> with the empty shape and <paramref name="prototype"/>, as <c>Realm.NewObject</c> makes it.</summary>
    void EmitNewObject(int pc, int size, ObjClass objectClass, nint prototype, ulong firstInternal)
    {
        int sizeClass = Heap.SizeClassOf(Layout.ObjectSize);
        a.mov(ecx, sizeClass);
        AllocateCell(pc, size, makesValue: true);
        a.mov(rdx, unchecked((long)Header(CellKind.Object, sizeClass, (uint)objectClass)));
        a.mov(__qword_ptr[rax], rdx);
        a.mov(rdx, (long)realm.Shapes.Root.Cell);
        a.mov(__qword_ptr[rax + Layout.ObjShape], rdx);
        a.mov(rdx, (long)prototype);
        a.mov(__qword_ptr[rax + Layout.ObjProto], rdx);
        a.mov(rdx, unchecked((long)firstInternal));
        a.mov(__qword_ptr[rax + Layout.ObjInternal0], rdx);
        a.mov(rdx, (long)JsValue.UndefinedBits);
        for (int i = 1; i < 4; i++) a.mov(__qword_ptr[rax + Layout.ObjInternal0 + 8 * i], rdx);
        a.mov(Acc, rax);
    }

    /// <summary><c>PushContext n</c>: a context of n holes whose parent is the frame's context becomes the frame's.</summary>
    bool EmitPushContext(int pc, int size, int slots)
    {
        int bytes = Layout.ContextSlots + 8 * slots;
        if (bytes > Heap.MaxSmall) return false;
        int sizeClass = Heap.SizeClassOf(bytes);
        a.mov(ecx, sizeClass);
        AllocateCell(pc, size, makesValue: false);
        a.mov(rdx, unchecked((long)Header(CellKind.Context, sizeClass, (uint)slots)));
        a.mov(__qword_ptr[rax], rdx);
        a.mov(rdx, FrameSlot(JsStack.ContextSlot));
        a.mov(__qword_ptr[rax + Layout.ContextParent], rdx);
        // The holes are the zeroed cell (JsValue.Empty is 0).
        a.mov(FrameSlot(JsStack.ContextSlot), rax);
        return true;
    }

    /// <summary><c>CloneContext</c>: the frame's context is replaced by a copy (same parent, same slots), as a loop iteration's bindings are.</summary>
    void EmitCloneContext(int pc, int size)
    {
        var slow = AllocationStubPath(pc, size, makesValue: false);
        a.mov(rax, FrameSlot(JsStack.ContextSlot));
        a.mov(ecx, __dword_ptr[rax + 4]);
        a.cmp(ecx, MaxInlineContextSlots);
        masm.Jump(Condition.Above, slow);
        // ecx = the size class of a context of ecx slots: ClassOfSize[(16 + 8n + 15) / 16].
        a.lea(ecx, __[rcx * 8 + Layout.ContextSlots + 15]);
        a.shr(ecx, 4);
        a.mov(rdx, (long)realm.Heap.Table);
        a.movzx(ecx, __byte_ptr[rdx + rcx + AllocationTable.ClassOfSizeOffset]);
        AllocateCell(pc, size, makesValue: false);
        a.mov(rdx, FrameSlot(JsStack.ContextSlot));
        a.mov(r8d, __dword_ptr[rdx + 4]);
        a.mov(r9, r8);
        a.shl(r9, 32);
        a.shl(ecx, 16);
        a.or(ecx, (int)CellKind.Context);
        a.or(r9, rcx);
        a.mov(__qword_ptr[rax], r9);
        a.mov(r9, __qword_ptr[rdx + Layout.ContextParent]);
        a.mov(__qword_ptr[rax + Layout.ContextParent], r9);
        // Slots n-1 down to 0 (slot i at ContextSlots + 8i, i.e. 8 + 8(i + 1)).
        var copied = masm.CreateLabel();
        var copy = masm.CreateLabel();
        a.test(r8d, r8d);
        masm.Jump(Condition.Equal, copied);
        masm.Bind(copy);
        a.mov(r9, __qword_ptr[rdx + r8 * 8 + (Layout.ContextSlots - 8)]);
        a.mov(__qword_ptr[rax + r8 * 8 + (Layout.ContextSlots - 8)], r9);
        a.dec(r8d);
        masm.Jump(Condition.NotEqual, copy);
        masm.Bind(copied);
        a.mov(FrameSlot(JsStack.ContextSlot), rax);
    }

    /// <summary>
    /// The routine behind <see cref="AllocateCell"/>, <see cref="Heap.Allocate"/>'s small-cell path in
    /// machine code: for the size class in ecx (kept), rax = a zeroed cell of that class, its bytes
    /// counted, or 0 when the class has no free cell and no room in its chunk, or when the bytes
    /// would pass <see cref="AllocationTable.InlineLimit"/> (a collection would become due): then
    /// nothing changed and the interpreter allocates. Clobbers rdx, r8–r10, xmm0.
    /// </summary>
    void EmitAllocationRoutine()
    {
        if (allocationRoutine == null) return;
        var fail = masm.CreateLabel();
        var bump = masm.CreateLabel();
        var got = masm.CreateLabel();
        var zero = masm.CreateLabel();
        masm.Bind(allocationRoutine.Value);
        masm.Annotate("allocation routine: rax = a zeroed cell of size class ecx, or 0");
        a.mov(r8, (long)realm.Heap.Table);
        a.mov(r9d, ecx);
        a.shl(r9d, 5);
        a.lea(r9, __[r8 + r9 + AllocationTable.ClassesOffset]);
        a.mov(rdx, __qword_ptr[r9 + AllocationTable.SizeOffset]);
        a.mov(rax, __qword_ptr[r8 + AllocationTable.AllocatedSinceGcOffset]);
        a.add(rax, rdx);
        a.cmp(rax, __qword_ptr[r8 + AllocationTable.InlineLimitOffset]);
        masm.Jump(Condition.Greater, fail);
        a.mov(rax, __qword_ptr[r9 + AllocationTable.FreeListOffset]);
        a.test(rax, rax);
        masm.Jump(Condition.Equal, bump);
        // A free cell links to the next through its second word.
        a.mov(r10, __qword_ptr[rax + 8]);
        a.mov(__qword_ptr[r9 + AllocationTable.FreeListOffset], r10);
        masm.Jump(got);
        masm.Bind(bump);
        a.mov(rax, __qword_ptr[r9 + AllocationTable.BumpOffset]);
        a.lea(r10, __[rax + rdx]);
        a.cmp(r10, __qword_ptr[r9 + AllocationTable.BumpEndOffset]);
        masm.Jump(Condition.Above, fail);
        a.mov(__qword_ptr[r9 + AllocationTable.BumpOffset], r10);
        masm.Bind(got);
        a.add(__qword_ptr[r8 + AllocationTable.AllocatedBytesOffset], rdx);
        a.add(__qword_ptr[r8 + AllocationTable.AllocatedSinceGcOffset], rdx);
        // Cells are 16-byte aligned and sized: zero them 16 bytes at a time, from the end.
        a.xorps(xmm0, xmm0);
        a.lea(r10, __[rax + rdx]);
        masm.Bind(zero);
        a.sub(r10, 16);
        a.movups(__xmmword_ptr[r10], xmm0);
        a.cmp(r10, rax);
        masm.Jump(Condition.Above, zero);
        a.ret();
        masm.Bind(fail);
        a.xor(eax, eax);
        a.ret();
    }
}
