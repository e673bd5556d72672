using Flywheel.CodeGen.Lowering;
using Flywheel.CodeGen.RegAlloc;
using Flywheel.SsaIR;
using Flywheel.X64;
using static Flywheel.CodeGen.X64.X64Registers;
using Label = Flywheel.MachineCode.Label;

namespace Flywheel.CodeGen.X64;

/// <summary>
/// The x86-64 backend: register file description, selection rules (<see cref="X64Selector"/>),
/// and emission of a whole module into one blob through <see cref="X64Assembler"/>.
/// </summary>
internal sealed class X64Backend : ITargetBackend
{
    readonly X64CallingConvention convention;
    readonly int floatScratchA, floatScratchB;

    public X64Backend(X64CallingConvention convention)
    {
        this.convention = convention;
        var calleeSaved = convention.CalleeSaved.Select(r => Number(r.Value)).ToHashSet();
        // Caller-saved first: a value not live across a call then costs no prologue save.
        // rax, rcx and rdx come after the other caller-saved ones: division, variable shifts and
        // a few scratch uses block them at the instructions that need them (FixedRegisterUses).
        int[] candidates = [Rsi, Rdi, 8, 9, Rax, Rcx, Rdx, Rbx, 12, 13, 14, 15];
        var gprs = candidates.OrderBy(r => calleeSaved.Contains(r) ? 1 : 0).ToArray();
        // Win64 preserves xmm6-15; we never allocate those, and take two caller-saved ones as scratch.
        var floatCalleeSaved = convention.FloatCalleeSaved.Select(x => Number(x.Value)).ToHashSet();
        var callerSavedFloats = Enumerable.Range(0, 16).Where(x => !floatCalleeSaved.Contains(x)).ToArray();
        floatScratchA = callerSavedFloats[^1];
        floatScratchB = callerSavedFloats[^2];
        var floats = callerSavedFloats[..^2];
        Registers = new RegisterInfo(gprs, floats, (cls, r) => cls == RegisterClass.Gpr ? calleeSaved.Contains(r) : floatCalleeSaved.Contains(r));
    }

    /// <summary>Where listings pretend the code sits: away from 0, so small immediates and displacements never print as labels.</summary>
    const ulong ListingBase = 0x1000_0000;

    public RegisterInfo Registers { get; }

    public SelectionPlan Select(Function function) => X64Selector.Plan(function);

    public void AddHints(Function function, LiveInterval?[] intervals)
    {
        var entry = function[function.Entry].Params;
        var assigned = convention.AssignArguments(function.ParameterTypes.Select(t => t.IsFloat()).ToArray());
        for (int i = 0; i < entry.Count; i++)
        {
            if (intervals[entry[i].Index] is not { } interval) continue;
            if (assigned[i].Register is { } r) interval.Hint = Number(r.Value);
            else if (assigned[i].FloatRegister is { } x) interval.Hint = Number(x.Value);
        }
    }

    public IReadOnlyDictionary<int, List<int>> FixedRegisterUses(Function function, SelectionPlan plan, LinearOrder order)
    {
        var uses = new Dictionary<int, List<int>> { [Rax] = [], [Rcx] = [], [Rdx] = [] };
        foreach (var block in order.Blocks)
        {
            foreach (var id in function[block].Instructions)
            {
                if (plan.IsCovered(id)) continue;
                int position = order.PositionOf(id);
                foreach (int register in X64Selector.Clobbers(function, plan, function[id])) uses[register].Add(position);
            }
        }
        return uses;
    }

    public CompiledModule Emit(Module module, IReadOnlyList<AllocatedFunction> functions, CodeGenOptions options)
    {
        var masm = new X64Assembler();
        var labels = new Dictionary<string, Label>();
        foreach (var f in functions) labels[f.Function.Name] = masm.CreateLabel();
        var context = new X64ModuleContext(convention, options, labels, floatScratchA, floatScratchB);
        var bodies = new List<(int Start, int Length, IReadOnlyList<Safepoint> Safepoints)>();
        foreach (var allocated in functions)
        {
            // Function entries are 16-byte aligned (the padding between functions is never executed).
            masm.Align(16);
            int start = masm.Offset;
            new X64FunctionEmitter(masm, allocated, context).Emit(labels[allocated.Function.Name]);
            bodies.Add((start, masm.Offset - start, context.TakeSafepoints()));
        }
        var stubs = new List<int>();
        foreach (var allocated in functions)
        {
            masm.Align(16);
            stubs.Add(masm.Offset);
            X64EntryStub.Emit(masm, allocated.Function, labels[allocated.Function.Name], convention);
        }
        var blob = masm.Finish();
        var compiled = functions.Select((f, i) => new CompiledFunction(
            f.Function.Name, f.Function.ParameterTypes, f.Function.ReturnType, blob.GetLabelOffset(labels[f.Function.Name]), bodies[i].Length,
            stubs[i], bodies[i].Safepoints, f.Allocation.SpillSlotCount, f.Function.LiveInstructionCount())).ToArray();
        return new CompiledModule(blob, compiled, context.DeoptSites, () => X64Listing.Format(blob, ListingBase));
    }
}
