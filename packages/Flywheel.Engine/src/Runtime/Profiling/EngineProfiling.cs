using System.Diagnostics;
using System.Globalization;
using Flywheel.Profiling;

namespace Flywheel.Engine.Runtime;

/// <summary>
/// The engine's side of <see cref="Flywheel.Profiling.Profiler"/>: registers every compiled
/// function with one feedback slot per <c>Slot</c> operand of its bytecode (kinds from the
/// opcodes), maps profiler function ids back to templates (source positions for reports and
/// traces), formats <c>--trace-ic</c> lines, and takes CPU samples at the interpreter's safepoints.
/// </summary>
internal sealed unsafe class EngineProfiling : IDisposable
{
    readonly Realm realm;
    readonly List<FunctionTemplate?> byFunctionId = [];
    Timer? sampleTimer;
    long sampleEpochTicks;
    FunctionId[] sampleStack = new FunctionId[64];

    /// <summary>Record counters, type feedback and call targets (inline caches run either way).</summary>
    public readonly bool RecordFeedback;
    /// <summary>Use inline caches for named property and global accesses.</summary>
    public readonly bool InlineCaches;
    /// <summary>Set by the sampling timer; the next safepoint takes a sample and clears it.</summary>
    public volatile bool SampleDue;
    /// <summary>Receives one line per inline-cache state change (<c>--trace-ic</c>), or null.</summary>
    public TextWriter? TraceInlineCaches;
    /// <summary>
    /// Called when the policy decides to tier a function up (the decision is already recorded and
    /// traced). The baseline JIT installs itself here; without one the function keeps running in
    /// the interpreter and its vector records the tier that was decided.
    /// </summary>
    public Action<FunctionTemplate, TieringAction>? TierUp;

    public EngineProfiling(Realm realm, EngineLimits limits)
    {
        this.realm = realm;
        RecordFeedback = limits.RecordFeedback;
        InlineCaches = limits.InlineCaches;
        Profiler = new Profiler(limits.Tiering);
        Profiler.CacheTransitioned += OnCacheTransition;
    }

    public Profiler Profiler { get; }

    /// <summary>The template a profiler function id names, or null when it was released.</summary>
    public FunctionTemplate? TemplateOf(FunctionId id) => (uint)id.Value < (uint)byFunctionId.Count ? byFunctionId[id.Value] : null;

    /// <summary>
    /// Registers a freshly compiled function: one slot per Slot operand, in slot-index order. The
    /// profiler's function id becomes the template's index (a released index may come back).
    /// </summary>
    public void Register(FunctionTemplate t)
    {
        var slots = new FeedbackSlotInfo[t.FeedbackSlots];
        var seen = new bool[t.FeedbackSlots];
        byte* code = t.Code;
        for (int pc = 0; pc < t.CodeArray.Length - 1;)
        {
            var row = OpcodeTable.Get((Opcode)code[pc]);
            for (int i = 0; i < row.Operands.Length; i++)
            {
                if (row.Operands[i] != OperandKind.Slot) continue;
                int slot = *(int*)(code + pc + row.Offsets[i]);
                if ((uint)slot < (uint)slots.Length && !seen[slot])
                {
                    slots[slot] = new FeedbackSlotInfo(KindOf(row.Op), pc);
                    seen[slot] = true;
                }
            }
            pc += row.Size;
        }
        // Top-level code has no name of its own; "(script)" tells it apart from anonymous functions.
        var info = FunctionInfo.Create((t.Flags & FunctionFlags.Script) != 0 && t.Name.Length == 0 ? "(script)" : t.Name, t.SourceFile, t.Line, t.Column);
        var vector = Profiler.RegisterFunction(info, slots);
        // Call-target feedback names bytecode functions by template index + 1: ids are indices.
        t.Index = vector.Id.Value;
        while (byFunctionId.Count <= t.Index) byFunctionId.Add(null);
        byFunctionId[t.Index] = t;
        t.AttachFeedback(vector);
    }

    /// <summary>Releases a collected function's feedback vector; its id (= template index) may be reused.</summary>
    public void Release(FunctionTemplate t)
    {
        Profiler.ReleaseFunction(t.Feedback.Id);
        byFunctionId[t.Index] = null;
    }

    /// <summary>What the Slot operand of <paramref name="op"/> records.</summary>
    public static FeedbackSlotKind KindOf(Opcode op) => op switch
    {
        Opcode.GetNamed or Opcode.GetSuper or Opcode.LdaGlobal => FeedbackSlotKind.PropertyLoad,
        Opcode.SetNamed or Opcode.SetSuper or Opcode.StaGlobal or Opcode.StaGlobalSloppy => FeedbackSlotKind.PropertyStore,
        Opcode.GetKeyed => FeedbackSlotKind.ElementLoad,
        Opcode.SetKeyed => FeedbackSlotKind.ElementStore,
        Opcode.Call or Opcode.CallSpread or Opcode.Construct or Opcode.ConstructSpread or Opcode.SuperCall or Opcode.SuperCallSpread => FeedbackSlotKind.Call,
        Opcode.JumpLoop => FeedbackSlotKind.LoopHeader,
        >= Opcode.TestEqual and <= Opcode.TestIn => FeedbackSlotKind.Comparison,
        _ => FeedbackSlotKind.BinaryOperation,
    };

    /// <summary>Source position of the operation at <paramref name="bytecodeOffset"/> of a registered function.</summary>
    public SourceLocation Locate(FunctionId id, int bytecodeOffset)
    {
        var t = TemplateOf(id) ?? throw new ArgumentException($"{id} was released", nameof(id));
        var p = t.PositionAt(bytecodeOffset);
        return new SourceLocation(t.SourceFile, p.Line, p.Column);
    }

