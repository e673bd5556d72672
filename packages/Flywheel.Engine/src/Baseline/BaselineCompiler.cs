using Flywheel.MachineCode;
using Flywheel.X64;
using Iced.Intel;
using static Iced.Intel.AssemblerRegisters;
using Label = Flywheel.MachineCode.Label;

namespace Flywheel.Engine.Baseline;

/// <summary>
/// The baseline compiler: one linear pass over a function's bytecode, one visitor per opcode, driven
/// by the same <see cref="OpcodeTable"/> as the interpreter. The code keeps the interpreter's frame
/// (registers in fp[8 + i]) and holds the accumulator in a register, so it can hand any instruction
/// to the interpreter and take control back at the next one:
/// <list type="bullet">
/// <item>Instructions with an inline fast path (register moves, constants, context slots, int32 and
/// double arithmetic and compares, branches, dense-array elements) run in machine code; when the
/// operands miss the fast path, the code exits <em>before</em> the instruction has any effect and
/// the interpreter runs it in full.</item>
/// <item>Calls to bytecode functions that have baseline code, and returns from frames machine code
/// called, run in machine code (BaselineCompiler.Calls.cs): one activation of machine code runs many
/// JavaScript frames, nesting a native return address per call. The frames are the interpreter's, so
/// an exit from any depth simply drops the native return addresses and hands the interpreter the
/// current frame and instruction; every frame records its caller and return pc.</item>
/// <item>All other instructions (calls to natives, property access misses, allocation)
/// exit to the interpreter, which runs them and re-enters the code at the next one. Exceptions are
/// thrown and unwound by the interpreter through the handler table; no .NET exception crosses
/// machine code (the one runtime stub, the receiver allocation of a construction, catches
/// everything and answers "exit").</item>
/// <item>Safepoints (calls, returns, loop back-edges) count down the interpreter's own interrupt
/// budget and exit before the one that runs it out, so the interpreter's safepoint (GC, time limit,
/// cancellation, statement budget, sampling) runs exactly where it would in interpreted code.</item>
/// </list>
/// Registers: rbx = frame pointer, r13 = <see cref="BaselineState"/>, r14 = accumulator,
/// r15 = <see cref="JsValue.NumberTag"/>; rax, rcx, rdx, r8–r11, xmm0, xmm1 are scratch. rbp is the
/// activation's frame base: the exit's epilogue restores rsp from it.
/// </summary>
internal sealed unsafe partial class BaselineCompiler
{
    static readonly AssemblerRegister64 Fp = rbx, State = r13, Acc = r14, Tag = r15;
    static readonly AssemblerRegister32 Acc32 = r14d;

    readonly FunctionTemplate function;
    readonly Realm realm;
    readonly X64Assembler masm;
    readonly Assembler a;
    readonly Label exit;
    readonly Label[] instructionLabels;
    readonly Dictionary<int, Label> exitStubs = [];
    readonly List<Action> outOfLine = [];
    bool outOfLineEmitted;
    int fusedJumpPc = -1;
    readonly Dictionary<int, Label> slowPaths = [];
    Label? stepRoutine, nativeCallRoutine, toInt32Routine, toBooleanRoutine;
    readonly int length;
    readonly bool annotate;
    readonly bool recordFeedback;

    BaselineCompiler(FunctionTemplate function, Realm realm, bool annotate, bool recordFeedback)
    {
        this.function = function;
        this.realm = realm;
        this.annotate = annotate;
        this.recordFeedback = recordFeedback && function.FeedbackBase != null;
        masm = new X64Assembler();
        a = masm.Iced;
        exit = masm.CreateLabel();
        length = function.CodeArray.Length - 1;
        instructionLabels = new Label[length + 1];
    }

    /// <summary>
    /// Compiles <paramref name="function"/>; <paramref name="resumeOffsets"/> maps each bytecode offset
    /// to its code offset (-1 inside an instruction), <paramref name="callEntryOffset"/> and
    /// <paramref name="constructEntryOffset"/> are the offsets of the entries for calls and
    /// constructions from machine code (-1: the function is not called that way).
    /// <paramref name="recordFeedback"/> says whether the code counts invocations and call targets.
    /// </summary>
    public static CodeBlob Compile(FunctionTemplate function, Realm realm, bool annotate, bool recordFeedback, out int[] resumeOffsets, out int callEntryOffset, out int constructEntryOffset)
    {
        var compiler = new BaselineCompiler(function, realm, annotate, recordFeedback);
        return compiler.Run(out resumeOffsets, out callEntryOffset, out constructEntryOffset);
    }

