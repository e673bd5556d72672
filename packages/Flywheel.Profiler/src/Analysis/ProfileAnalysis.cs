using System.Globalization;

namespace Flywheel.Profiling;

/// <summary>
/// What a profile says, ranked: the hottest functions and loops, and findings (megamorphic and
/// polymorphic sites, mixed types, unstable feedback, deopts) with a sentence each.
/// </summary>
public sealed class ProfileAnalysis
{
    /// <summary>A hot function's slot counts as unstable when it changed within this many of the function's last ticks.</summary>
    public const uint UnstableWithinTicks = 1;

    /// <summary>Functions need at least this many ticks before their feedback can be called unstable.</summary>
    public const uint MinimumTicksForStability = 4;

    private ProfileAnalysis(IReadOnlyList<HotFunction> functions, IReadOnlyList<HotLoop> loops, IReadOnlyList<Finding> findings)
    {
        HottestFunctions = functions;
        HottestLoops = loops;
        Findings = findings;
    }

    /// <summary>
    /// Every function, hottest first: by self samples, then by invocations plus back-edges, then
    /// by registration order (so the ranking is total and reproducible).
    /// </summary>
    public IReadOnlyList<HotFunction> HottestFunctions { get; }

    /// <summary>Every loop that ran, most back-edges first.</summary>
    public IReadOnlyList<HotLoop> HottestLoops { get; }

    /// <summary>Findings, most severe kind first, then hottest function first.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>Analyzes a profile.</summary>
    /// <param name="profile">The profile.</param>
    /// <param name="resolver">Source positions for sites; without one, sites print as <c>key@offset</c>.</param>
    public static ProfileAnalysis Analyze(Profile profile, ISourceResolver? resolver = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var (self, total) = CallTreeTotals.PerFunction(profile);
        var hot = profile.Functions
            .Select((f, i) => new HotFunction(i, f.Function, f.Invocations, f.BackEdges, self[i], total[i]))
            .OrderByDescending(h => h.SelfSamples).ThenByDescending(h => h.Invocations + h.BackEdges).ThenBy(h => h.Function)
            .ToArray();
        var rank = new int[hot.Length];
        for (var i = 0; i < hot.Length; i++) rank[hot[i].Function] = i;

        var loops = new List<HotLoop>();
        var findings = new List<Finding>();
        for (var fi = 0; fi < profile.Functions.Count; fi++)
        {
            var f = profile.Functions[fi];
            FunctionFindings(fi, f, findings);
            for (var si = 0; si < f.Slots.Count; si++)
            {
                var slot = f.Slots[si];
                var location = Resolve(resolver, f.Function, slot.BytecodeOffset);
                var where = location?.ToString() ?? $"{f.Function.Key}@{slot.BytecodeOffset}";
                if (slot.Kind == FeedbackSlotKind.LoopHeader && slot.Count > 0)
                    loops.Add(new HotLoop(fi, f.Function, si, slot.BytecodeOffset, slot.Count, location));
                SlotFindings(fi, si, f, slot, location, where, findings);
            }
        }
        return new ProfileAnalysis(
            hot,
            [.. loops.OrderByDescending(l => l.BackEdges).ThenBy(l => l.Function).ThenBy(l => l.Slot)],
            [.. findings.OrderBy(x => x.Kind).ThenBy(x => rank[x.Function]).ThenBy(x => x.Slot)]);
    }

    private static void FunctionFindings(int fi, FunctionProfile f, List<Finding> findings)
    {
        var name = f.Function.DisplayName;
        if (f.OptimizationDisabled)
            findings.Add(new(FindingKind.OptimizationDisabled, fi, -1, null,
                Invariant($"function {name} ({f.Function.Key}) will not be optimized again after {f.Deoptimizations} {Plural(f.Deoptimizations, "deoptimization")}")));
        else if (f.Deoptimizations > 0)
            findings.Add(new(FindingKind.Deoptimized, fi, -1, null,
                Invariant($"function {name} ({f.Function.Key}) deoptimized {f.Deoptimizations} {Plural(f.Deoptimizations, "time")}")));
    }

    private static void SlotFindings(int fi, int si, FunctionProfile f, SlotProfile slot, SourceLocation? location, string where, List<Finding> findings)
    {
        var what = Describe(slot.Kind);
        var isCall = slot.Kind == FeedbackSlotKind.Call;
        var noun = isCall ? "target" : "shape";
        switch (slot.CacheState)
        {
            case InlineCacheState.Megamorphic:
                findings.Add(new(isCall ? FindingKind.MegamorphicCall : FindingKind.MegamorphicSite, fi, si, location,
                    Invariant($"{what} at {where} is megamorphic: {Count(slot.DistinctKeys)} {Plural(slot.DistinctKeys, noun)}")));
                break;
            case InlineCacheState.Polymorphic:
                findings.Add(new(isCall ? FindingKind.PolymorphicCall : FindingKind.PolymorphicSite, fi, si, location,
                    Invariant($"{what} at {where} is polymorphic: {slot.DistinctKeys} {Plural(slot.DistinctKeys, noun)}")));
                break;
        }
        if (slot.Kind is FeedbackSlotKind.BinaryOperation or FeedbackSlotKind.Comparison && slot.Types.CategoryCount() > 1)
            findings.Add(new(FindingKind.MixedTypes, fi, si, location,
                Invariant($"{what} at {where} sees mixed types: {slot.Types.Describe()}")));
        if (slot.Kind != FeedbackSlotKind.LoopHeader && f.Ticks >= MinimumTicksForStability && slot.StableTicks < UnstableWithinTicks)
            findings.Add(new(FindingKind.UnstableFeedback, fi, si, location,
                Invariant($"{what} at {where} is still changing after {f.Ticks} ticks ({slot.Types.Describe()}, {Names.Of(slot.CacheState)})")));
    }

    private static SourceLocation? Resolve(ISourceResolver? resolver, FunctionInfo function, int offset) =>
        resolver != null && resolver.TryResolve(function, offset, out var location) ? location : null;

    internal static string Describe(FeedbackSlotKind kind) => kind switch
    {
        FeedbackSlotKind.BinaryOperation => "binary operation",
        FeedbackSlotKind.Comparison => "comparison",
        FeedbackSlotKind.PropertyLoad => "property load",
        FeedbackSlotKind.PropertyStore => "property store",
        FeedbackSlotKind.ElementLoad => "element load",
        FeedbackSlotKind.ElementStore => "element store",
        FeedbackSlotKind.Call => "call site",
        _ => "loop header",
    };

    private static string Count(int distinct) =>
        distinct >= FeedbackVector.MaxTrackedKeys ? $"{distinct}+" : distinct.ToString(CultureInfo.InvariantCulture);

    private static string Plural(int n, string noun) => n == 1 ? noun : noun + "s";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