    void OnCacheTransition(CacheTransition c)
    {
        var w = TraceInlineCaches;
        if (w == null) return;
        var t = TemplateOf(c.Function);
        if (t == null) return;
        var at = Locate(c.Function, c.BytecodeOffset);
        string what = "";
        var op = (Opcode)t.Code[c.BytecodeOffset];
        if (op is Opcode.GetNamed or Opcode.SetNamed) what = " ." + realm.KeyToClr(new PropKey(t.Constants[*(int*)(t.Code + c.BytecodeOffset + 3)].Bits));
        else if (op is Opcode.LdaGlobal or Opcode.StaGlobal or Opcode.StaGlobalSloppy) what = " " + Realm.ToClr(t.Constants[*(int*)(t.Code + c.BytecodeOffset + 1)]);
        w.Write(string.Create(CultureInfo.InvariantCulture,
            $"ic {at} {t.Feedback.Info.DisplayName}{what} {Names(c.Kind)} {Names(c.From)}->{Names(c.To)} distinct={c.DistinctKeys}\n"));
    }

    static string Names(FeedbackSlotKind k) => k switch
    {
        FeedbackSlotKind.PropertyLoad => "load",
        FeedbackSlotKind.PropertyStore => "store",
        FeedbackSlotKind.ElementLoad => "elementLoad",
        FeedbackSlotKind.ElementStore => "elementStore",
        FeedbackSlotKind.Call => "call",
        _ => k.ToString(),
    };

    static string Names(InlineCacheState s) => s switch
    {
        InlineCacheState.Uninitialized => "uninitialized",
        InlineCacheState.Monomorphic => "monomorphic",
        InlineCacheState.Polymorphic => "polymorphic",
        _ => "megamorphic",
    };

    // ------------------------------------------------------------------ sampling

    /// <summary>Starts taking a call-stack sample at the first safepoint after every <paramref name="interval"/>.</summary>
    public void StartSampling(TimeSpan interval)
    {
        if (sampleTimer != null) return;
        sampleEpochTicks = Stopwatch.GetTimestamp();
        sampleTimer = new Timer(_ => SampleDue = true, null, interval, interval);
    }

    /// <summary>Stops the sampling timer (samples taken so far stay in the profile).</summary>
    public void StopSampling()
    {
        sampleTimer?.Dispose();
        sampleTimer = null;
        SampleDue = false;
    }

    /// <summary>Records the JavaScript call stack whose innermost frame is <paramref name="fp"/>.</summary>
    public void TakeSample(ulong* fp, JsStack stack)
    {
        SampleDue = false;
        int n = 0;
        // Frames entered from native code (getters, callbacks) link to the last frame that made a
        // call, which may have returned since: the walk stops at the first link that does not lead
        // strictly down the stack to a bytecode frame, and the sample keeps the frames it has.
        for (ulong* f = fp; f != null && f >= stack.Base && f < stack.Top;)
        {
            var callee = new JsValue(f[JsStack.CalleeSlot]);
            if (!Realm.IsCallable(callee) || Functions.Kind(callee.Ptr) != FunctionKind.Bytecode) break;
            var template = realm.Templates.TryGet(Layout.Internal(callee.Ptr, 0).Int32);
            if (template == null) break;
            if (n == sampleStack.Length) Array.Resize(ref sampleStack, n * 2);
            sampleStack[n++] = template.Feedback.Id;
            int caller = new JsValue(f[JsStack.CallerFpSlot]).Int32;
            if (caller < 0 || stack.Base + caller >= f) break;
            f = stack.Base + caller;
        }
        if (n == 0) return;
        Array.Reverse(sampleStack, 0, n);
        long micros = (long)((Stopwatch.GetTimestamp() - sampleEpochTicks) * (1_000_000.0 / Stopwatch.Frequency));
        Profiler.RecordSample(sampleStack.AsSpan(0, n), micros);
    }

    public void Dispose() => StopSampling();
}

/// <summary>Resolves profiler operations to source positions through the engine's templates.</summary>
internal sealed class EngineSourceResolver(EngineProfiling profiling) : ISourceResolver
{
    Dictionary<string, FunctionId>? byKey;
    /// <summary>The profiler's registrations and releases when <see cref="byKey"/> was built: rebuilt only when they changed.</summary>
    (int Registered, long Released) builtAt = (-1, -1);

    public bool TryResolve(FunctionInfo function, int bytecodeOffset, out SourceLocation location)
    {
        location = default;
        var profiler = profiling.Profiler;
        var now = (profiler.Functions.Count + profiler.LiveFunctionCount, profiler.ReleasedFunctionCount);
        // Rebuilt when a key is missing or names a released function, and the profiler changed since.
        if (byKey == null || (!(byKey.TryGetValue(function.Key, out var known) && IsLive(known, function.Key)) && now != builtAt))
        {
            // Live functions only: a released one has no position table, and its id may name another function now.
            byKey = [];
            foreach (var v in profiler.Functions) if (!v.IsReleased) byKey.TryAdd(v.Info.Key, v.Id);
            builtAt = now;
        }
        if (!byKey.TryGetValue(function.Key, out var id) || !IsLive(id, function.Key)) return false;
        location = profiling.Locate(id, bytecodeOffset);
        return true;
    }

    bool IsLive(FunctionId id, string key) => profiling.TemplateOf(id) is { } t && t.Feedback.Info.Key == key;
}
