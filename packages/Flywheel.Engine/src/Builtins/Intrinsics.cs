namespace Flywheel.Engine.Runtime
{
    internal sealed partial class Realm
    {
        public nint ObjectPrototype, FunctionPrototype, ArrayPrototype, StringPrototype, NumberPrototype, BooleanPrototype,
            SymbolPrototype, IteratorPrototype, ArrayIteratorPrototype, GeneratorPrototype, GeneratorFunctionPrototype,
            MapPrototype, SetPrototype, WeakMapPrototype, WeakSetPrototype, RegExpPrototype, DatePrototype, PromisePrototype,
            ArrayBufferPrototype, TypedArrayPrototype, MapIteratorPrototype, SetIteratorPrototype, StringIteratorPrototype,
            RegExpStringIteratorPrototype, AsyncFunctionPrototype, WeakRefPrototype, FinalizationRegistryPrototype, ThrowTypeErrorFn, ObjectConstructor, ArrayConstructor;
        /// <summary>%GeneratorPrototype%.next as created (a permanent root, so its address is never reused).</summary>
        public JsValue GeneratorNext;
        /// <summary>The getter of Array[@@species] as created (a permanent root).</summary>
        public nint ArraySpeciesGetter;
        public JsValue ArrayIteratorNext, FunctionProtoHasInstance, ArrayProtoValues, NativeCallIndex, NativeApplyIndex;

        /// <summary>
        /// The native indices (<c>Layout.Internal(f, 0)</c>, int32 values) of the built-ins baseline code
        /// computes inline at call sites, by <see cref="InlinableNative"/>; empty until the built-in is
        /// created (Math is a lazy global). An index names the .NET implementation, so any function
        /// object with it behaves as the built-in, and indices are never reused.
        /// </summary>
        public readonly JsValue[] InlinableNatives = new JsValue[(int)InlinableNative.Count];

        public JsValue IterResult(JsValue value, bool done)
        {
            nint o = NewObject(JsValue.FromPtr(ObjectPrototype));
            AddOwn(o, KValue, value, PropFlags.Default);
            AddOwn(o, KDone, JsValue.FromBool(done), PropFlags.Default);
            return JsValue.FromPtr(o);
        }
    }
}

namespace Flywheel.Engine.Runtime
{
    /// <summary>Built-ins whose calls baseline code computes inline (<see cref="Realm.InlinableNatives"/>).</summary>
    internal enum InlinableNative { MathSqrt, MathFloor, MathCeil, MathAbs, MathMin, MathMax, MathImul, StringCharCodeAt, ArrayPush, Count }
}

