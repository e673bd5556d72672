using Flywheel.Engine.Interpreter;
using Flywheel.X64;
using Iced.Intel;
using static Iced.Intel.AssemblerRegisters;
using L = Flywheel.Profiling.FeedbackLayout;

namespace Flywheel.Engine.Baseline;

/// <summary>
/// Calls, constructions and returns between JavaScript functions in machine code. A call site whose
/// callee is a bytecode function with baseline code (found through <see cref="BaselineState.CallTable"/>)
/// copies the arguments above its frame and makes a native <c>call</c> to the callee's call entry
/// (or construct entry, which first allocates the receiver through a runtime stub), which
/// checks everything that could make the call differ from the interpreter's (stack and depth limits,
/// a due safepoint, a receiver to box, a profiler budget running out) and then pushes the frame
/// exactly as <c>Interp.PushFrame</c> does and falls into the callee's first instruction. A checked
/// call that fails exits to the interpreter <em>before</em> the call had any effect, and the
/// interpreter makes it (raising the RangeError, running the safepoint). A Return in a frame that
/// machine code called pops it and <c>ret</c>s into the caller's code at the instruction after the
/// call, which is a resume point like any other; a Return with no machine-code caller exits.
/// <para>
/// Entry protocol: rbx = the caller's frame, rax = the callee function, rdx = the receiver as
/// passed (calls only), rcx = argc, r8 = the first argument (the caller's stack top, where the arguments have been
/// copied), r11 = the call-feedback count to bump, <see cref="BaselineState.Pc"/> = the call's
/// bytecode offset, and the new frame's return-pc and flags slots already written by the caller.
/// </para>
/// <para>
/// Getters and setters hit by a <c>GetNamed</c> or <c>SetNamed</c> are called through the same entry
/// (<see cref="EmitAccessorCall"/>), in a frame flagged <see cref="FrameFlags.Accessor"/> that
/// stands for the interpreter's nested call of the accessor.
/// </para>
/// </summary>
internal sealed unsafe partial class BaselineCompiler
{
    /// <summary>
    /// Call sites with more arguments exit: the code writes the arguments and the return pc above the
    /// stack top before the callee checks the stack limit, which the stack's 1024-slot reserve above
    /// <see cref="JsStack.Limit"/> allows for this many.
    /// </summary>
    const int MaxMachineCallArguments = 64;

    const ulong FunctionHeaderMask = 0xFFFF_0000_00FFUL;
    const ulong BytecodeFunctionHeader = (ulong)FunctionKind.Bytecode << 40 | (ulong)ObjClass.Function << 32 | (ulong)CellKind.Object;
    const ulong NativeFunctionHeader = (ulong)FunctionKind.Native << 40 | (ulong)ObjClass.Function << 32 | (ulong)CellKind.Object;
    const ulong BoundFunctionHeader = (ulong)FunctionKind.Bound << 40 | (ulong)ObjClass.Function << 32 | (ulong)CellKind.Object;
    const int FrameFlagsEntry = (int)FrameFlags.Entry, FrameFlagsConstruct = (int)FrameFlags.Construct, FrameFlagsAccessor = (int)FrameFlags.Accessor, FrameFlagsSetter = (int)FrameFlags.Setter;

    /// <summary>
    /// Whether calls from machine code go straight to <paramref name="function"/>'s code: plain
    /// functions, arrows and methods. Generators and async functions start by creating an object,
    /// class constructors throw when called, and scripts are never called.
    /// </summary>
    public static bool IsCalledFromMachineCode(FunctionTemplate function) =>
        (function.Flags & (FunctionFlags.Generator | FunctionFlags.Async | FunctionFlags.ClassConstructor | FunctionFlags.Script)) == 0;

    /// <summary>
    /// Whether constructions from machine code go straight to <paramref name="function"/>'s code:
    /// constructors that are not generators or async (those are not constructors at all).
    /// </summary>
    public static bool IsConstructedFromMachineCode(FunctionTemplate function) =>
        (function.Flags & (FunctionFlags.Generator | FunctionFlags.Async | FunctionFlags.Arrow | FunctionFlags.NotConstructor | FunctionFlags.Script)) == 0;