    CodeBlob Run(out int[] resumeOffsets, out int callEntryOffset, out int constructEntryOffset)
    {
        byte* code = function.Code;
        for (int pc = 0; pc < length; pc += OpcodeTable.Size((Opcode)code[pc])) instructionLabels[pc] = masm.CreateLabel();

        var frame = new FrameLayout(X64CallingConvention.Host, [rbx, r13, r14, r15]);
        var args = X64CallingConvention.Host.IntegerArguments;
        masm.Annotate("entry: Enter(fp, state, target)");
        masm.EmitPrologue(frame);
        a.mov(Fp, args[0]);
        a.mov(State, args[1]);
        a.mov(Acc, __qword_ptr[State + BaselineState.AccOffset]);
        a.mov(Tag, unchecked((long)JsValue.NumberTag));
        // An entry frame called from native code (BaselineState.HostCall) is called as if by machine
        // code: its Return (see EmitReturn) returns here and the activation ends with the result. A real
        // call, so the return predictor stays in step with the stack for the code and its C# callers.
        var notHostCall = masm.CreateLabel();
        a.cmp(__dword_ptr[State + BaselineState.HostCallOffset], 0);
        masm.Jump(Condition.Equal, notHostCall);
        a.mov(__dword_ptr[State + BaselineState.CallDepthOffset], 1);
        a.call(args[2]);
        a.mov(__dword_ptr[State + BaselineState.PcOffset], BaselineState.ReturnedToHost);
        masm.Jump(exit);
        masm.Bind(notHostCall);
        // Frames whose callers have baseline code return straight into them (see EmitReturn).
        var pushed = masm.CreateLabel();
        var push = masm.CreateLabel();
        a.mov(eax, __dword_ptr[State + BaselineState.CallDepthOffset]);
        masm.Bind(push);
        a.test(eax, eax);
        masm.Jump(Condition.Equal, pushed);
        a.dec(eax);
        a.push(__qword_ptr[State + rax * 8 + BaselineState.ContinuationsOffset]);
        masm.Jump(push);
        masm.Bind(pushed);
        a.jmp(args[2]);
        masm.Flush();
        callEntryOffset = constructEntryOffset = -1;
        if (IsCalledFromMachineCode(function))
        {
            callEntryOffset = masm.Offset;
            EmitCallEntry(construct: false);
        }
        if (IsConstructedFromMachineCode(function))
        {
            constructEntryOffset = masm.Offset;
            EmitCallEntry(construct: true);
        }

        var resumeAt = resumeOffsets = new int[length + 1];
        Array.Fill(resumeOffsets, -1);
        void EmitAt(int pc, Opcode op, OpInfo row)
        {
            masm.Bind(instructionLabels[pc]);
            resumeAt[pc] = masm.Offset;
            if (annotate) masm.Annotate($"{pc,5}: {Disassembler.Instruction(function.Code + pc, pc, function)}");
            if (!EmitInstruction(op, row, function.Code + pc, pc))
            {
                if (IsSteppable(op)) Step(pc, row, function.Code + pc);
                else ExitTo(pc);
            }
        }
        for (int pc = 0; pc < length;)
        {
            var op = (Opcode)code[pc];
            var row = OpcodeTable.Get(op);
            if (pc == fusedJumpPc)
            {
                // A compare took this jump in its fast paths (see FusedBranch): its own code, for
                // entries at it and the compare's slow path, goes out of line so the compare falls
                // through to the instruction after it.
                int at = pc;
                OutOfLine(() =>
                {
                    EmitAt(at, op, row);
                    // Its fall-through is no longer the next code.
                    masm.Jump(instructionLabels[at + row.Size]);
                });
            }
            else
            {
                EmitAt(pc, op, row);
            }
            pc += row.Size;
        }
        // Falling off the end cannot happen (the compiler ends every function with Return), but an
        // exit keeps the code safe if it ever did.
        ExitTo(length);

        // Slow paths placed after the code so the fast paths fall through (one may add exit stubs).
        // By index: out-of-line code may defer more of its own.
        for (int i = 0; i < outOfLine.Count; i++) outOfLine[i]();
        outOfLineEmitted = true;
        foreach (var (pc, label) in slowPaths)
        {
            masm.Bind(label);
            var op = (Opcode)code[pc];
            if (IsSteppable(op))
            {
                Step(pc, OpcodeTable.Get(op), code + pc);
                masm.Jump(instructionLabels[pc + OpcodeTable.Size(op)]);
            }
            else
            {
                ExitTo(pc);
            }
        }
        EmitStubRoutine(stepRoutine, Interp.StepStubAddress, "step routine");
        EmitStubRoutine(nativeCallRoutine, Interp.CallNativeStubAddress, "native call routine");
        EmitToInt32Routine();
        EmitToBooleanRoutine();
        EmitStringEqualsRoutine();
        EmitConcatRoutine();
        EmitStringStubRoutine();
        EmitAllocationRoutine();
        foreach (var (pc, label) in exitStubs)
        {
            masm.Bind(label);
            ExitTo(pc);
        }
        // The exit of every activation, whichever function's code it ends in: the epilogue restores
        // rsp from rbp, dropping the return addresses of calls made in machine code.
        masm.Bind(exit);
        a.mov(__qword_ptr[State + BaselineState.AccOffset], Acc);
        a.mov(__qword_ptr[State + BaselineState.FpOffset], Fp);
        masm.EmitEpilogue(frame);
        return masm.Finish();
    }

