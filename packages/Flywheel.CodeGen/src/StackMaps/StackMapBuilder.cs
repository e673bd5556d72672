using Flywheel.CodeGen.RegAlloc;
using Flywheel.Deopt;
using Flywheel.SsaIR;

namespace Flywheel.CodeGen.StackMaps;

/// <summary>
/// Turns allocator locations into what the embedder reads at run time: stack maps (where live
/// <c>tagged</c> values are at a safepoint, for a precise GC) and deopt frame states (where each
/// captured value is, in <see cref="Flywheel.Deopt"/>'s vocabulary). Target-independent: the
/// backend supplies the frame-pointer offset of each spill slot.
/// </summary>
internal static class StackMapBuilder
{
    /// <summary>
    /// Locations of tagged values live at <paramref name="position"/>; for a call, only those that
    /// also live after it (the ones the callee's GC must see, all in callee-saved registers or slots).
    /// </summary>
    public static IReadOnlyList<ValueLocation> TaggedAt(Allocation allocation, int position, bool afterCall, Func<int, int> spillOffset)
    {
        var tagged = new List<ValueLocation>();
        foreach (var interval in allocation.Intervals)
        {
            if (interval.Type != IrType.Tagged || !interval.Covers(position)) continue;
            if (afterCall && !interval.Covers(position + 1)) continue;
            tagged.Add(ToValueLocation(interval.Assigned, IrType.Tagged, spillOffset));
        }
        return tagged;
    }

    /// <summary>The deopt frame state for an IR frame state whose values are at <paramref name="locate"/>.</summary>
    public static Flywheel.Deopt.FrameState BuildFrameState(int functionId, SsaIR.FrameState state, Function function, Func<ValueId, Location> locate, Func<int, int> spillOffset)
    {
        var values = state.Values.Select(v => ToValueLocation(locate(v), function.TypeOf(v), spillOffset)).ToArray();
        return Flywheel.Deopt.FrameState.Encode([new FrameDescription(functionId, state.ResumePoint, values)]);
    }

    public static ValueLocation ToValueLocation(Location location, IrType type, Func<int, int> spillOffset) => location.Kind switch
    {
        LocationKind.Gpr => new RegisterLocation(location.Index, Representation(type)),
        LocationKind.Float => new FloatRegisterLocation(location.Index, Representation(type)),
        LocationKind.Spill => new StackSlotLocation(spillOffset(location.Index), Representation(type)),
        LocationKind.Constant => new LiteralLocation((ulong)location.Payload, Representation(type)),
        _ => OptimizedOutLocation.Instance,
    };

    /// <summary>How the lower tier should read raw bits of an IR type (an f32's bits are the low 32 of its word).</summary>
    public static ValueRepresentation Representation(IrType type) => type switch
    {
        IrType.I8 or IrType.I16 or IrType.I32 => ValueRepresentation.Int32,
        IrType.Tagged => ValueRepresentation.Tagged,
        IrType.F32 => ValueRepresentation.Float32,
        IrType.F64 => ValueRepresentation.Float64,
        _ => ValueRepresentation.Int64,
    };
}
