using System.Runtime.CompilerServices;
namespace Flywheel.Engine.Runtime;

/// <summary>How a function object is implemented (byte 5 of its header).</summary>
internal enum FunctionKind : byte { Bytecode = 0, Native = 1, Bound = 2 }

/// <summary>
/// Function object layout (an object of class Function):
/// <code>
///   Internal0  bytecode: template index | native: native index | bound: unused
///   Internal1  bytecode: closure context | native: captured data | bound: target
///   Internal2  bytecode: home object (methods) | bound: bound this
///   Internal3  class constructors: fields initializer | bound: FixedArray of bound arguments
/// </code>
/// </summary>
internal static unsafe class Functions
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FunctionKind Kind(nint f) => *(FunctionKind*)(f + 5);
    public static void SetKind(nint f, FunctionKind k) => *(FunctionKind*)(f + 5) = k;
    public static bool IsBound(nint f) => Kind(f) == FunctionKind.Bound;
    public static JsValue BoundTarget(nint f) => Layout.Internal(f, 1);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FunctionTemplate Template(Realm r, nint f) => r.Templates[Layout.Internal(f, 0).Int32];
}

internal sealed unsafe partial class Realm
{
    /// <summary>The shape root → "length" → "name" (both configurable only) that every new function object starts with.</summary>
    Shape? functionShape;

    /// <summary>
    /// Gives a new function object (still of the empty shape) its "length" and "name" properties:
    /// the first time through the ordinary path, then by installing the cached shape directly, which
    /// skips two lookups and two transitions per function (built-in setup creates hundreds).
    /// </summary>
    void SetLengthAndName(nint f, JsValue length, JsValue name)
    {
        var shape = functionShape;
        bool fresh = Layout.ShapePtr(f) == Shapes.Root.Cell;
        if (shape == null || !fresh)
        {
            DefineData(f, KLength, length, PropFlags.Configurable);
            DefineData(f, KName, name, PropFlags.Configurable);
            if (shape == null && fresh)
            {
                functionShape = ShapeOf(f);
                PermanentRoots.Add(JsValue.FromPtr(functionShape.Cell)); // the cache must never point at a freed shape
            }
            return;
        }
        EnsureSlots(f, 2);
        var slots = Layout.Slots(f);
        slots[0] = length.Bits;
        slots[1] = name.Bits;
        Layout.ShapePtr(f) = shape.Cell;
    }

    /// <summary>Creates a closure over <paramref name="context"/> for a compiled function.</summary>
    public nint NewClosure(FunctionTemplate t, JsValue context, JsValue homeObject)
    {
        var proto = t.IsGenerator ? GeneratorFunctionPrototype : t.IsAsync ? AsyncFunctionPrototype : FunctionPrototype;
        nint f = NewObject(JsValue.FromPtr(proto), ObjClass.Function);
        Functions.SetKind(f, FunctionKind.Bytecode);
        Layout.Internal(f, 0) = JsValue.FromInt(t.Index);
        Layout.Internal(f, 1) = context;
        Layout.Internal(f, 2) = homeObject;
        var fl = CellFlags.Callable;
        bool ctor = (t.Flags & (FunctionFlags.NotConstructor | FunctionFlags.Script)) == 0;
        if (ctor) fl |= CellFlags.Constructor;
        Layout.Flags(f) |= fl;
        SetLengthAndName(f, JsValue.FromInt(t.Length), Str(t.Name));
        if (t.IsGenerator)
        {
            nint p = NewObject(JsValue.FromPtr(GeneratorPrototype));
            DefineData(f, KPrototype, JsValue.FromPtr(p), PropFlags.Writable);
        }
        else if (ctor)
        {
            nint p = NewObject(JsValue.FromPtr(ObjectPrototype));
            DefineData(p, KConstructor, JsValue.FromPtr(f), PropFlags.Hidden);
            DefineData(f, KPrototype, JsValue.FromPtr(p), (t.Flags & FunctionFlags.ClassConstructor) != 0 ? PropFlags.None : PropFlags.Writable);
        }
        return f;
    }

    /// <summary>Creates a built-in function object.</summary>
    public nint NewNative(string name, int length, NativeFn fn, bool constructor = false, JsValue data = default) =>
        NewNative(name, Str(name), length, fn, constructor, data);

    /// <summary>Creates a built-in function object whose "name" is <paramref name="nameValue"/> (a string value for <paramref name="name"/>, e.g. its atom).</summary>
    public nint NewNative(string name, JsValue nameValue, int length, NativeFn fn, bool constructor = false, JsValue data = default)
    {
        int idx = Natives.Count;
        Natives.Add(fn);
        NativeNames.Add(name);
        nint f = NewObject(JsValue.FromPtr(FunctionPrototype), ObjClass.Function);
        Functions.SetKind(f, FunctionKind.Native);
        Layout.Internal(f, 0) = JsValue.FromInt(idx);
        Layout.Internal(f, 1) = data.IsEmpty ? JsValue.Undefined : data;
        Layout.Flags(f) |= CellFlags.Callable | (constructor ? CellFlags.Constructor : 0);
        SetLengthAndName(f, JsValue.FromInt(length), nameValue);
        return f;
    }

    /// <summary>A native function object sharing an already registered native (used for per-call closures like bound resolvers).</summary>
    public nint NewNativeShared(int nativeIndex, string name, int length, JsValue data)
    {
        nint f = NewObject(JsValue.FromPtr(FunctionPrototype), ObjClass.Function);
        Functions.SetKind(f, FunctionKind.Native);
        Layout.Internal(f, 0) = JsValue.FromInt(nativeIndex);
        Layout.Internal(f, 1) = data;
        Layout.Flags(f) |= CellFlags.Callable;
        SetLengthAndName(f, JsValue.FromInt(length), Str(name));
        return f;
    }

    public string FunctionName(JsValue f)
    {
        if (!IsObject(f)) return "";
        if (GetOwnRaw(f.Ptr, KName, out var v, out var fl) && (fl & PropFlags.Accessor) == 0 && IsString(v)) return ToClr(v);
        return "";
    }
}