    /// <summary>
    /// When this back-edge would run the profiler's back-edge budget out, the code exits before it
    /// and the interpreter's JumpLoop counts it and asks the tiering policy.
    /// </summary>
    void ExitIfBackEdgeBudgetRunsOut(int pc)
    {
        a.mov(rax, (long)function.FeedbackBase);
        a.cmp(__dword_ptr[rax + Flywheel.Profiling.FeedbackLayout.BackEdgeBudgetOffset], 1);
        masm.Jump(Condition.LessOrEqual, Bail(pc));
    }

    /// <summary>
    /// Counts a back-edge in the function's and the loop's profile counters as the interpreter's
    /// JumpLoop does, so profiles stay exact in compiled loops (after <see cref="ExitIfBackEdgeBudgetRunsOut"/>).
    /// </summary>
    void CountBackEdge(int loopSlot)
    {
        // rax still holds the feedback base ExitIfBackEdgeBudgetRunsOut loaded (the safepoint check between leaves it).
        a.inc(__qword_ptr[rax + Flywheel.Profiling.FeedbackLayout.BackEdgesOffset]);
        a.inc(__qword_ptr[rax + function.FeedbackOffsets[loopSlot] + Flywheel.Profiling.FeedbackLayout.LoopBackEdgesOffset]);
        a.dec(__dword_ptr[rax + Flywheel.Profiling.FeedbackLayout.BackEdgeBudgetOffset]);
    }

    /// <summary>
    /// Defers <paramref name="emit"/> to after the function's code, so that a fast path's rare cases
    /// leave its common case a straight line. Only while the code and its out-of-line parts are emitted.
    /// </summary>
    void OutOfLine(Action emit)
    {
        if (outOfLineEmitted) throw new InvalidOperationException("out-of-line code deferred after it was emitted");
        outOfLine.Add(emit);
    }

    /// <summary>Leaves the code so the interpreter runs the instruction at <paramref name="pc"/>.</summary>
    void ExitTo(int pc)
    {
        a.mov(__dword_ptr[State + BaselineState.PcOffset], pc);
        masm.Jump(exit);
    }

    /// <summary>An out-of-line exit to the instruction at <paramref name="pc"/> (shared by every slow path of that instruction).</summary>
    /// <summary>Where the code exits to the interpreter before the instruction at <paramref name="pc"/>.</summary>
    Label Bail(int pc)
    {
        if (!exitStubs.TryGetValue(pc, out var label)) exitStubs[pc] = label = masm.CreateLabel();
        return label;
    }

