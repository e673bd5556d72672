using Flywheel.Deopt;
using Flywheel.SsaIR;

namespace Flywheel.CodeGen;

/// <summary>What kind of instruction a deopt site or safepoint belongs to.</summary>
public enum SafepointKind : byte
{
    /// <summary>A <c>guard</c>.</summary>
    Guard,
    /// <summary>A checked arithmetic operation's overflow exit.</summary>
    Overflow,
    /// <summary>A call (direct, indirect, host, or the allocation helper); its offset is the return address.</summary>
    Call,
}

/// <summary>
/// A point where compiled code may leave for the embedder's lower tier, with the frame state
/// that says where every captured value lives at that moment.
/// </summary>
/// <param name="Index">The number the deopt entry receives.</param>
/// <param name="Function">The compiled function's name.</param>
/// <param name="CodeOffset">Offset in the module's blob of the guarding branch (or the call's return address).</param>
/// <param name="Kind">Guard, overflow check, or call (a lazy-deopt point: the state after the call returns).</param>
/// <param name="FrameState">One frame: the IR resume point and the location of each captured value, in order.</param>
/// <param name="ValueTypes">The IR type of each captured value, to read raw bits back canonically.</param>
public sealed record DeoptSite(int Index, string Function, int CodeOffset, SafepointKind Kind, Flywheel.Deopt.FrameState FrameState, IReadOnlyList<IrType> ValueTypes);

/// <summary>A stack map entry: where live <c>tagged</c> values are at a call or deopt point, so a precise GC can find (and a deopt can rebuild) them.</summary>
/// <param name="CodeOffset">Offset in the module's blob: a call's return address, or a deopt branch.</param>
/// <param name="Kind">What the point is.</param>
/// <param name="TaggedValues">Registers and frame-pointer-relative slots holding tagged values live across the point.</param>
/// <param name="DeoptSite">The deopt site at this point, if any.</param>
public sealed record Safepoint(int CodeOffset, SafepointKind Kind, IReadOnlyList<ValueLocation> TaggedValues, int? DeoptSite);