    static Iced.Intel.AssemblerMemoryOperand StateField(int offset) => __qword_ptr[State + offset];

    static Iced.Intel.AssemblerMemoryOperand StateInt(int offset) => __dword_ptr[State + offset];

    /// <summary>
    /// The entry for calls (or, with <paramref name="construct"/>, constructions) from machine code:
    /// checks, then pushes this function's frame and falls into its first instruction.
    /// </summary>
    void EmitCallEntry(bool construct)
    {
        masm.Annotate(construct
            ? "construct entry: allocate the receiver, push the frame (rax callee, rcx argc, r8 arguments)"
            : "call entry: push the frame (rax callee, rdx receiver, rcx argc, r8 arguments)");
        var bail = masm.CreateLabel();
        int registers = function.RegisterCount;
        bool countInvocations = recordFeedback;
        byte* feedback = function.FeedbackBase;

        // Checks, in the order the interpreter would fail them; none has an effect.
        a.lea(r10, __[r8 + rcx * 8]);
        a.mov(r9d, StateInt(BaselineState.DepthOffset));
        a.cmp(r9d, StateInt(BaselineState.MaxDepthOffset));
        masm.Jump(Condition.GreaterOrEqual, bail);
        a.lea(r9, __[r10 + 8 * (JsStack.HeaderSlots + registers)]);
        a.cmp(r9, StateField(BaselineState.StackLimitOffset));
        masm.Jump(Condition.Above, bail);
        a.cmp(StateInt(BaselineState.CallDepthOffset), BaselineState.MaxMachineCallDepth);
        masm.Jump(Condition.GreaterOrEqual, bail);
        if (countInvocations)
        {
            // The interpreter calls the profiler when the invocation budget runs out: let it.
            a.mov(r9, (long)feedback);
            a.cmp(__dword_ptr[r9 + L.InvocationBudgetOffset], 1);
            masm.Jump(Condition.LessOrEqual, bail);
        }
        if (!construct) CoerceReceiver(bail);
        // The last check is the safepoint's: the budget it takes is given back when it exits (Interp.EnterBaseline).
        a.sub(StateInt(BaselineState.BudgetOffset), 1);
        masm.Jump(Condition.LessOrEqual, bail);
        if (construct) AllocateReceiver(bail);

        // The call happens: count it, then push the frame (the caller wrote the return pc).
        a.inc(__qword_ptr[r11]);
        if (countInvocations)
        {
            a.mov(r9, (long)feedback);
            a.inc(__qword_ptr[r9 + L.InvocationsOffset]);
            a.dec(__dword_ptr[r9 + L.InvocationBudgetOffset]);
        }
        a.inc(StateInt(BaselineState.DepthOffset));
        a.inc(StateInt(BaselineState.CallDepthOffset));
        a.mov(r9, rcx);
        a.or(r9, Tag);
        a.mov(__qword_ptr[r10 + 8 * JsStack.ArgcSlot], r9);
        a.mov(__qword_ptr[r10 + 8 * JsStack.CalleeSlot], rax);
        a.mov(__qword_ptr[r10 + 8 * JsStack.ReceiverSlot], rdx);
        if (construct) a.mov(__qword_ptr[r10 + 8 * JsStack.NewTargetSlot], rax);
        else a.mov(__qword_ptr[r10 + 8 * JsStack.NewTargetSlot], (int)JsValue.UndefinedBits);
        a.mov(r9, __qword_ptr[rax + Layout.ObjInternal0 + 8]);
        a.mov(__qword_ptr[r10 + 8 * JsStack.ContextSlot], r9);
        a.mov(r9, Fp);
        a.sub(r9, StateField(BaselineState.StackBaseOffset));
        a.shr(r9, 3);
        a.or(r9, Tag);
        a.mov(__qword_ptr[r10 + 8 * JsStack.CallerFpSlot], r9);

        // Parameters from the arguments (undefined past argc), the other registers undefined.
        a.mov(r9d, (uint)JsValue.UndefinedBits);
        int parameters = Math.Min(function.ParamRegs, registers);
        for (int i = 0; i < parameters; i++)
        {
            a.mov(rdx, r9);
            a.cmp(ecx, i);
            a.cmova(rdx, __qword_ptr[r8 + 8 * i]);
            a.mov(__qword_ptr[r10 + 8 * (JsStack.HeaderSlots + i)], rdx);
        }
        int rest = registers - parameters;
        if (rest <= 16)
        {
            for (int i = parameters; i < registers; i++) a.mov(__qword_ptr[r10 + 8 * (JsStack.HeaderSlots + i)], r9);
        }
        else
        {
            var fill = masm.CreateLabel();
            a.lea(rdx, __[r10 + 8 * (JsStack.HeaderSlots + parameters)]);
            a.mov(ecx, rest);
            masm.Bind(fill);
            a.mov(__qword_ptr[rdx], r9);
            a.add(rdx, 8);
            a.dec(ecx);
            masm.Jump(Condition.NotEqual, fill);
        }
        a.mov(Fp, r10);
        if (construct)
        {
            // The allocation made a collection due: the interpreter runs the construction's safepoint,
            // in the new frame before its first instruction, as its own Construct does.
            a.cmp(StateInt(BaselineState.SafepointDueOffset), 0);
            masm.Jump(Condition.NotEqual, Bail(0));
        }
        masm.Jump(instructionLabels[0]);

        // The caller stored the call's pc; its frame and accumulator are untouched. An accessor's
        // caller counted the nesting the call would have made: taken back.
        masm.Bind(bail);
        a.test(__byte_ptr[r10 + 8 * JsStack.FlagsSlot], FrameFlagsAccessor);
        masm.Jump(Condition.Equal, exit);
        a.dec(StateInt(BaselineState.NativeDepthOffset));
        masm.Jump(exit);
    }

