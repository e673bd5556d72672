using System.Globalization;

namespace Flywheel.SsaIR.Interpretation;

/// <summary>
/// The reference interpreter: it defines what IR means. Each <see cref="Run"/> executes one function
/// of a module with a fuel budget, fresh stack slots per call (zeroed here, though programs must not
/// rely on that), heap memory for <c>alloc</c> that persists across runs of the same interpreter,
/// and ends in a return, a trap, a deopt (with the frame state's values) or exhausted fuel.
/// Assumes verified input.
/// </summary>
public sealed partial class Interpreter
{
    /// <summary>Where <c>func_addr</c> addresses start; below <see cref="InterpreterMemory.Base"/>, so they are never data.</summary>
    public const long FunctionAddressBase = 0x1000;

    readonly Module module;
    readonly InterpreterOptions options;
    readonly List<string> hostCallLog = [];
    long fuel;
    ExecutionOutcome? ending;

    /// <summary>Creates an interpreter over <paramref name="module"/>.</summary>
    public Interpreter(Module module, InterpreterOptions? options = null)
    {
        this.module = module;
        this.options = options ?? new InterpreterOptions();
        Memory = new InterpreterMemory(this.options.MemorySize);
    }

    /// <summary>The memory all runs share.</summary>
    public InterpreterMemory Memory { get; }

    /// <summary>Host calls made so far, as <c>name(arg, ...)</c>, when <see cref="InterpreterOptions.RecordHostCalls"/> is set.</summary>
    public IReadOnlyList<string> HostCallLog => hostCallLog;

    /// <summary>Runs a function with arguments given as canonical bits (see <see cref="IrTypeExtensions.Canonicalize"/>).</summary>
    public ExecutionOutcome Run(string functionName, params long[] args)
    {
        if (!module.TryGet(functionName, out var function)) throw new ArgumentException($"no function %{functionName}", nameof(functionName));
        if (args.Length != function.ParameterTypes.Count) throw new ArgumentException($"%{functionName} takes {function.ParameterTypes.Count} arguments", nameof(args));
        var canonical = args.Select((a, i) => function.ParameterTypes[i].Canonicalize(a)).ToArray();
        fuel = options.Fuel;
        ending = null;
        bool returned = Execute(function, canonical, 0, out long value);
        long steps = options.Fuel - Math.Max(fuel, 0);
        if (!returned) return ending! with { Steps = steps };
        return new ExecutionOutcome
        {
            Kind = OutcomeKind.Returned,
            Value = function.ReturnType == IrType.None ? null : value,
            Steps = steps,
        };
    }

    /// <summary>The address <c>func_addr</c> gives for the function at <paramref name="index"/> in the module.</summary>
    public static long FunctionAddress(int index) => FunctionAddressBase + 16L * index;

    bool Stop(ExecutionOutcome outcome)
    {
        ending = outcome;
        return false;
    }

    bool Trap(TrapCode code) => Stop(new ExecutionOutcome { Kind = OutcomeKind.Trapped, Trap = code });

    bool Deopt(Function function, FrameState state, long[] values) => Stop(new ExecutionOutcome
    {
        Kind = OutcomeKind.Deopted,
        ResumePoint = state.ResumePoint,
        DeoptValues = state.Values.Select(v => values[v.Index]).ToArray(),
        DeoptTypes = state.Values.Select(function.TypeOf).ToArray(),
    });

    /// <summary>Runs <paramref name="function"/>; false when the run ended otherwise than by returning (see <see cref="ending"/>).</summary>
    bool Execute(Function function, long[] args, int depth, out long result)
    {
        result = 0;
        if (depth > options.MaxCallDepth) return Trap(TrapCode.StackOverflow);
        long mark = Memory.StackMark;
        try
        {
            var slotAddresses = new long[function.StackSlots.Count];
            for (int i = 0; i < slotAddresses.Length; i++)
            {
                slotAddresses[i] = Memory.PushFrame(function.StackSlots[i].Size);
                if (slotAddresses[i] == 0) return Trap(TrapCode.StackOverflow);
            }
            var values = new long[function.ValueCount];
            var entryParams = function[function.Entry].Params;
            for (int i = 0; i < entryParams.Count; i++) values[entryParams[i].Index] = args[i];
            if (options.Trace is { } traceEntry) foreach (var p in entryParams) traceEntry(function, p, values[p.Index]);
            var block = function.Entry;
            while (true)
            {
                BlockCall? next = null;
                foreach (var instId in function[block].Instructions)
                {
                    if (--fuel < 0) return Stop(new ExecutionOutcome { Kind = OutcomeKind.OutOfFuel });
                    var inst = function[instId];
                    if (inst.IsTerminator)
                    {
                        switch (inst.Opcode)
                        {
                            case Opcode.Return:
                                result = inst.Args.Length > 0 ? values[inst.Args[0].Index] : 0;
                                return true;
                            case Opcode.Trap:
                                return Trap(inst.TrapCode);
                            case Opcode.Jump:
                                next = inst.Targets[0];
                                break;
                            case Opcode.Brif:
                                next = values[inst.Args[0].Index] != 0 ? inst.Targets[0] : inst.Targets[1];
                                break;
                            default: // switch
                                ulong index = Semantics.Unsigned(function.TypeOf(inst.Args[0]), values[inst.Args[0].Index]);
                                next = index < (ulong)(inst.Targets.Length - 1) ? inst.Targets[(int)index + 1] : inst.Targets[0];
                                break;
                        }
                        break;
                    }
                    if (!Step(function, inst, values, slotAddresses, depth)) return false;
                }
                // Block arguments are read before any parameter is written: a parallel copy.
                var incoming = Array.ConvertAll(next!.Args, a => values[a.Index]);
                var parameters = function[next.Block].Params;
                for (int i = 0; i < incoming.Length; i++) values[parameters[i].Index] = incoming[i];
                if (options.Trace is { } traceParams) foreach (var p in parameters) traceParams(function, p, values[p.Index]);
                block = next.Block;
            }
        }
        finally
        {
            Memory.PopFrame(mark);
        }
    }