    /// <summary>
    /// The slow path of the instruction at <paramref name="pc"/>, jumped to before it has any effect:
    /// the interpreter runs it through <see cref="Step"/> when it is steppable, else the code exits.
    /// </summary>
    Label SlowPath(int pc)
    {
        if (!slowPaths.TryGetValue(pc, out var label)) slowPaths[pc] = label = masm.CreateLabel();
        return label;
    }

    /// <summary>
    /// Whether the interpreter can run the instruction on the code's behalf and hand back (see
    /// <see cref="Step"/>): anything but calls, returns, safepoints, suspensions and throws.
    /// </summary>
    static bool IsSteppable(Opcode op) =>
        (OpcodeTable.Get(op).Flags & (OpFlags.Safepoint | OpFlags.Returns | OpFlags.Suspends)) == 0 && op is not (Opcode.Throw or Opcode.ReThrow);

    /// <summary>
    /// The instruction at <paramref name="pc"/> run by the interpreter (<see cref="Interp.StepStub"/>)
    /// with the accumulator in hand; the code continues at the instruction the interpreter names:
    /// the next (falls through), a jump's target, or anything else (exits there). A throw exits at
    /// the instruction, where the interpreter raises it; a collection made due exits after it.
    /// </summary>
    void Step(int pc, OpInfo row, byte* p)
    {
        stepRoutine ??= masm.CreateLabel();
        a.mov(new AssemblerRegister32(ToRegister32(StubPcArgument)), pc);
        masm.Call(stepRoutine.Value);
        // The routine returns only when the code continues: at the pc the stub left.
        if ((row.Flags & OpFlags.Jumps) != 0)
        {
            a.cmp(__dword_ptr[State + BaselineState.PcOffset], pc + Disassembler.Read(p, row, row.Operands.Length - 1));
            masm.Jump(Condition.Equal, Target(pc, p, row));
        }
        a.cmp(__dword_ptr[State + BaselineState.PcOffset], pc + row.Size);
        masm.Jump(Condition.NotEqual, exit);
    }

    /// <summary>The argument register the stub routines take the instruction's pc in (the stubs' third argument).</summary>
    static AssemblerRegister64 StubPcArgument => X64CallingConvention.Host.IntegerArguments[2];

    /// <summary>
    /// The function's one copy of each stub call (<see cref="Interp.StepStub"/> behind every
    /// <see cref="Step"/>, <see cref="Interp.CallNativeStub"/> behind every native call), called with
    /// the instruction's pc in <see cref="StubPcArgument"/>: calls the stub on a realigned stack with
    /// the frame and accumulator, then exits (at the pc the stub left: the instruction's own for a throw
    /// or a call not made, the next one after a collection was made due) or returns with the new
    /// accumulator and the pc to continue at in <see cref="BaselineState.Pc"/>.
    /// </summary>
    void EmitStubRoutine(Label? routine, nint stub, string what)
    {
        if (routine == null) return;
        var convention = X64CallingConvention.Host;
        masm.Bind(routine.Value);
        masm.Annotate($"{what}: the interpreter runs the instruction at pc (third argument register) on the code's behalf");
        a.mov(__qword_ptr[State + BaselineState.SavedRspOffset], rsp);
        a.and(rsp, -16);
        if (convention.ShadowSpaceBytes > 0) a.sub(rsp, convention.ShadowSpaceBytes);
        a.mov(convention.IntegerArguments[0], __qword_ptr[State + BaselineState.RuntimeOffset]);
        a.mov(convention.IntegerArguments[1], Fp);
        a.mov(convention.IntegerArguments[3], Acc);
        masm.CallAbsolute(stub, r11);
        a.mov(rsp, __qword_ptr[State + BaselineState.SavedRspOffset]);
        a.cmp(rax, (int)BaselineState.CallThrew);
        masm.Jump(Condition.Equal, exit);
        a.cmp(rax, (int)BaselineState.CallNotMade);
        masm.Jump(Condition.Equal, exit);
        a.mov(Acc, rax);
        a.cmp(__dword_ptr[State + BaselineState.SafepointDueOffset], 0);
        masm.Jump(Condition.NotEqual, exit);
        a.ret();
    }

    Label Target(int pc, byte* p, OpInfo row) => instructionLabels[pc + Disassembler.Read(p, row, row.Operands.Length - 1)];

    static AssemblerMemoryOperand Register(int index) => __qword_ptr[Fp + 8 * (JsStack.HeaderSlots + index)];

