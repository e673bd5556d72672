namespace Flywheel.Profiling;

/// <summary>
/// What an operation's feedback slot records. The kind fixes the slot's size and layout in the
/// feedback vector (see <see cref="FeedbackLayout"/>).
/// </summary>
public enum FeedbackSlotKind : byte
{
    /// <summary>An arithmetic or bitwise operation: type feedback on its operands.</summary>
    BinaryOperation,
    /// <summary>A comparison: type feedback on its operands.</summary>
    Comparison,
    /// <summary>A named property load: an inline cache of (shape, handler) plus value types.</summary>
    PropertyLoad,
    /// <summary>A named property store: an inline cache of (shape, handler) plus value types.</summary>
    PropertyStore,
    /// <summary>An indexed load: an inline cache of (shape, handler) plus key/value types.</summary>
    ElementLoad,
    /// <summary>An indexed store: an inline cache of (shape, handler) plus key/value types.</summary>
    ElementStore,
    /// <summary>A call site: target feedback (up to four targets with call counts).</summary>
    Call,
    /// <summary>A loop header: counts the back-edges that reach it (drives OSR).</summary>
    LoopHeader,
}

/// <summary>Classification helpers for <see cref="FeedbackSlotKind"/>.</summary>
public static class FeedbackSlotKindExtensions
{
    /// <summary>True for kinds whose slot holds an inline cache (property, element and call sites).</summary>
    /// <param name="kind">The slot kind.</param>
    public static bool HasInlineCache(this FeedbackSlotKind kind) =>
        kind is >= FeedbackSlotKind.PropertyLoad and <= FeedbackSlotKind.Call;

    /// <summary>True for property and element sites, whose cache entries are (shape, handler) pairs.</summary>
    /// <param name="kind">The slot kind.</param>
    public static bool IsShapeSite(this FeedbackSlotKind kind) =>
        kind is >= FeedbackSlotKind.PropertyLoad and <= FeedbackSlotKind.ElementStore;
}