    bool Step(Function function, Instruction inst, long[] values, long[] slotAddresses, int depth)
    {
        long value;
        switch (inst.Opcode)
        {
            case Opcode.Load:
            {
                if (!Memory.TryRead(values[inst.Args[0].Index] + inst.Offset, inst.Type, out value)) return Trap(TrapCode.OutOfBounds);
                break;
            }
            case Opcode.Store:
            {
                var stored = inst.Args[0];
                if (!Memory.TryWrite(values[inst.Args[1].Index] + inst.Offset, function.TypeOf(stored), values[stored.Index])) return Trap(TrapCode.OutOfBounds);
                return true;
            }
            case Opcode.StackAddr:
                value = slotAddresses[inst.Slot.Index];
                break;
            case Opcode.Alloc:
                value = Memory.Allocate(inst.Imm);
                if (value == 0) return Trap(TrapCode.HeapExhausted);
                break;
            case Opcode.FuncAddr:
                value = FunctionAddress(IndexOfFunction(inst.Callee!));
                break;
            case Opcode.Guard:
                return values[inst.Args[0].Index] != 0 || Deopt(function, inst.FrameState!, values);
            case Opcode.Call or Opcode.CallIndirect or Opcode.CallHost:
                if (!Call(function, inst, values, depth, out value)) return false;
                if (inst.Result is null) return true;
                break;
            default:
            {
                Span<long> operands = stackalloc long[inst.Args.Length];
                for (int i = 0; i < operands.Length; i++) operands[i] = values[inst.Args[i].Index];
                var operandType = inst.Opcode == Opcode.Select ? function.TypeOf(inst.Args[1])
                    : inst.Args.Length > 0 ? function.TypeOf(inst.Args[0]) : inst.Type;
                switch (Semantics.Evaluate(inst, operandType, operands, out value, out var trap))
                {
                    case EvalStatus.Trap: return Trap(trap);
                    case EvalStatus.Overflow: return Deopt(function, inst.FrameState!, values);
                    case EvalStatus.NotComputable: throw new InvalidOperationException($"cannot interpret {inst.Opcode}");
                }
                break;
            }
        }
        values[inst.Result!.Value.Index] = value;
        options.Trace?.Invoke(function, inst.Result.Value, value);
        return true;
    }

    // Pointers log as "ptr": addresses are identities, and which address an allocation gets is not
    // part of a program's meaning (removing an unused allocation shifts the ones after it).
    void LogHostCall(Function caller, Instruction inst, long[] args) =>
        hostCallLog.Add($"{inst.Callee}({string.Join(", ", args.Select((a, i) => caller.TypeOf(inst.Args[i]) == IrType.Ptr ? "ptr" : a.ToString(CultureInfo.InvariantCulture)))})");

    int IndexOfFunction(string name)
    {
        for (int i = 0; i < module.Functions.Count; i++)
        {
            if (module.Functions[i].Name == name) return i;
        }
        return -1;
    }

    bool Call(Function caller, Instruction inst, long[] values, int depth, out long result)
    {
        result = 0;
        int first = inst.Opcode == Opcode.CallIndirect ? 1 : 0;
        var args = new long[inst.Args.Length - first];
        for (int i = 0; i < args.Length; i++) args[i] = values[inst.Args[i + first].Index];
        if (inst.Opcode == Opcode.CallHost)
        {
            if (options.RecordHostCalls) LogHostCall(caller, inst, args);
            if (!options.Host.TryGet(inst.Callee!, out var host)) return Trap(TrapCode.UnknownHostFunction);
            result = inst.Type.Canonicalize(host(args, Memory));
            return true;
        }
        Function? callee;
        if (inst.Opcode == Opcode.Call)
        {
            module.TryGet(inst.Callee!, out callee);
        }
        else
        {
            long offset = values[inst.Args[0].Index] - FunctionAddressBase;
            int index = offset >= 0 && offset % 16 == 0 ? (int)Math.Min(offset / 16, int.MaxValue) : -1;
            callee = index >= 0 && index < module.Functions.Count ? module.Functions[index] : null;
            if (callee is not null && (!callee.ParameterTypes.SequenceEqual(inst.Args.Skip(1).Select(caller.TypeOf)) || callee.ReturnType != inst.Type))
            {
                callee = null; // a signature mismatch is as bad as no function at all
            }
        }
        if (callee is null) return Trap(TrapCode.BadCallTarget);
        return Execute(callee, args, depth + 1, out result);
    }
}