namespace Flywheel.Engine.Builtins
{
    /// <summary>Creates the intrinsic objects and the global object of a realm.</summary>
    internal static class Intrinsics
    {
        public static void Init(Realm r)
        {
            nint P(JsValue proto, ObjClass cls = ObjClass.Ordinary) => Proto(r, proto, cls);
            r.ObjectPrototype = P(JsValue.Null);
            var op = JsValue.FromPtr(r.ObjectPrototype);
            r.FunctionPrototype = P(op, ObjClass.Function);
            Functions.SetKind(r.FunctionPrototype, FunctionKind.Native);
            r.Natives.Add((Realm _, in CallArgs _) => JsValue.Undefined);
            r.NativeNames.Add("");
            Layout.Internal(r.FunctionPrototype, 0) = JsValue.FromInt(r.Natives.Count - 1);
            Layout.Flags(r.FunctionPrototype) |= CellFlags.Callable;
            r.ArrayPrototype = P(op, ObjClass.Array);
            Layout.Internal(r.ArrayPrototype, 0) = JsValue.Zero;
            r.StringPrototype = P(op, ObjClass.String);
            Layout.Internal(r.StringPrototype, 0) = r.EmptyString;
            r.NumberPrototype = P(op, ObjClass.Number);
            Layout.Internal(r.NumberPrototype, 0) = JsValue.Zero;
            r.BooleanPrototype = P(op, ObjClass.Boolean);
            Layout.Internal(r.BooleanPrototype, 0) = JsValue.False;
            r.SymbolPrototype = P(op);
            r.IteratorPrototype = P(op);
            var ip = JsValue.FromPtr(r.IteratorPrototype);
            r.ArrayIteratorPrototype = P(ip);
            r.StringIteratorPrototype = P(ip);
            r.RegExpStringIteratorPrototype = P(ip);
            r.GeneratorPrototype = P(ip);
            r.GeneratorFunctionPrototype = P(JsValue.FromPtr(r.FunctionPrototype));
            r.AsyncFunctionPrototype = P(JsValue.FromPtr(r.FunctionPrototype));
            for (int i = 0; i < r.ErrorPrototypes.Length; i++) r.ErrorPrototypes[i] = P(i == 0 ? op : JsValue.FromPtr(r.ErrorPrototypes[0]));
            r.RegExpPrototype = P(op);
            r.PromisePrototype = P(op);
            r.GlobalObject = P(op);
            // Born in dictionary mode: its shape carries the hook that creates lazy globals (Realm.LazyGlobals).
            Layout.ShapePtr(r.GlobalObject) = r.Shapes.ToDictionary(r.Shapes.Root).Cell;

            r.ThrowTypeErrorFn = r.NewNative("", 0, (Realm rr, in CallArgs a) => throw new JsThrow(rr.MakeError(ErrorKind.TypeError, "'caller', 'callee', and 'arguments' properties may not be accessed on strict mode functions or the arguments objects for calls to them")));
            r.PermanentRoots.Add(JsValue.FromPtr(r.ThrowTypeErrorFn));

            var g = r.GlobalObject;
            r.DefineData(g, "globalThis", JsValue.FromPtr(g));
            r.DefineData(g, "undefined", JsValue.Undefined, PropFlags.None);
            r.DefineData(g, "NaN", JsValue.NaN, PropFlags.None);
            r.DefineData(g, "Infinity", JsValue.FromDoubleRaw(double.PositiveInfinity), PropFlags.None);

            ObjectBuiltins.Setup(r);
            FunctionBuiltins.Setup(r);
            ArrayPrototype.Setup(r);
            ArrayIterators.Setup(r);
            StringBuiltins.Setup(r);
            NumberBuiltins.Setup(r);
            BooleanBuiltins.Setup(r);
            IteratorBuiltins.Setup(r);
            GlobalFunctions.Setup(r);
            ConsoleBuiltins.Setup(r);
            RegExpBuiltins.SetupKeys(r);
            PromiseBuiltins.SetupNatives(r);

            // Created on first lookup of one of their globals (or when the global object's keys are
            // listed). Nothing outside each group's own code refers to its prototypes before then.
            // Symbol, the errors, RegExp and Promise have instances before their globals are looked up
            // (symbols, thrown errors, literals, async functions), so their prototypes exist from the
            // start, empty, and a lookup that misses on one of them creates the group too.
            r.AddLazyGlobals(["Symbol"], SymbolBuiltins.Setup, r.SymbolPrototype);
            r.AddLazyGlobals(Enum.GetNames<ErrorKind>(), ErrorBuiltins.Setup, r.ErrorPrototypes);
            r.AddLazyGlobals(["RegExp"], RegExpBuiltins.Setup, r.RegExpPrototype, r.RegExpStringIteratorPrototype);
            r.AddLazyGlobals(["Promise", "queueMicrotask", "setTimeout", "setInterval", "clearTimeout", "clearInterval", "setImmediate"], PromiseBuiltins.Setup, r.PromisePrototype);
            r.AddLazyGlobals(["Math"], MathBuiltins.Setup);
            r.AddLazyGlobals(["JSON"], JsonBuiltins.Setup);
            r.AddLazyGlobals(["Reflect"], ReflectBuiltins.Setup);
            r.AddLazyGlobals(["Map", "Set", "WeakMap", "WeakSet"], r =>
            {
                var op = JsValue.FromPtr(r.ObjectPrototype);
                var ip = JsValue.FromPtr(r.IteratorPrototype);
                r.MapIteratorPrototype = Proto(r, ip);
                r.SetIteratorPrototype = Proto(r, ip);
                r.MapPrototype = Proto(r, op);
                r.SetPrototype = Proto(r, op);
                r.WeakMapPrototype = Proto(r, op);
                r.WeakSetPrototype = Proto(r, op);
                CollectionBuiltins.Setup(r);
            });
            r.AddLazyGlobals(["WeakRef", "FinalizationRegistry"], r =>
            {
                r.WeakRefPrototype = Proto(r, JsValue.FromPtr(r.ObjectPrototype));
                r.FinalizationRegistryPrototype = Proto(r, JsValue.FromPtr(r.ObjectPrototype));
                WeakRefBuiltins.Setup(r);
            });
            r.AddLazyGlobals(["Date"], r =>
            {
                r.DatePrototype = Proto(r, JsValue.FromPtr(r.ObjectPrototype));
                DateBuiltins.Setup(r);
            });
            r.AddLazyGlobals(["ArrayBuffer", .. Enum.GetValues<TypedKind>().Select(k => k + "Array")], r =>
            {
                r.ArrayBufferPrototype = Proto(r, JsValue.FromPtr(r.ObjectPrototype));
                r.TypedArrayPrototype = Proto(r, JsValue.FromPtr(r.ObjectPrototype));
                TypedArrayBuiltins.Setup(r);
            });
        }

