using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Flywheel.Engine.Runtime;

/// <summary>
/// The part of a realm's inline-cache state that a cache hit reads besides the feedback vector:
/// the epochs, the global lexical bindings and the handler records of prototype-chain loads and
/// add-property stores. It lives in unmanaged memory at an address fixed for the realm's lifetime,
/// so baseline code embeds the address and reads the fields with plain loads; the arrays it points
/// to may move when they grow, so code loads their address from here at each use.
/// </summary>
[StructLayout(LayoutKind.Explicit)]
internal unsafe struct CacheValidityBlock
{
    public const int ProtoEpochOffset = 0, GlobalEpochOffset = 4, GlobalLexicalValuesOffset = 8, HandlersOffset = 16;

    /// <summary>See <see cref="Realm.ProtoEpoch"/>.</summary>
    [FieldOffset(ProtoEpochOffset)] public uint ProtoEpoch;
    /// <summary>See <see cref="Realm.GlobalEpoch"/>.</summary>
    [FieldOffset(GlobalEpochOffset)] public uint GlobalEpoch;
    /// <summary>Values of the global lexical bindings (a hole is "in TDZ"); roots, marked by the collector.</summary>
    [FieldOffset(GlobalLexicalValuesOffset)] public JsValue* GlobalLexicalValues;
    /// <summary>The interpreter's inline-cache handler records (<c>Interp.IcHandler</c>).</summary>
    [FieldOffset(HandlersOffset)] public void* Handlers;
}

/// <summary>
/// Validity of inline-cache entries that depend on more than the receiver's shape.
/// </summary>
/// <remarks>
/// A shared shape is immutable, so an own-property entry (shape → slot) never goes stale. A
/// prototype-chain load or an add-property store also depends on the prototype objects: the cache
/// flags every object on the chain it relied on (<see cref="IcPrototypeFlag"/>, object header byte
/// 6) and remembers <see cref="ProtoEpoch"/>; any structural change of a flagged object (a property
/// added, deleted or redefined, or its prototype replaced) bumps the epoch, which invalidates all
/// such entries at once. The global object works the same way with <see cref="GlobalEpoch"/>,
/// except that adding a global does not invalidate anything (slots never move), while declaring a
/// global lexical binding does (it shadows the global object's property of the same name).
/// </remarks>
internal sealed unsafe partial class Realm
{
    /// <summary>Header bit: an inline cache relies on this object's structure as a prototype.</summary>
    public const byte IcPrototypeFlag = 1;
    /// <summary>Header bit: an inline cache relies on this (global) object's property slots.</summary>
    public const byte IcGlobalFlag = 2;

    /// <summary>Epochs, global lexical values and handler records at a fixed unmanaged address (freed with the realm).</summary>
    public readonly CacheValidityBlock* Validity = NewValidityBlock();

    static CacheValidityBlock* NewValidityBlock()
    {
        var b = (CacheValidityBlock*)NativeMemory.AllocZeroed((nuint)sizeof(CacheValidityBlock));
        b->ProtoEpoch = 1;
        b->GlobalEpoch = 1;
        return b;
    }

    /// <summary>Bumped on any structural change of an object flagged <see cref="IcPrototypeFlag"/>.</summary>
    public ref uint ProtoEpoch
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => ref Validity->ProtoEpoch;
    }

    /// <summary>Bumped when a cached global property may have moved or been shadowed.</summary>
    public ref uint GlobalEpoch
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => ref Validity->GlobalEpoch;
    }

    void FreeValidityBlock()
    {
        NativeMemory.Free(Validity->GlobalLexicalValues);
        NativeMemory.Free(Validity->Handlers);
        NativeMemory.Free(Validity);
    }

    /// <summary>The inline-cache flags in an object's header (byte 6; zero when allocated).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ref byte IcFlags(nint o) => ref *(byte*)(o + 6);

    /// <summary>Call before changing the structure (property set, attributes, prototype) of <paramref name="o"/>.</summary>
    /// <param name="o">The object.</param>
    /// <param name="adding">True when the change only adds a property.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void NoteStructureChange(nint o, bool adding = false)
    {
        byte f = IcFlags(o);
        if (f != 0) StructureChanged(f, adding);
    }

    void StructureChanged(byte flags, bool adding)
    {
        if ((flags & IcPrototypeFlag) != 0) ProtoEpoch++;
        if ((flags & IcGlobalFlag) != 0 && !adding) GlobalEpoch++;
    }

    /// <summary>The index of a global lexical binding, if one is declared.</summary>
    public bool TryGetGlobalLexicalIndex(ulong name, out int index, out bool isConst)
    {
        if (globalLexicals.TryGetValue(name, out var lex)) { index = lex.Index; isConst = lex.IsConst; return true; }
        index = -1;
        isConst = false;
        return false;
    }
}