    static AssemblerMemoryOperand FrameSlot(int slot) => __qword_ptr[Fp + 8 * slot];

    static int Operand(byte* p, OpInfo row, int i) => Disassembler.Read(p, row, i);

    void LoadImmediate(AssemblerRegister64 destination, ulong bits) => masm.LoadConstant(destination, unchecked((long)bits));

    bool EmitInstruction(Opcode op, OpInfo row, byte* p, int pc)
    {
        switch (op)
        {
            case Opcode.Nop: case Opcode.Debugger: return true;
            case Opcode.LdaUndefined: LoadImmediate(Acc, JsValue.UndefinedBits); return true;
            case Opcode.LdaNull: LoadImmediate(Acc, JsValue.NullBits); return true;
            case Opcode.LdaTrue: LoadImmediate(Acc, JsValue.TrueBits); return true;
            case Opcode.LdaFalse: LoadImmediate(Acc, JsValue.FalseBits); return true;
            case Opcode.LdaHole: LoadImmediate(Acc, JsValue.EmptyBits); return true;
            case Opcode.LdaZero: a.mov(Acc, Tag); return true;
            case Opcode.LdaSmi: LoadImmediate(Acc, JsValue.FromInt(Operand(p, row, 0)).Bits); return true;
            case Opcode.LdaConstant: LoadImmediate(Acc, function.Constants[Operand(p, row, 0)].Bits); return true;
            case Opcode.Ldar: a.mov(Acc, Register(Operand(p, row, 0))); return true;
            case Opcode.Star: a.mov(Register(Operand(p, row, 0)), Acc); return true;
            case Opcode.Mov:
                a.mov(rax, Register(Operand(p, row, 0)));
                a.mov(Register(Operand(p, row, 1)), rax);
                return true;
            case Opcode.LdaContextSlot:
                LoadContext(Operand(p, row, 0));
                a.mov(Acc, __qword_ptr[rax + Layout.ContextSlots + 8 * Operand(p, row, 1)]);
                return true;
            case Opcode.StaContextSlot:
                LoadContext(Operand(p, row, 0));
                a.mov(__qword_ptr[rax + Layout.ContextSlots + 8 * Operand(p, row, 1)], Acc);
                return true;
            case Opcode.LdaCurrentContext: a.mov(Acc, FrameSlot(JsStack.ContextSlot)); return true;
            case Opcode.StaCurrentContext: a.mov(FrameSlot(JsStack.ContextSlot), Acc); return true;
            case Opcode.LdaReceiver: a.mov(Acc, FrameSlot(JsStack.ReceiverSlot)); return true;
            case Opcode.LdaFunction: a.mov(Acc, FrameSlot(JsStack.CalleeSlot)); return true;
            case Opcode.ThrowIfHole:
            case Opcode.ThrowIfThisHole:
                a.test(Acc, Acc);
                masm.Jump(Condition.Equal, SlowPath(pc));
                return true;
            case Opcode.Jump: masm.Jump(Target(pc, p, row)); return true;
            case Opcode.JumpLoop:
                // Both exits come before the safepoint takes its budget: an exit after it would lose
                // one safepoint from the interpreter's count.
                if (recordFeedback) ExitIfBackEdgeBudgetRunsOut(pc);
                a.sub(__dword_ptr[State + BaselineState.BudgetOffset], 1);
                masm.Jump(Condition.LessOrEqual, Bail(pc));
                if (recordFeedback) CountBackEdge(Operand(p, row, 0));
                masm.Jump(Target(pc, p, row));
                return true;
            case Opcode.JumpIfTrue: CompareAccAndJump(JsValue.TrueBits, Condition.Equal, Target(pc, p, row)); return true;
            case Opcode.JumpIfFalse: CompareAccAndJump(JsValue.FalseBits, Condition.Equal, Target(pc, p, row)); return true;
            case Opcode.JumpIfUndefined: CompareAccAndJump(JsValue.UndefinedBits, Condition.Equal, Target(pc, p, row)); return true;
            case Opcode.JumpIfNotUndefined: CompareAccAndJump(JsValue.UndefinedBits, Condition.NotEqual, Target(pc, p, row)); return true;
            case Opcode.JumpIfNullish: TestNullish(); masm.Jump(Condition.Equal, Target(pc, p, row)); return true;
            case Opcode.JumpIfNotNullish: TestNullish(); masm.Jump(Condition.NotEqual, Target(pc, p, row)); return true;
            case Opcode.JumpIfHole: a.test(Acc, Acc); masm.Jump(Condition.Equal, Target(pc, p, row)); return true;
            case Opcode.JumpIfToBooleanTrue: JumpIfToBoolean(pc, Target(pc, p, row), instructionLabels[pc + row.Size]); return true;
            case Opcode.JumpIfToBooleanFalse: JumpIfToBoolean(pc, instructionLabels[pc + row.Size], Target(pc, p, row)); return true;
            case Opcode.TestUndefined:
                a.cmp(Acc, (int)JsValue.UndefinedBits);
                SetBooleanAcc(Condition.Equal);
                return true;
            case Opcode.TestNullish:
                TestNullish();
                SetBooleanAcc(Condition.Equal);
                return true;
            case Opcode.Not: EmitNot(pc); return true;
            case Opcode.ToPropertyKey:
                // An int32 key is already a property key; strings, symbols and the rest: the interpreter's.
                JumpUnlessInt32(Acc, SlowPath(pc));
                return true;
            case Opcode.ToStringOp: EmitToStringOp(pc, row.Size); return true;
            case Opcode.ToNumeric: EmitToNumeric(pc, row.Size); return true;
            case Opcode.GetNamed when function.FeedbackBase != null: EmitGetNamed(pc, Operand(p, row, 0), Operand(p, row, 1), Operand(p, row, 2)); return true;
            case Opcode.SetNamed when function.FeedbackBase != null: EmitSetNamed(pc, Operand(p, row, 0), Operand(p, row, 2)); return true;
            case Opcode.LdaGlobal when function.FeedbackBase != null: EmitLoadGlobal(pc, Operand(p, row, 1)); return true;
            case Opcode.StaGlobal or Opcode.StaGlobalSloppy when function.FeedbackBase != null: EmitStoreGlobal(pc, Operand(p, row, 1)); return true;
            case Opcode.GetKeyed: EmitGetKeyed(pc, Operand(p, row, 0)); return true;
            case Opcode.GetSuper: EmitGetSuper(pc); return true;
            case Opcode.Call: case Opcode.Construct: return EmitCall(op, pc, p, row);
            case Opcode.CallSpread: case Opcode.ConstructSpread: EmitSpreadCall(op, pc, p, row); return true;
            case Opcode.Return: EmitReturn(pc); return true;
            case Opcode.SetKeyed: EmitSetKeyed(pc, Operand(p, row, 0), Operand(p, row, 1)); return true;
            case Opcode.IteratorStep: return EmitIteratorStep(pc, p, row);
            case Opcode.ArrayPush: EmitArrayPush(pc, Operand(p, row, 0)); return true;
            case Opcode.PushContext or Opcode.PopContext or Opcode.CloneContext or Opcode.CreateObject or Opcode.CreateArray or Opcode.CreateClosure or Opcode.CreateRegExp or Opcode.DefineNamed:
                return EmitAllocation(op, row, p, pc);
            default: return EmitArithmetic(op, row, p, pc);
        }
    }

