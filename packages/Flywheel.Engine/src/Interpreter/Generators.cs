namespace Flywheel.Engine.Interpreter;

/// <summary>
/// Generator objects (class Generator). Internal0 = state, Internal1 = saved frame (FixedArray),
/// Internal2 = the generator function. A suspended frame is saved as
/// <c>[callee, receiver, context, argc, args…, registers…, resume pc]</c> and restored onto the JS
/// stack on resumption; while running, the frame's new.target slot holds the generator object.
/// </summary>
internal static unsafe class Generators
{
    public const int SuspendedStart = 0, SuspendedYield = 1, Executing = 2, Completed = 3;

    public static JsValue Create(Realm realm, JsValue f, FunctionTemplate t, JsValue thisv, JsValue* argv, int argc)
    {
        var proto = realm.Get(f, realm.KPrototype);
        nint g = realm.NewObject(Realm.IsObject(proto) ? proto : JsValue.FromPtr(realm.GeneratorPrototype), ObjClass.Generator);
        using var hs = new HandleScope(realm);
        hs.Add(JsValue.FromPtr(g));
        nint saved = realm.NewFixedArray(4 + argc + t.RegisterCount + 1);
        Layout.FixedAt(saved, 0) = f;
        Layout.FixedAt(saved, 1) = thisv;
        Layout.FixedAt(saved, 2) = Layout.Internal(f.Ptr, 1);
        Layout.FixedAt(saved, 3) = JsValue.FromInt(argc);
        for (int i = 0; i < argc; i++) Layout.FixedAt(saved, 4 + i) = argv[i];
        Layout.FixedAt(saved, 4 + argc + t.RegisterCount) = JsValue.FromInt(-1);
        Layout.Internal(g, 0) = JsValue.FromInt(SuspendedStart);
        Layout.Internal(g, 1) = JsValue.FromPtr(saved);
        Layout.Internal(g, 2) = f;
        return JsValue.FromPtr(g);
    }

    /// <summary>Saves a running generator frame at a yield; <paramref name="modeReg"/> receives the resume mode later.</summary>
    public static void Suspend(Realm realm, JsValue gen, ulong* fp, FunctionTemplate t, int resumePc, int modeReg)
    {
        nint g = gen.Ptr;
        nint saved = Layout.Internal(g, 1).Ptr;
        int argc = new JsValue(fp[JsStack.ArgcSlot]).Int32;
        Layout.FixedAt(saved, 2) = new JsValue(fp[JsStack.ContextSlot]);
        ulong* regs = fp + JsStack.HeaderSlots;
        for (int i = 0; i < t.RegisterCount; i++) Layout.FixedAt(saved, 4 + argc + i) = new JsValue(regs[i]);
        Layout.FixedAt(saved, 4 + argc + t.RegisterCount) = JsValue.FromInt(resumePc);
        Layout.Internal(g, 0) = JsValue.FromInt(SuspendedYield);
    }

    public static void Complete(Realm realm, JsValue gen)
    {
        if (!Realm.IsObject(gen)) return;
        Layout.Internal(gen.Ptr, 0) = JsValue.FromInt(Completed);
    }

    /// <summary>Resumes with mode 0 (next), 1 (throw) or 2 (return); returns the iterator result object.</summary>
    public static JsValue Resume(Realm realm, JsValue genValue, JsValue value, int mode)
    {
        if (!Realm.IsObject(genValue) || Layout.Class(genValue.Ptr) != ObjClass.Generator)
            throw new JsThrow(realm.MakeError(ErrorKind.TypeError, "next method called on incompatible receiver " + realm.Interp.Describe(genValue)));
        nint g = genValue.Ptr;
        int state = Layout.Internal(g, 0).Int32;
        if (state == Executing) throw new JsThrow(realm.MakeError(ErrorKind.TypeError, "Generator is already running"));
        if (state == SuspendedStart && mode != 0) { Layout.Internal(g, 0) = JsValue.FromInt(Completed); state = Completed; }
        if (state == Completed)
        {
            if (mode == 1) throw new JsThrow(value);
            return realm.IterResult(mode == 2 ? value : JsValue.Undefined, true);
        }
        return realm.Interp.ResumeGenerator(g, value, mode);
    }
}

internal sealed unsafe partial class Interp
{
    /// <summary>Restores a suspended generator's frame on the stack and runs it until it yields or returns.</summary>
    public JsValue ResumeGenerator(nint g, JsValue value, int mode)
    {
        if (++nativeDepth > MaxNativeDepth || !System.Runtime.CompilerServices.RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            nativeDepth--;
            throw StackOverflow();
        }
        try
        {
            ulong* fp = RestoreGeneratorFrame(g, mode, FrameFlags.Entry | FrameFlags.Generator, EntryReturnPc, CurFp, out int pc);
            var result = Run(fp, pc, value);
            if (Yielded) return realm.IterResult(result, false);
            Layout.Internal(g, 0) = JsValue.FromInt(Generators.Completed);
            return realm.IterResult(result, true);
        }
        finally
        {
            nativeDepth--;
        }
    }

