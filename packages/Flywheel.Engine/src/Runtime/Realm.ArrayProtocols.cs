namespace Flywheel.Engine.Runtime;

/// <summary>
/// Whether the built-in array protocols are unchanged, so that built-ins and the interpreter may take
/// shortcuts that nothing can observe. Iteration: %Array.prototype%[@@iterator] is the
/// built-in <c>values</c>, %ArrayIteratorPrototype%.next the built-in <c>next</c>, and no object an
/// array iterator inherits from has a <c>return</c> method. Then <c>for-of</c>, spread and array
/// destructuring over a plain array may create the iterator directly and skip closing it, with
/// nothing observable changed. The answer is cached against the prototypes' shapes: a property
/// added, deleted or reconfigured on one of them gives it another shape (or a dictionary shape,
/// which is never cached), and the two method slots are read again on every check, so a plain
/// assignment to them is seen too. Species: ArraySpeciesCreate on a plain array makes a plain array
/// while %Array.prototype%.constructor is %Array% and %Array%[@@species] has its built-in getter
/// (cached the same way against the two objects' shapes).
/// </summary>
internal sealed unsafe partial class Realm
{
    // The shapes the cache was filled from (compared by identity: a freed shape's id may be reused,
    // its managed object is not), and where the two methods live in them.
    Shape? iterationArrayProtoShape, iterationArrayIteratorProtoShape, iterationIteratorProtoShape, iterationObjectProtoShape;
    int arrayProtoIteratorSlot, arrayIteratorNextSlot;
    bool arrayIteratorHasNoReturn;

    /// <summary>True when iterating <paramref name="arr"/> (an array) would use the built-in array iterator unchanged.</summary>
    public bool HasDefaultArrayIteration(nint arr)
    {
        if (Layout.Proto(arr).Bits != (ulong)ArrayPrototype) return false;
        if (ShapeOf(arr).PropertyCount != 0 && GetOwnRaw(arr, PropKey.FromCell(SymIterator), out _, out _)) return false;
        return ArrayIterationMethodsIntact();
    }

    /// <summary>
    /// True when closing <paramref name="iterator"/> does nothing: it is a built-in array iterator
    /// with no own properties, and nothing it inherits has a <c>return</c> property.
    /// </summary>
    public bool IsArrayIteratorWithoutReturn(JsValue iterator) =>
        IsObject(iterator) && Layout.Class(iterator.Ptr) == ObjClass.Iterator
        && Layout.Proto(iterator.Ptr).Bits == (ulong)ArrayIteratorPrototype && ShapeOf(iterator.Ptr).PropertyCount == 0
        && IterationShapesUnchanged() && arrayIteratorHasNoReturn;

    bool ArrayIterationMethodsIntact()
    {
        if (!IterationShapesUnchanged()) return false;
        return Layout.Slots(ArrayPrototype)[arrayProtoIteratorSlot] == ArrayProtoValues.Bits
            && Layout.Slots(ArrayIteratorPrototype)[arrayIteratorNextSlot] == ArrayIteratorNext.Bits;
    }

    /// <summary>Whether the cached facts still describe the prototypes; refills the cache when they can be cached.</summary>
    bool IterationShapesUnchanged()
    {
        if (ReferenceEquals(ShapeOf(ArrayPrototype), iterationArrayProtoShape)
            && ReferenceEquals(ShapeOf(ArrayIteratorPrototype), iterationArrayIteratorProtoShape)
            && ReferenceEquals(ShapeOf(IteratorPrototype), iterationIteratorProtoShape)
            && ReferenceEquals(ShapeOf(ObjectPrototype), iterationObjectProtoShape)
            && PrototypeLinksUnchanged())
            return true;
        return RefillIterationCache();
    }