    /// <summary>
    /// rdx = a new receiver for a construction of the function in rax (Interp.ConstructReceiver, through
    /// <see cref="Interp.ConstructReceiverStub"/>; the hole for derived constructors). When the stub
    /// cannot allocate, gives the safepoint's budget back and jumps to <paramref name="bail"/>.
    /// Preserves rax, rcx, r8, r10, r11.
    /// </summary>
    void AllocateReceiver(Flywheel.MachineCode.Label bail)
    {
        if ((function.Flags & FunctionFlags.Derived) != 0)
        {
            a.xor(edx, edx);
            return;
        }
        var convention = X64CallingConvention.Host;
        var allocated = masm.CreateLabel();
        a.push(rax);
        a.push(rcx);
        a.push(r8);
        a.push(r10);
        a.push(r11);
        a.mov(StateField(BaselineState.SavedRspOffset), rsp);
        a.and(rsp, -16);
        if (convention.ShadowSpaceBytes > 0) a.sub(rsp, convention.ShadowSpaceBytes);
        a.mov(convention.IntegerArguments[1], rax);
        a.mov(convention.IntegerArguments[0], StateField(BaselineState.RuntimeOffset));
        masm.CallAbsolute(Interp.ConstructReceiverStubAddress, r11);
        a.mov(rsp, StateField(BaselineState.SavedRspOffset));
        a.mov(rdx, rax);
        a.pop(r11);
        a.pop(r10);
        a.pop(r8);
        a.pop(rcx);
        a.pop(rax);
        a.test(rdx, rdx);
        masm.Jump(Condition.NotEqual, allocated);
        a.add(StateInt(BaselineState.BudgetOffset), 1);
        masm.Jump(bail);
        masm.Bind(allocated);
    }