        /// <summary>A new intrinsic object (a prototype, usually), rooted for the life of the realm.</summary>
        static nint Proto(Realm r, JsValue proto, ObjClass cls = ObjClass.Ordinary)
        {
            nint o = r.NewObject(proto, cls);
            r.PermanentRoots.Add(JsValue.FromPtr(o));
            return o;
        }
    }

    /// <summary>Helpers for defining built-ins and reading their arguments.</summary>
    internal static class Def
    {
        public static nint Method(Realm r, nint obj, string name, int length, NativeFn fn)
        {
            var key = r.Key(name);
            // The property key's atom doubles as the function's name string (one string fewer per built-in).
            nint f = key.IsIndex ? r.NewNative(name, length, fn) : r.NewNative(name, JsValue.FromPtr(key.Ptr), length, fn);
            r.DefineData(obj, key, JsValue.FromPtr(f), PropFlags.Hidden);
            return f;
        }

        public static nint SymbolMethod(Realm r, nint obj, nint sym, string name, int length, NativeFn fn, PropFlags flags = PropFlags.Hidden)
        {
            nint f = r.NewNative(name, length, fn);
            r.DefineData(obj, PropKey.FromCell(sym), JsValue.FromPtr(f), flags);
            return f;
        }

        /// <summary>Defines a configurable accessor with a native getter and no setter; returns the getter.</summary>
        public static nint Getter(Realm r, nint obj, string name, NativeFn fn, PropKey? key = null)
        {
            nint f = r.NewNative("get " + name, 0, fn);
            r.DefineAccessor(obj, key ?? r.Key(name), JsValue.FromPtr(f), JsValue.Undefined, PropFlags.Configurable);
            return f;
        }

        /// <summary>Creates a constructor function with its prototype object wired both ways, and installs it on the global object.</summary>
        public static nint Constructor(Realm r, string name, int length, NativeFn fn, nint prototype)
        {
            nint c = r.NewNative(name, length, fn, constructor: true);
            r.DefineData(c, r.KPrototype, JsValue.FromPtr(prototype), PropFlags.None);
            r.DefineData(prototype, r.KConstructor, JsValue.FromPtr(c), PropFlags.Hidden);
            r.DefineData(r.GlobalObject, name, JsValue.FromPtr(c));
            return c;
        }

        public static void ToStringTag(Realm r, nint obj, string tag) =>
            r.DefineData(obj, PropKey.FromCell(r.SymToStringTag), r.Str(tag), PropFlags.Configurable);

        public static JsThrow TypeError(Realm r, string msg) => new(r.MakeError(ErrorKind.TypeError, msg));
        public static JsThrow RangeError(Realm r, string msg) => new(r.MakeError(ErrorKind.RangeError, msg));

        /// <summary>The prototype for an object created by a constructor called with <paramref name="newTarget"/> (GetPrototypeFromConstructor).</summary>
        public static JsValue ProtoFrom(Realm r, JsValue newTarget, nint fallback)
        {
            if (newTarget.IsUndefined || newTarget.IsEmpty) return JsValue.FromPtr(fallback);
            var p = r.Get(newTarget, r.KPrototype);
            return Realm.IsObject(p) ? p : JsValue.FromPtr(fallback);
        }

        public static int RelativeIndex(Realm r, JsValue v, int length, int dflt)
        {
            if (v.IsUndefined) return dflt;
            double d = r.ToIntegerOrInfinity(v);
            if (d < 0) return (int)Math.Max(0, length + d);
            return (int)Math.Min(d, length);
        }
    }
}