    // %Object.prototype% has an immutable [[Prototype]]; the other two links can be changed.
    bool PrototypeLinksUnchanged() =>
        Layout.Proto(ArrayIteratorPrototype).Bits == (ulong)IteratorPrototype && Layout.Proto(IteratorPrototype).Bits == (ulong)ObjectPrototype;

    bool RefillIterationCache()
    {
        iterationArrayProtoShape = null;
        Shape arrayProto = ShapeOf(ArrayPrototype), iteratorProto = ShapeOf(ArrayIteratorPrototype);
        Shape baseIteratorProto = ShapeOf(IteratorPrototype), objectProto = ShapeOf(ObjectPrototype);
        if (arrayProto.IsDictionary || iteratorProto.IsDictionary || baseIteratorProto.IsDictionary || objectProto.IsDictionary || !PrototypeLinksUnchanged())
            return false;
        if (!arrayProto.TryGet(PropKey.FromCell(SymIterator).Bits, out var iteratorEntry) || (iteratorEntry.Flags & PropFlags.Accessor) != 0) return false;
        if (!iteratorProto.TryGet(KNext.Bits, out var nextEntry) || (nextEntry.Flags & PropFlags.Accessor) != 0) return false;
        arrayProtoIteratorSlot = iteratorEntry.Slot;
        arrayIteratorNextSlot = nextEntry.Slot;
        arrayIteratorHasNoReturn = !iteratorProto.TryGet(KReturn.Bits, out _) && !baseIteratorProto.TryGet(KReturn.Bits, out _) && !objectProto.TryGet(KReturn.Bits, out _);
        iterationArrayProtoShape = arrayProto;
        iterationArrayIteratorProtoShape = iteratorProto;
        iterationIteratorProtoShape = baseIteratorProto;
        iterationObjectProtoShape = objectProto;
        return true;
    }

    Shape? speciesArrayProtoShape, speciesArrayConstructorShape;
    int arrayProtoConstructorSlot, arraySpeciesSlot;

    /// <summary>
    /// True when ArraySpeciesCreate(<paramref name="arr"/>) (an array) makes a plain array: it has no
    /// own properties, inherits from %Array.prototype%, and constructor and @@species are the built-ins.
    /// </summary>
    public bool HasDefaultArraySpecies(nint arr)
    {
        if (Layout.Proto(arr).Bits != (ulong)ArrayPrototype || ShapeOf(arr).PropertyCount != 0) return false;
        if (!ReferenceEquals(ShapeOf(ArrayPrototype), speciesArrayProtoShape) || !ReferenceEquals(ShapeOf(ArrayConstructor), speciesArrayConstructorShape))
        {
            if (!RefillSpeciesCache()) return false;
        }
        if (Layout.Slots(ArrayPrototype)[arrayProtoConstructorSlot] != (ulong)ArrayConstructor) return false;
        var species = new JsValue(Layout.Slots(ArrayConstructor)[arraySpeciesSlot]);
        return species.IsCell && Layout.Kind(species.Ptr) == CellKind.Accessor && Layout.Val(species.Ptr, 8).Bits == (ulong)ArraySpeciesGetter;
    }

    bool RefillSpeciesCache()
    {
        speciesArrayProtoShape = null;
        Shape arrayProto = ShapeOf(ArrayPrototype), constructor = ShapeOf(ArrayConstructor);
        if (arrayProto.IsDictionary || constructor.IsDictionary) return false;
        if (!arrayProto.TryGet(KConstructor.Bits, out var constructorEntry) || (constructorEntry.Flags & PropFlags.Accessor) != 0) return false;
        if (!constructor.TryGet(PropKey.FromCell(SymSpecies).Bits, out var speciesEntry) || (speciesEntry.Flags & PropFlags.Accessor) == 0) return false;
        arrayProtoConstructorSlot = constructorEntry.Slot;
        arraySpeciesSlot = speciesEntry.Slot;
        speciesArrayProtoShape = arrayProto;
        speciesArrayConstructorShape = constructor;
        return true;
    }
}
