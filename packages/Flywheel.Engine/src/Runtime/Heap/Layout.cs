using System.Runtime.CompilerServices;

namespace Flywheel.Engine.Runtime;

/// <summary>What a heap cell is; byte 0 of every cell header.</summary>
internal enum CellKind : byte
{
    Free = 0,
    String = 1,
    Symbol = 2,
    Object = 3,
    Shape = 4,
    Context = 5,
    Accessor = 6,
    FixedArray = 7,
}

/// <summary>Object classes (byte 4 of an object header): the [[Class]]-like internal kind.</summary>
internal enum ObjClass : byte
{
    Ordinary, Array, Function, Error, Boolean, Number, String, Symbol, Date, RegExp, Map, Set, WeakMap, WeakSet,
    ArrayBuffer, TypedArray, Generator, Arguments, Iterator, Host, Promise, WeakRef, FinalizationRegistry,
}

/// <summary>Header flag bits (byte 3).</summary>
[Flags]
internal enum CellFlags : byte
{
    None = 0,
    NotExtensible = 1,
    Rope = 1,             // strings: a concatenation cell (left and right children), see Layout
    SparseElements = 2,   // elements live in a managed sparse table (index in the Elements field)
    FrozenElements = 4,   // every element is non-writable and non-configurable
    SealedElements = 8,   // every element is non-configurable
    Atom = 16,            // strings: interned property key
    Callable = 32,        // objects: has [[Call]]
    Constructor = 64,     // objects: has [[Construct]]
    External = 128,       // objects: Internal3 holds an index into the engine's external table
}

/// <summary>
/// Heap cell layouts. Every cell starts with an 8-byte header:
/// <code>
///   byte 0 kind | byte 1 GC mark | byte 2 size class (255 = large) | byte 3 flags | u32 aux
/// </code>
/// Strings:  aux = length; +8 u32 hash (0 = not computed yet); +16 UTF-16 code units.
/// Ropes:    strings flagged <see cref="CellFlags.Rope"/>: aux = length; +16 left string; +24 right string.
///           Flattening writes the chars into a new flat string, stores it as left and clears right,
///           so a flattened rope is an indirection to flat chars. Atoms are never ropes.
/// Symbols:  +8 description (value); +16 u32 id.
/// Objects:  aux byte 0 = <see cref="ObjClass"/>; +8 shape; +16 slots (ulong*, capacity at [-1]);
///           +24 prototype (value); +32 elements (ulong*, capacity at [-2], length at [-1]);
///           +40..+64 four internal slots (values or raw words per class).
/// Shapes:   +8 u32 id (managed Shape table) | u32 slot count; +16 parent shape pointer (or 0).
/// Contexts: aux = slot count; +8 parent context; +16 slots.
/// Accessor: +8 getter; +16 setter.
/// FixedArray: aux = length; +8 values.
/// </summary>
internal static unsafe class Layout
{
    public const int HeaderSize = 8;
    public const int StringChars = 16;
    public const int RopeLeft = 16, RopeRight = 24, RopeSize = 32;
    public const int ObjShape = 8, ObjSlots = 16, ObjProto = 24, ObjElements = 32, ObjInternal0 = 40;
    public const int ObjectSize = 72;
    public const int ContextParent = 8, ContextSlots = 16;
    public const int FixedArrayValues = 8;

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static CellKind Kind(nint c) => *(CellKind*)c;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ref byte Mark(nint c) => ref *(byte*)(c + 1);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ref CellFlags Flags(nint c) => ref *(CellFlags*)(c + 3);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ref uint Aux(nint c) => ref *(uint*)(c + 4);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ref ulong Word(nint c, int offset) => ref *(ulong*)(c + offset);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ref JsValue Val(nint c, int offset) => ref *(JsValue*)(c + offset);

    // Objects
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ObjClass Class(nint o) => *(ObjClass*)(o + 4);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ref nint ShapePtr(nint o) => ref *(nint*)(o + ObjShape);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ref ulong* Slots(nint o) => ref *(ulong**)(o + ObjSlots);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ref JsValue Proto(nint o) => ref *(JsValue*)(o + ObjProto);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ref ulong* Elements(nint o) => ref *(ulong**)(o + ObjElements);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ref JsValue Internal(nint o, int i) => ref *(JsValue*)(o + ObjInternal0 + 8 * i);

    // Strings
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static int StrLength(nint s) => (int)*(uint*)(s + 4);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static bool IsRope(nint s) => (Flags(s) & CellFlags.Rope) != 0;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ref uint StrHash(nint s) => ref *(uint*)(s + 8);
    /// <summary>The chars of a flat (non-rope) string; readers get one through <c>Realm.Flat</c> or <c>Realm.Span</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static char* FlatChars(nint s) { System.Diagnostics.Debug.Assert(!IsRope(s)); return (char*)(s + StringChars); }
    /// <inheritdoc cref="FlatChars"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ReadOnlySpan<char> FlatSpan(nint s) { System.Diagnostics.Debug.Assert(!IsRope(s)); return new((void*)(s + StringChars), StrLength(s)); }
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ref nint RopeLeftPtr(nint s) => ref *(nint*)(s + RopeLeft);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ref nint RopeRightPtr(nint s) => ref *(nint*)(s + RopeRight);

    // Shapes
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static int ShapeId(nint s) => *(int*)(s + 8);

    // Contexts
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ref JsValue CtxSlot(nint c, int i) => ref *(JsValue*)(c + ContextSlots + 8 * i);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ref JsValue FixedAt(nint a, int i) => ref *(JsValue*)(a + FixedArrayValues + 8 * i);
}