    /// <summary>rax = the context <paramref name="depth"/> levels up from the frame's.</summary>
    void LoadContext(int depth)
    {
        a.mov(rax, FrameSlot(JsStack.ContextSlot));
        for (int d = 0; d < depth; d++) a.mov(rax, __qword_ptr[rax + Layout.ContextParent]);
    }

    void CompareAccAndJump(ulong bits, Condition condition, Label target)
    {
        a.cmp(Acc, (int)bits);
        masm.Jump(condition, target);
    }

    /// <summary>ZF = the accumulator is null or undefined (they differ only in bit 3).</summary>
    void TestNullish()
    {
        a.mov(rdx, Acc);
        a.and(rdx, ~8);
        a.cmp(rdx, (int)JsValue.NullBits);
    }

    /// <summary>acc = true when <paramref name="condition"/> holds, else false (false and true differ only in bit 0).</summary>
    void SetBooleanAcc(Condition condition)
    {
        a.AddInstruction(Instruction.Create(SetccCode(condition), Iced.Intel.Register.CL));
        a.movzx(ecx, cl);
        a.lea(Acc, __[rcx + (int)JsValue.FalseBits]);
    }

    static Code SetccCode(Condition condition) => condition switch
    {
        Condition.Equal => Code.Sete_rm8,
        Condition.NotEqual => Code.Setne_rm8,
        Condition.Less => Code.Setl_rm8,
        Condition.LessOrEqual => Code.Setle_rm8,
        Condition.Greater => Code.Setg_rm8,
        Condition.GreaterOrEqual => Code.Setge_rm8,
        Condition.Above => Code.Seta_rm8,
        Condition.AboveOrEqual => Code.Setae_rm8,
        Condition.Below => Code.Setb_rm8,
        Condition.BelowOrEqual => Code.Setbe_rm8,
        _ => throw new ArgumentOutOfRangeException(nameof(condition)),
    };

