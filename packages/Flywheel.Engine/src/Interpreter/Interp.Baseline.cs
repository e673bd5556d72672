using System.Runtime.CompilerServices;

namespace Flywheel.Engine.Interpreter;

/// <summary>
/// The interpreter's side of the baseline tier. Baseline code shares the interpreter's frames, so
/// the dispatch loop hands a frame to its function's machine code at the points where control
/// arrives at an instruction (function entry, a return into the frame, a loop back-edge, after any
/// instruction it ran itself) and takes it back when the code exits before an instruction it leaves
/// to the interpreter. No C# frame or .NET exception is ever between two pieces of machine code.
/// </summary>
internal sealed unsafe partial class Interp
{
    /// <summary>The baseline tier, when the engine runs with it.</summary>
    public BaselineJit? Jit;

    /// <summary>
    /// Runs <paramref name="t"/>'s baseline code (compiling it first when the tier compiles on first
    /// call) for frame <paramref name="fp"/> from <paramref name="pc"/>; returns the instruction the
    /// interpreter is to run next, with <paramref name="acc"/> updated. Returns <paramref name="pc"/>
    /// unchanged when the function has no baseline code.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    byte* RunBaseline(ulong* fp, FunctionTemplate t, byte* pc, ref JsValue acc)
    {
        var jit = Jit;
        if (jit == null) return pc;
        var code = t.Baseline;
        if (code == null)
        {
            if (t.BaselineRejected || !jit.CompileOnFirstCall) return pc;
            jit.Compile(t);
            code = t.Baseline;
            if (code == null) return pc;
        }
        nint target = code.ResumeAddress((int)(pc - t.Code));
        if (target == 0) return pc;
        var state = jit.State;
        int quantum = jit.BackEdgeQuantum;
        state->Acc = acc.Bits;
        state->Budget = quantum;
        code.Enter(fp, state, target);
        acc = new JsValue(state->Acc);
        // Back-edges taken in machine code count against the interrupt budget as the interpreter's
        // do; the one that ran the quantum out is counted by the interpreter's JumpLoop.
        int left = state->Budget;
        int used = left > 0 ? quantum - left : quantum - 1;
        if (used > 0)
        {
            budget -= used;
            if (budget <= 0) CheckInterrupts();
        }
        byte* next = t.Code + state->Pc;
        jit.Exits[*next]++;
        return next;
    }
}
