using Flywheel.SsaIR;

namespace Flywheel.Optimizer.Analysis;

/// <summary>A memory access: a root object (or an unknown address), a byte offset when constant, a size and an alias class.</summary>
/// <param name="Root">The address value after stripping constant offsets.</param>
/// <param name="Offset">Byte offset from <paramref name="Root"/>, when known.</param>
/// <param name="Size">Bytes accessed.</param>
/// <param name="Class">The access's alias class.</param>
public readonly record struct MemoryLocation(ValueId Root, long? Offset, int Size, AliasClass Class);

/// <summary>
/// May-alias queries between loads and stores: accesses in different non-zero alias classes never
/// alias; accesses from two distinct allocation sites (different <c>alloc</c>s or different stack
/// slots) never alias; accesses from one root alias only when their byte ranges overlap. Anything
/// else may alias.
/// </summary>
public static class AliasAnalysis
{
    /// <summary>The location a load or store touches.</summary>
    public static MemoryLocation LocationOf(Function function, Instruction access)
    {
        var address = access.Opcode == Opcode.Store ? access.Args[1] : access.Args[0];
        var type = access.Opcode == Opcode.Store ? function.TypeOf(access.Args[0]) : access.Type;
        long? offset = access.Offset;
        var root = address;
        // Look through constant pointer arithmetic: iadd.ptr base, (bitcast.ptr (iconst c)).
        for (int depth = 0; depth < 8 && offset is not null; depth++)
        {
            var def = function.DefiningInst(root);
            if (def?.Opcode != Opcode.Iadd || def.Type != IrType.Ptr) break;
            if (ConstantOf(function, def.Args[1]) is not { } c) { offset = null; root = def.Args[0]; break; }
            offset += c;
            root = def.Args[0];
        }
        if (offset is null)
        {
            // Unknown offset: still strip to the root for distinct-allocation reasoning.
            for (int depth = 0; depth < 8; depth++)
            {
                var def = function.DefiningInst(root);
                if (def?.Opcode != Opcode.Iadd || def.Type != IrType.Ptr) break;
                root = def.Args[0];
            }
        }
        return new MemoryLocation(root, offset, type.Bytes(), access.Alias);
    }

    /// <summary>Whether two locations may overlap.</summary>
    public static bool MayAlias(Function function, MemoryLocation a, MemoryLocation b)
    {
        if (!a.Class.MayAlias(b.Class)) return false;
        if (a.Root == b.Root)
        {
            if (a.Offset is not { } x || b.Offset is not { } y) return true;
            return x < y + b.Size && y < x + a.Size;
        }
        return !(AllocationSite(function, a.Root) is { } siteA && AllocationSite(function, b.Root) is { } siteB && siteA != siteB);
    }

    /// <summary>Whether two locations are exactly the same bytes (so a stored value can be forwarded).</summary>
    public static bool MustAlias(MemoryLocation a, MemoryLocation b) =>
        a.Root == b.Root && a.Offset is { } x && b.Offset == x && a.Size == b.Size;

    /// <summary>A key naming a distinct allocation (a stack slot or an <c>alloc</c> instruction), or null for other addresses.</summary>
    static string? AllocationSite(Function function, ValueId root) => function.DefiningInst(root) switch
    {
        { Opcode: Opcode.StackAddr } inst => "slot" + inst.Slot.Index,
        { Opcode: Opcode.Alloc } => "alloc" + root.Index,
        _ => null,
    };

    /// <summary>The value of an integer constant (through <c>bitcast</c>), or null.</summary>
    public static long? ConstantOf(Function function, ValueId value)
    {
        var def = function.DefiningInst(value);
        if (def?.Opcode == Opcode.Bitcast) def = function.DefiningInst(def.Args[0]);
        return def?.Opcode == Opcode.Iconst ? def.Imm : null;
    }
}
