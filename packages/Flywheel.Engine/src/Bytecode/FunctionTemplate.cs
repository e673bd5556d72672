namespace Flywheel.Engine.Bytecode;

[Flags]
internal enum FunctionFlags
{
    None = 0,
    Strict = 1,
    Arrow = 2,
    Generator = 4,
    Async = 8,
    ClassConstructor = 16,
    Derived = 32,
    Method = 64,
    /// <summary>Top-level script code.</summary>
    Script = 128,
    /// <summary>Has a fields initializer to run on construction (class with instance fields).</summary>
    HasFields = 256,
    /// <summary>Getter/setter/method: not a constructor.</summary>
    NotConstructor = 512,
}

/// <summary>An exception handler: a throw with pc in [Start, End) jumps to Handler, restoring the context from ContextReg.</summary>
internal readonly record struct HandlerEntry(int Start, int End, int Handler, int ContextReg);

/// <summary>One row of the source-position table: bytecode offset → 1-based line and column.</summary>
internal readonly record struct SourcePosition(int Pc, int Line, int Column);

/// <summary>
/// A compiled function: bytecode, constant pool, nested functions, handler table, source
/// positions and its frame size. Shared by every closure created from it. The bytecode array is
/// pinned, so <see cref="Code"/> is a stable address the interpreter (and later the baseline JIT)
/// can read directly.
/// </summary>
internal sealed unsafe class FunctionTemplate
{
    public string Name = "";
    public int Index;
    /// <summary>The function's "length" (formals before the first default/rest).</summary>
    public int Length;
    /// <summary>Registers that receive the actual arguments at entry (r0 … r(ParamRegs-1)).</summary>
    public int ParamRegs;
    public int RegisterCount;
    public FunctionFlags Flags;
    public byte[] CodeArray = [];
    public byte* Code;
    public JsValue[] Constants = [];
    public FunctionTemplate[] Children = [];
    public HandlerEntry[] Handlers = [];
    public SourcePosition[] Positions = [];
    /// <summary>Number of feedback slots the profiler allocates for this function.</summary>
    public int FeedbackSlots;
    public string SourceFile = "";
    public string SourceText = "";
    public int Line, Column;
    /// <summary>
    /// The profiler's per-function hot state (counters, type feedback, inline caches), registered
    /// when the function is compiled. <see cref="FeedbackBase"/> is its pinned address and
    /// <see cref="FeedbackOffsets"/> the byte offset of each slot, so the interpreter reaches a
    /// slot with two loads, as baseline code will with the constant offset.
    /// </summary>
    public Flywheel.Profiling.FeedbackVector Feedback = null!;
    public byte* FeedbackBase;
    public int* FeedbackOffsets;
    int[] feedbackOffsetArray = [];
    /// <summary>The construct inline cache: a shape of new.target and the slot of its "prototype" (0: empty).</summary>
    public ulong ConstructPrototypeShape;
    public int ConstructPrototypeSlot;
    /// <summary>Offsets of the property-site slots (whose cache keys the collector keeps alive).</summary>
    public int[] PropertySiteOffsets = [];
    /// <summary>Shapes the baseline code's object literals compare and install (the collector keeps them alive).</summary>
    public nint[] LiteralShapes = [];

    /// <summary>The address of feedback slot <paramref name="slot"/>.</summary>
    public byte* FeedbackSlot(int slot) => FeedbackBase + FeedbackOffsets[slot];

    public void AttachFeedback(Flywheel.Profiling.FeedbackVector vector)
    {
        Feedback = vector;
        FeedbackBase = (byte*)vector.Address;
        feedbackOffsetArray = GC.AllocateArray<int>(Math.Max(1, vector.SlotCount), pinned: true);
        var sites = new List<int>();
        for (int i = 0; i < vector.SlotCount; i++)
        {
            feedbackOffsetArray[i] = vector.GetSlotOffset(i);
            if (vector.GetSlotKind(i) is Flywheel.Profiling.FeedbackSlotKind.PropertyLoad or Flywheel.Profiling.FeedbackSlotKind.PropertyStore)
                sites.Add(feedbackOffsetArray[i]);
        }
        PropertySiteOffsets = [.. sites];
        fixed (int* p = feedbackOffsetArray) FeedbackOffsets = p;
    }
    /// <summary>The compiler's scope at each direct eval call site (indexed by the call's operand), for compiling the eval code.</summary>
    public object[] EvalScopes = [];
    /// <summary>Source text of the callee at each call instruction (for "x is not a function" messages).</summary>
    public Dictionary<int, string> CallSiteText = [];
    /// <summary>The collection that last found this template live (<see cref="Collector"/>); templates it did not reach are released.</summary>
    public int MarkEpoch;
    /// <summary>Baseline machine code, once the tier compiled it.</summary>
    public BaselineCode? Baseline;
    /// <summary>How often the baseline tier evicted this function's code, and calls left before it compiles it again on a call (<c>--tier=baseline</c>).</summary>
    public int BaselineEvictions, BaselineRecompileDelay;
    /// <summary>The baseline tier declined this function (see <see cref="BaselineJit.Rejected"/>); it stays interpreted.</summary>
    public bool BaselineRejected;

    public bool IsStrict => (Flags & FunctionFlags.Strict) != 0;
    public bool IsArrow => (Flags & FunctionFlags.Arrow) != 0;
    public bool IsGenerator => (Flags & FunctionFlags.Generator) != 0;
    public bool IsAsync => (Flags & FunctionFlags.Async) != 0;

    public void SetCode(byte[] bytes)
    {
        CodeArray = GC.AllocateArray<byte>(bytes.Length + 1, pinned: true);
        bytes.CopyTo(CodeArray, 0);
        fixed (byte* p = CodeArray) Code = p;
    }

    /// <summary>The source position covering bytecode offset <paramref name="pc"/>.</summary>
    public SourcePosition PositionAt(int pc)
    {
        var best = new SourcePosition(0, Line, Column);
        foreach (var p in Positions)
        {
            if (p.Pc > pc) break;
            best = p;
        }
        return best;
    }
}