    /// <summary>rdx = the receiver the function sees (Interp.CoerceThis), or a jump to <paramref name="bail"/> when that needs an allocation.</summary>
    void CoerceReceiver(Flywheel.MachineCode.Label bail)
    {
        if (function.IsStrict || (function.Flags & FunctionFlags.Arrow) != 0)
        {
            // The hole becomes undefined; rare enough to leave to the interpreter.
            a.test(rdx, rdx);
            masm.Jump(Condition.Equal, bail);
            return;
        }
        var global = masm.CreateLabel();
        var done = masm.CreateLabel();
        a.test(rdx, rdx);
        masm.Jump(Condition.Equal, global);
        a.mov(r9, rdx);
        a.and(r9, ~8);
        a.cmp(r9, (int)JsValue.NullBits);
        masm.Jump(Condition.Equal, global);
        // Objects are passed as they are; other primitives are boxed by the interpreter.
        a.mov(r9, unchecked((long)JsValue.NotCellMask));
        a.test(rdx, r9);
        masm.Jump(Condition.NotEqual, bail);
        a.cmp(__byte_ptr[rdx], (int)CellKind.Object);
        masm.Jump(Condition.NotEqual, bail);
        masm.Jump(done);
        masm.Bind(global);
        a.mov(rdx, StateField(BaselineState.GlobalReceiverOffset));
        masm.Bind(done);
    }

    /// <summary>
    /// <c>Call callee, receiver, args, argc, slot</c> and <c>Construct callee, args, argc, slot</c>: a
    /// direct call when the callee has a call (construct) entry; natives and bound functions through
    /// <see cref="CallNative"/>; anything else (generators, class constructors called, functions not
    /// compiled yet, a new call target for the site's feedback) exits and the interpreter makes the call.
    /// </summary>
    bool EmitCall(Opcode op, int pc, byte* p, OpInfo row)
    {
        bool construct = op == Opcode.Construct;
        int o = construct ? -1 : 0;
        int calleeRegister = Operand(p, row, 0), receiverRegister = construct ? -1 : Operand(p, row, 1);
        int firstArgument = Operand(p, row, o + 2), argc = Operand(p, row, o + 3), slot = Operand(p, row, o + 4);
        if (argc > MaxMachineCallArguments) return false;
        var bail = Bail(pc);
        a.mov(rax, Register(calleeRegister));
        JumpUnlessCell(bail);
        a.mov(rdx, __qword_ptr[rax]);
        a.mov(rcx, unchecked((long)FunctionHeaderMask));
        a.and(rdx, rcx);
        a.mov(rcx, unchecked((long)BytecodeFunctionHeader));
        a.cmp(rdx, rcx);
        var notBytecode = masm.CreateLabel();
        masm.Jump(Condition.NotEqual, notBytecode);
        outOfLine.Add(() =>
        {
            masm.Bind(notBytecode);
            if (!construct) EmitInlinedNative(pc, receiverRegister, firstArgument, argc, slot, instructionLabels[pc + row.Size]);
            CallNative(pc, row, construct, bail);
            masm.Jump(instructionLabels[pc + row.Size]);
        });
        a.mov(ecx, __dword_ptr[rax + Layout.ObjInternal0]);
        a.cmp(ecx, StateInt(BaselineState.CallTableLengthOffset));
        masm.Jump(Condition.AboveOrEqual, bail);
        a.mov(r10, rcx);
        a.shl(r10, 4);
        a.add(r10, StateField(BaselineState.CallTableOffset));
        a.mov(r10, __qword_ptr[r10 + (construct ? 8 : 0)]);
        a.test(r10, r10);
        masm.Jump(Condition.Equal, bail);
        if (recordFeedback)
        {
            // The target's count in the site's cache (key: template index + 1, as Interp.RecordCallTarget);
            // a target not cached yet, or a megamorphic site, is the interpreter's to record.
            var found = masm.CreateLabel();
            a.lea(r9, __[rcx + 1]);
            a.mov(r11, (long)function.FeedbackSlot(slot));
            for (int i = 0; i < L.MaxCacheEntries; i++)
            {
                var next = masm.CreateLabel();
                int entry = L.CacheEntriesOffset + i * L.CacheEntrySize;
                a.cmp(__qword_ptr[r11 + entry], r9);
                masm.Jump(Condition.NotEqual, next);
                a.add(r11, entry + 8);
                masm.Jump(found);
                masm.Bind(next);
            }
            masm.Jump(bail);
            masm.Bind(found);
        }
        else
        {
            a.lea(r11, __[State + BaselineState.ScratchOffset]);
        }
        int top = JsStack.HeaderSlots + function.RegisterCount;
        for (int i = 0; i < argc; i++)
        {
            a.mov(rdx, Register(firstArgument + i));
            a.mov(__qword_ptr[Fp + 8 * (top + i)], rdx);
        }
        a.lea(rdx, __[Tag + (pc + row.Size)]);
        a.mov(__qword_ptr[Fp + 8 * (top + argc + JsStack.ReturnPcSlot)], rdx);
        if (construct)
        {
            a.lea(rdx, __[Tag + FrameFlagsConstruct]);
            a.mov(__qword_ptr[Fp + 8 * (top + argc + JsStack.FlagsSlot)], rdx);
        }
        else
        {
            a.mov(__qword_ptr[Fp + 8 * (top + argc + JsStack.FlagsSlot)], Tag);
            a.mov(rdx, Register(receiverRegister));
        }
        a.mov(StateInt(BaselineState.PcOffset), pc);
        a.mov(ecx, argc);
        a.lea(r8, __[Fp + 8 * top]);
        // The return address is the next instruction's resume point: the callee's Return lands there.
        a.call(r10);
        return true;
    }

