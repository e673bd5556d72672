using System.Diagnostics;
using Flywheel.CodeGen.Lowering;
using Flywheel.CodeGen.RegAlloc;
using Flywheel.CodeGen.X64;
using Flywheel.SsaIR;

namespace Flywheel.CodeGen;

/// <summary>
/// Compiles verified <see cref="Module"/>s of Flywheel.SsaIR to machine code.
/// </summary>
/// <remarks>
/// <para>The pipeline, per function:</para>
/// <code>
///   SSA IR ──select──▶ SelectionPlan ──order──▶ LinearOrder ──liveness──▶ LiveIntervals
///   (blocks with      (what folds into      (reverse postorder,   (ranges with holes,
///    parameters)       what: cmp+branch,     even positions per     call crossings)
///                      [base+index*s+d],     instruction)                 │
///                      immediates)                                    linear scan
///                                                                         ▼
///   CompiledModule ◀──emit (X64/)── Allocation: a register, spill slot or constant per value
///   (blob, entry stubs,    parallel moves at edges and calls, out-of-line trap and deopt
///    stack maps, deopt      exits, frame states from the allocation)
///    sites, listing)
/// </code>
/// <para>Invariants: a value has one location per piece of its live interval (the allocator splits
/// intervals under register pressure and around calls); inside a block the emitter moves it where
/// two pieces meet, and on each control-flow edge from the piece live at the branch to the piece
/// live at the target's start, so at any position — a safepoint, a guard — the location of the
/// piece live there is exact; registers are 64 bits wide and hold
/// canonical contents (narrow integers sign-extended, as <see cref="IrTypeExtensions.Canonicalize"/>
/// defines), so compares, moves and frame-state reads never need the type; pieces live across a
/// call sit in callee-saved registers or spill slots; a deopt exit sees every frame-state value
/// in the location its <see cref="Flywheel.Deopt.FrameState"/> names. Memory accesses are not
/// bounds-checked: a producer that needs a check writes it in the IR, and CodeGen never drops one.</para>
/// </remarks>
public static class CodeGenerator
{
    /// <summary>Compiles every function of <paramref name="module"/> (which must verify) into one blob.</summary>
    public static CompiledModule Compile(Module module, CodeGenOptions options)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(options);
        ITargetBackend backend = options.Target switch
        {
            TargetArchitecture.X64 => new X64Backend(Flywheel.X64.X64CallingConvention.Host),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Target, "unknown target"),
        };
        var allocated = new List<AllocatedFunction>(module.Functions.Count);
        long selection = 0, liveness = 0, allocating = 0;
        foreach (var function in module.Functions)
        {
            long t0 = Stopwatch.GetTimestamp();
            var plan = backend.Select(function);
            long t1 = Stopwatch.GetTimestamp();
            var order = new LinearOrder(function, plan);
            var intervals = Liveness.BuildIntervals(function, plan, order);
            backend.AddHints(function, intervals);
            Liveness.AddCopyHints(function, plan, order, intervals);
            long t2 = Stopwatch.GetTimestamp();
            var allocation = LinearScan.Allocate(intervals, backend.Registers, order, backend.FixedRegisterUses(function, plan, order));
            long t3 = Stopwatch.GetTimestamp();
            allocated.Add(new AllocatedFunction(function, plan, order, allocation));
            selection += t1 - t0;
            liveness += t2 - t1;
            allocating += t3 - t2;
        }
        long emitStart = Stopwatch.GetTimestamp();
        var compiled = backend.Emit(module, allocated, options);
        options.Timings?.Add(Stopwatch.GetElapsedTime(0, selection), Stopwatch.GetElapsedTime(0, liveness),
            Stopwatch.GetElapsedTime(0, allocating), Stopwatch.GetElapsedTime(emitStart));
        return compiled;
    }
}