    /// <summary>Branches on ToBoolean(acc) (Realm.ToBoolean): booleans, null and undefined, numbers, strings by length, other cells true; the hole goes to the interpreter.</summary>
    void JumpIfToBoolean(int pc, Label ifTrue, Label ifFalse)
    {
        var notInt = masm.CreateLabel();
        var notCell = masm.CreateLabel();
        a.cmp(Acc, (int)JsValue.TrueBits);
        masm.Jump(Condition.Equal, ifTrue);
        a.cmp(Acc, (int)JsValue.FalseBits);
        masm.Jump(Condition.Equal, ifFalse);
        // int32s (loop counters, typed-array elements) before null and undefined: one compare.
        JumpUnlessInt32(Acc, notInt);
        a.test(Acc32, Acc32);
        masm.Jump(Condition.NotEqual, ifTrue);
        masm.Jump(ifFalse);

        masm.Bind(notInt);
        TestNullish();
        masm.Jump(Condition.Equal, ifFalse);
        toBooleanRoutine ??= masm.CreateLabel();
        masm.Call(toBooleanRoutine.Value);
        masm.Jump(Condition.Below, SlowPath(pc));
        masm.Jump(Condition.Equal, ifFalse);
        masm.Jump(ifTrue);
    }

    /// <summary>
    /// The routine behind <see cref="JumpIfToBoolean"/> for cells and doubles: carry set when it cannot
    /// decide (the hole), else zero set when the accumulator is falsy (an empty string, ±0, NaN).
    /// </summary>
    void EmitToBooleanRoutine()
    {
        if (toBooleanRoutine == null) return;
        var notCell = masm.CreateLabel();
        var truthy = masm.CreateLabel();
        var falsy = masm.CreateLabel();
        var fail = masm.CreateLabel();
        masm.Bind(toBooleanRoutine.Value);
        masm.Annotate("ToBoolean routine: carry when undecided, else zero when the accumulator is falsy");
        a.mov(rdx, unchecked((long)JsValue.NotCellMask));
        a.test(Acc, rdx);
        masm.Jump(Condition.NotEqual, notCell);
        a.test(Acc, Acc);
        masm.Jump(Condition.Equal, fail);
        a.cmp(__byte_ptr[Acc], (int)CellKind.String);
        masm.Jump(Condition.NotEqual, truthy);
        // Unsigned compare with 0: carry clear, zero set for the empty string.
        a.cmp(__dword_ptr[Acc + 4], 0);
        a.ret();

        // Not a cell, not an int32 and no other immediate: a double, falsy when ±0 or NaN.
        masm.Bind(notCell);
        a.test(Acc, Tag);
        masm.Jump(Condition.Equal, fail);
        a.mov(rdx, unchecked((long)JsValue.DoubleOffset));
        a.mov(rax, Acc);
        a.sub(rax, rdx);
        a.movq(xmm0, rax);
        a.xorpd(xmm1, xmm1);
        a.ucomisd(xmm0, xmm1);
        masm.Jump(Condition.Parity, falsy);
        masm.Jump(Condition.Equal, falsy);
        masm.Bind(truthy);
        a.test(rsp, rsp);
        a.ret();
        masm.Bind(falsy);
        a.xor(edx, edx);
        a.ret();
        masm.Bind(fail);
        a.stc();
        a.ret();
    }