    /// <summary>
    /// <c>CallSpread</c> and <c>ConstructSpread</c>: native callees through <see cref="CallNative"/>;
    /// bytecode callees exit (their arguments are spread onto the stack by the interpreter, which
    /// then pushes the frame).
    /// </summary>
    void EmitSpreadCall(Opcode op, int pc, byte* p, OpInfo row)
    {
        var bail = Bail(pc);
        a.mov(rax, Register(Operand(p, row, 0)));
        JumpUnlessCell(bail);
        a.mov(rdx, __qword_ptr[rax]);
        a.mov(rcx, unchecked((long)FunctionHeaderMask));
        a.and(rdx, rcx);
        CallNative(pc, row, op == Opcode.ConstructSpread, bail);
    }

    /// <summary>
    /// The call at <paramref name="pc"/> when its callee is a native or bound function (rdx = the
    /// callee's masked header): made by <see cref="Interp.CallNativeStub"/> (through the function's
    /// native call routine) on the frame as it is, leaving the result in the accumulator and falling
    /// through to the next instruction. A callee the stub does not take, or a call that threw, exits at
    /// the call (the interpreter makes the call, or raises the exception there); a call that made a
    /// collection due exits after it, for the interpreter's safepoint.
    /// </summary>
    void CallNative(int pc, OpInfo row, bool construct, Flywheel.MachineCode.Label bail)
    {
        var callStub = masm.CreateLabel();
        a.mov(rcx, unchecked((long)NativeFunctionHeader));
        a.cmp(rdx, rcx);
        masm.Jump(Condition.Equal, callStub);
        if (construct)
        {
            masm.Jump(bail);
        }
        else
        {
            a.mov(rcx, unchecked((long)BoundFunctionHeader));
            a.cmp(rdx, rcx);
            masm.Jump(Condition.NotEqual, bail);
        }
        masm.Bind(callStub);
        nativeCallRoutine ??= masm.CreateLabel();
        a.mov(new AssemblerRegister32(ToRegister32(StubPcArgument)), pc);
        masm.Call(nativeCallRoutine.Value);
    }