    /// <summary>Pushes generator <paramref name="g"/>'s saved frame, marks it executing and returns it with the pc to resume at.</summary>
    ulong* RestoreGeneratorFrame(nint g, int mode, FrameFlags flags, int returnPc, ulong* callerFp, out int pc)
    {
        nint saved = Layout.Internal(g, 1).Ptr;
        var f = Layout.FixedAt(saved, 0);
        var t = Functions.Template(realm, f.Ptr);
        int argc = Layout.FixedAt(saved, 3).Int32;
        ulong* args = Stack.Top;
        if (args + argc + 8 + t.RegisterCount > Stack.Limit) throw StackOverflow();
        for (int i = 0; i < argc; i++) args[i] = Layout.FixedAt(saved, 4 + i).Bits;
        Stack.Top = args + argc;
        pc = Layout.FixedAt(saved, 4 + argc + t.RegisterCount).Int32;
        ulong* fp = PushFrame(f, t, Layout.FixedAt(saved, 1), JsValue.FromPtr(g), args, argc, flags, returnPc, callerFp);
        fp[JsStack.ContextSlot] = Layout.FixedAt(saved, 2).Bits;
        if (pc >= 0)
        {
            ulong* regs = fp + JsStack.HeaderSlots;
            for (int i = 0; i < t.RegisterCount; i++) regs[i] = Layout.FixedAt(saved, 4 + argc + i).Bits;
            // The Yield instruction's operand names the mode register.
            int yieldPc = pc - OpcodeTable.Size(Opcode.Yield);
            regs[*(ushort*)(t.Code + yieldPc + 1)] = JsValue.FromInt(mode).Bits;
        }
        else pc = 0;
        Layout.Internal(g, 0) = JsValue.FromInt(Generators.Executing);
        return fp;
    }

    /// <summary>
    /// <c>generator.next(v)</c> called from bytecode: when <paramref name="callee"/> is the intrinsic
    /// next and <paramref name="recv"/> a suspended generator, pushes the generator's frame as a callee
    /// of <paramref name="callerFp"/> (no Entry flag), so it runs in the caller's dispatch loop; its
    /// Yield and Return hand an iterator result back to the caller there. Null when not applicable.
    /// This keeps recursion through generators (yield* chains) off the C# stack.
    /// </summary>
    ulong* ResumeGeneratorInLoop(JsValue callee, JsValue recv, ulong* callerFp, int returnPc, out int pc)
    {
        pc = 0;
        if (!Realm.IsObject(recv) || Layout.Class(recv.Ptr) != ObjClass.Generator) return null;
        nint g = recv.Ptr;
        int state = Layout.Internal(g, 0).Int32;
        if (state != Generators.SuspendedStart && state != Generators.SuspendedYield) return null;
        if (callee.Bits != realm.GeneratorNext.Bits) return null;
        return RestoreGeneratorFrame(g, 0, FrameFlags.Generator, returnPc, callerFp, out pc);
    }

    /// <summary>
    /// An <c>IteratorStep</c> over the iterator record at <paramref name="it"/>: when it is a suspended
    /// generator with the intrinsic next, pushes the generator's frame as a callee of
    /// <paramref name="callerFp"/> (flags <see cref="FrameFlags.IteratorStep"/>), whose Yield and Return
    /// complete the step in the caller's dispatch loop. Null when not applicable. This keeps for-of,
    /// spread and array destructuring over recursive generators off the C# stack.
    /// </summary>
    ulong* StepGeneratorInLoop(JsValue* it, ulong* callerFp, int returnPc, out int pc)
    {
        pc = 0;
        if (!StepsGeneratorInLoop(it)) return null;
        return RestoreGeneratorFrame(it[0].Ptr, 0, FrameFlags.Generator | FrameFlags.IteratorStep, returnPc, callerFp, out pc);
    }

    /// <summary>Whether <see cref="StepGeneratorInLoop"/> applies to the iterator record at <paramref name="it"/> (no effect).</summary>
    bool StepsGeneratorInLoop(JsValue* it)
    {
        if (it[1].Bits != realm.GeneratorNext.Bits) return false;
        var recv = it[0];
        if (!Realm.IsObject(recv) || Layout.Class(recv.Ptr) != ObjClass.Generator) return false;
        int state = Layout.Internal(recv.Ptr, 0).Int32;
        return state == Generators.SuspendedStart || state == Generators.SuspendedYield;
    }

    /// <summary>The exit jump's target of the IteratorStep that ends just before <paramref name="next"/>.</summary>
    static byte* IteratorStepExit(byte* next)
    {
        byte* step = next - OpcodeTable.Size(Opcode.IteratorStep);
        return step + *(int*)(step + 3);
    }
}