    /// <summary>acc = !ToBoolean(acc), booleans flipped in place.</summary>
    void EmitNot(int pc)
    {
        var notBoolean = masm.CreateLabel();
        var isTrue = masm.CreateLabel();
        var isFalse = masm.CreateLabel();
        var done = masm.CreateLabel();
        a.mov(rdx, Acc);
        a.and(rdx, ~1);
        a.cmp(rdx, (int)JsValue.FalseBits);
        masm.Jump(Condition.NotEqual, notBoolean);
        a.xor(Acc, 1);
        masm.Jump(done);
        masm.Bind(notBoolean);
        JumpIfToBoolean(pc, isTrue, isFalse);
        masm.Bind(isTrue);
        LoadImmediate(Acc, JsValue.FalseBits);
        masm.Jump(done);
        masm.Bind(isFalse);
        LoadImmediate(Acc, JsValue.TrueBits);
        masm.Bind(done);
    }

    /// <summary>Jumps to <paramref name="target"/> unless <paramref name="value"/> is an int32: the int32s are exactly the words at or above the tag (unsigned).</summary>
    void JumpUnlessInt32(AssemblerRegister64 value, Label target)
    {
        a.cmp(value, Tag);
        masm.Jump(Condition.Below, target);
    }

    /// <summary>Jumps to <paramref name="target"/> unless rax holds a heap cell (clobbers rdx).</summary>
    void JumpUnlessCell(Label target)
    {
        a.mov(rdx, unchecked((long)JsValue.NotCellMask));
        a.test(rax, rdx);
        masm.Jump(Condition.NotEqual, target);
        a.test(rax, rax);
        masm.Jump(Condition.Equal, target);
    }

    /// <summary>Jumps to <paramref name="target"/> unless rax and the accumulator are both int32 (clobbers rdx).</summary>
    void JumpUnlessBothInt32(Label target)
    {
        // The AND of two words has the tag's 15 bits set (is at or above it) exactly when both have.
        a.mov(rdx, rax);
        a.and(rdx, Acc);
        a.cmp(rdx, Tag);
        masm.Jump(Condition.Below, target);
    }

    // An object header's kind (byte 0), flags (byte 3) and class (byte 4) compared at once, as the
    // interpreter's dense-element fast paths do.
    const ulong ArrayHeaderBits = (ulong)ObjClass.Array << 32 | (ulong)CellKind.Object;
    const ulong ReadableArrayMask = 0xFF_0000_00FFUL | (ulong)CellFlags.SparseElements << 24;
    const ulong WritableArrayMask = 0xFF_0000_00FFUL | (ulong)(CellFlags.SparseElements | CellFlags.FrozenElements | CellFlags.SealedElements) << 24;

    /// <summary>
    /// rdx = the elements of the array in rax and rcx = the int32 index in <paramref name="key"/>,
    /// when the array is dense (readable or writable per <paramref name="headerMask"/>) and the index
    /// is within its length; otherwise jumps to <paramref name="miss"/>, or to <paramref name="notArray"/>
    /// (when given) for a cell and an int32 key that fail only the header check.
    /// </summary>
    void LoadDenseElementAddress(AssemblerRegister64 key, ulong headerMask, Label miss, Label? notArray = null)
    {
        JumpUnlessCell(miss);
        JumpUnlessInt32(key, miss);
        a.mov(rdx, __qword_ptr[rax]);
        a.mov(rcx, unchecked((long)headerMask));
        a.and(rdx, rcx);
        a.mov(rcx, unchecked((long)ArrayHeaderBits));
        a.cmp(rdx, rcx);
        masm.Jump(Condition.NotEqual, notArray ?? miss);
        a.mov(rdx, __qword_ptr[rax + Layout.ObjElements]);
        a.test(rdx, rdx);
        masm.Jump(Condition.Equal, miss);
        a.mov(ecx, new AssemblerRegister32(ToRegister32(key)));
        a.cmp(ecx, __dword_ptr[rdx - 8]);
        masm.Jump(Condition.AboveOrEqual, miss);
    }

    static Iced.Intel.Register ToRegister32(AssemblerRegister64 r) => (Iced.Intel.Register)((int)r.Value - (int)Iced.Intel.Register.RAX + (int)Iced.Intel.Register.EAX);
}