    /// <summary>
    /// <c>Return</c> from a frame machine code called: the interpreter's Return (a construct call's
    /// non-object result replaced by the receiver, an accessor's return without a safepoint and, for a
    /// setter, with the assigned value, the frame popped) and a <c>ret</c> into the caller. An entry
    /// frame (a call from native code) returns without a safepoint, as the interpreter's return to C#,
    /// into the entry stub when that called it (<see cref="BaselineState.HostCall"/>). Frames without a machine-code caller or such a continuation in this activation exit.
    /// </summary>
    void EmitReturn(int pc)
    {
        var bail = Bail(pc);
        var special = masm.CreateLabel();
        var pop = masm.CreateLabel();
        bool constructible = (function.Flags & (FunctionFlags.Arrow | FunctionFlags.NotConstructor)) == 0;
        a.cmp(StateInt(BaselineState.CallDepthOffset), 0);
        masm.Jump(Condition.Equal, bail);
        a.test(__byte_ptr[Fp + 8 * JsStack.FlagsSlot], FrameFlagsEntry | FrameFlagsAccessor | (constructible ? FrameFlagsConstruct : 0));
        masm.Jump(Condition.NotEqual, special);
        a.sub(StateInt(BaselineState.BudgetOffset), 1);
        masm.Jump(Condition.LessOrEqual, bail);
        masm.Bind(pop);
        a.dec(StateInt(BaselineState.DepthOffset));
        a.dec(StateInt(BaselineState.CallDepthOffset));
        a.movsxd(rax, __dword_ptr[Fp + 8 * JsStack.CallerFpSlot]);
        a.mov(Fp, StateField(BaselineState.StackBaseOffset));
        a.lea(Fp, __[Fp + rax * 8]);
        a.ret();

        outOfLine.Add(() =>
        {
            masm.Bind(special);
            var notConstruct = masm.CreateLabel();
            if (constructible)
            {
                var useReceiver = masm.CreateLabel();
                var noSafepoint = masm.CreateLabel();
                a.test(__byte_ptr[Fp + 8 * JsStack.FlagsSlot], FrameFlagsConstruct);
                masm.Jump(Condition.Equal, notConstruct);
                a.test(__byte_ptr[Fp + 8 * JsStack.FlagsSlot], FrameFlagsEntry);
                masm.Jump(Condition.NotEqual, noSafepoint);
                // The budget is taken before the receiver replaces a non-object result: a bail exits with the accumulator as it was.
                a.sub(StateInt(BaselineState.BudgetOffset), 1);
                masm.Jump(Condition.LessOrEqual, bail);
                masm.Bind(noSafepoint);
                a.mov(rax, Acc);
                JumpUnlessCell(useReceiver);
                a.cmp(__byte_ptr[rax], (int)CellKind.Object);
                masm.Jump(Condition.Equal, pop);
                masm.Bind(useReceiver);
                a.mov(Acc, FrameSlot(JsStack.ReceiverSlot));
                masm.Jump(pop);
            }
            // An entry frame returns to the host without a safepoint (there is no caller frame to run one in).
            masm.Bind(notConstruct);
            a.test(__byte_ptr[Fp + 8 * JsStack.FlagsSlot], FrameFlagsEntry);
            masm.Jump(Condition.NotEqual, pop);
            // A getter or setter called for a GetNamed/SetNamed: as the interpreter's nested call returns (no safepoint).
            a.dec(StateInt(BaselineState.NativeDepthOffset));
            a.test(__byte_ptr[Fp + 8 * JsStack.FlagsSlot], FrameFlagsSetter);
            masm.Jump(Condition.Equal, pop);
            a.mov(Acc, __qword_ptr[Fp - 16]);
            masm.Jump(pop);
        });
    }

    /// <summary>
    /// The call of the getter (or, with <paramref name="setter"/>, the setter) in the accessor pair in
    /// rcx for the <c>GetNamed</c> (<c>SetNamed</c>) at <paramref name="pc"/> on the object in rax,
    /// made as the interpreter's miss path makes it (<c>Interp.Call</c>: a nested call whose entry
    /// frame sits above the receiver and the function, and the value, on the stack top, taking one unit
    /// of the interrupt budget and counting toward <see cref="Interp.MaxNativeDepth"/>) but through the
    /// accessor's call entry, in a frame flagged <see cref="FrameFlags.Accessor"/> whose Return (the
    /// interpreter's or machine code's) continues at the next instruction with the result in the
    /// accumulator, or for a setter the assigned value. An accessor that is not a bytecode function
    /// with a call entry (natives, undefined, generators, async functions, functions without code), and
    /// any call the interpreter would fail or run a safepoint for, takes the slow path: the interpreter
    /// runs the instruction.
    /// </summary>
    void EmitAccessorCall(int pc, bool setter)
    {
        var slow = SlowPath(pc);
        int size = OpcodeTable.Size(setter ? Opcode.SetNamed : Opcode.GetNamed);
        int top = JsStack.HeaderSlots + function.RegisterCount;
        // Interp.Invoke: receiver, function, arguments (the value) at the stack top, then the frame's own copy of the arguments.
        int argc = setter ? 1 : 0;
        int arguments = top + 2 + argc;
        a.mov(r9, rax);
        a.mov(rax, __qword_ptr[rcx + (setter ? 16 : 8)]);
        JumpUnlessCell(slow);
        a.mov(rdx, __qword_ptr[rax]);
        a.mov(rcx, unchecked((long)FunctionHeaderMask));
        a.and(rdx, rcx);
        a.mov(rcx, unchecked((long)BytecodeFunctionHeader));
        a.cmp(rdx, rcx);
        masm.Jump(Condition.NotEqual, slow);
        a.mov(ecx, __dword_ptr[rax + Layout.ObjInternal0]);
        a.cmp(ecx, StateInt(BaselineState.CallTableLengthOffset));
        masm.Jump(Condition.AboveOrEqual, slow);
        a.shl(rcx, 4);
        a.add(rcx, StateField(BaselineState.CallTableOffset));
        a.mov(r10, __qword_ptr[rcx]);
        a.test(r10, r10);
        masm.Jump(Condition.Equal, slow);
        // Interp.Invoke's and InvokeAt's own limits (the entry checks PushFrame's).
        a.cmp(StateInt(BaselineState.NativeDepthOffset), Interp.MaxNativeDepth);
        masm.Jump(Condition.GreaterOrEqual, slow);
        a.lea(rdx, __[Fp + 8 * (top + argc + 66)]);
        a.cmp(rdx, StateField(BaselineState.StackLimitOffset));
        masm.Jump(Condition.Above, slow);
        a.mov(__qword_ptr[Fp + 8 * top], r9);
        a.mov(__qword_ptr[Fp + 8 * (top + 1)], rax);
        if (setter)
        {
            a.mov(__qword_ptr[Fp + 8 * (top + 2)], Acc);
            a.mov(__qword_ptr[Fp + 8 * (top + 3)], Acc);
        }
        a.lea(rdx, __[Tag + (pc + size)]);
        a.mov(__qword_ptr[Fp + 8 * (arguments + argc + JsStack.ReturnPcSlot)], rdx);
        a.lea(rdx, __[Tag + (FrameFlagsAccessor | (setter ? FrameFlagsSetter : 0))]);
        a.mov(__qword_ptr[Fp + 8 * (arguments + argc + JsStack.FlagsSlot)], rdx);
        a.mov(rdx, r9);
        a.mov(StateInt(BaselineState.PcOffset), pc);
        a.mov(ecx, argc);
        a.lea(r8, __[Fp + 8 * arguments]);
        a.lea(r11, __[State + BaselineState.ScratchOffset]);
        // The nesting the interpreter's call counts; the entry takes it back if it exits instead.
        a.inc(StateInt(BaselineState.NativeDepthOffset));
        a.call(r10);
        masm.Jump(instructionLabels[pc + size]);
    }
}
