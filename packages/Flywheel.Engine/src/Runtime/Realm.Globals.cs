using System.Runtime.InteropServices;

namespace Flywheel.Engine.Runtime;

/// <summary>
/// The global environment: the global object (var and function declarations of scripts, built-ins)
/// and the global lexical table (top-level let/const/class, shared by all scripts of the engine).
/// </summary>
internal sealed unsafe partial class Realm
{
    public nint GlobalObject;
    readonly Dictionary<ulong, (int Index, bool IsConst)> globalLexicals = [];

    /// <summary>
    /// The atoms naming global lexical bindings: the table is keyed by their addresses, so the
    /// collector keeps them (the constant pool of the script that declared a binding may be long gone).
    /// </summary>
    public Dictionary<ulong, (int Index, bool IsConst)>.KeyCollection GlobalLexicalNames => globalLexicals.Keys;
    int globalLexicalCapacity;

    /// <summary>Number of global lexical bindings declared.</summary>
    public int GlobalLexicalCount { get; private set; }

    /// <summary>The value of global lexical binding <paramref name="index"/>; a hole means "in TDZ". Part of the root set.</summary>
    public ref JsValue GlobalLexical(int index)
    {
        System.Diagnostics.Debug.Assert((uint)index < (uint)GlobalLexicalCount);
        return ref Validity->GlobalLexicalValues[index];
    }

    int AddGlobalLexicalValue()
    {
        if (GlobalLexicalCount == globalLexicalCapacity)
        {
            globalLexicalCapacity = Math.Max(16, globalLexicalCapacity * 2);
            Validity->GlobalLexicalValues = (JsValue*)NativeMemory.Realloc(Validity->GlobalLexicalValues, (nuint)(globalLexicalCapacity * sizeof(JsValue)));
        }
        Validity->GlobalLexicalValues[GlobalLexicalCount] = JsValue.Empty;
        return GlobalLexicalCount++;
    }

    public JsValue LoadGlobal(JsValue name, bool throwIfMissing)
    {
        if (globalLexicals.TryGetValue(name.Bits, out var lex))
        {
            var v = GlobalLexical(lex.Index);
            if (v.IsEmpty) throw new JsThrow(MakeError(ErrorKind.ReferenceError, $"Cannot access '{ToClr(name)}' before initialization"));
            return v;
        }
        var key = PropKey.FromCell(name.Ptr);
        if (GetOwnRaw(GlobalObject, key, out var val, out var f) && (f & PropFlags.Accessor) == 0) return val;
        if (!HasProperty(GlobalObject, key))
        {
            if (throwIfMissing) throw new JsThrow(MakeError(ErrorKind.ReferenceError, $"{ToClr(name)} is not defined"));
            return JsValue.Undefined;
        }
        return Get(JsValue.FromPtr(GlobalObject), key);
    }

    public void StoreGlobal(JsValue name, JsValue value, bool strict)
    {
        if (globalLexicals.TryGetValue(name.Bits, out var lex))
        {
            if (GlobalLexical(lex.Index).IsEmpty) throw new JsThrow(MakeError(ErrorKind.ReferenceError, $"Cannot access '{ToClr(name)}' before initialization"));
            if (lex.IsConst) throw new JsThrow(MakeError(ErrorKind.TypeError, "Assignment to constant variable."));
            GlobalLexical(lex.Index) = value;
            return;
        }
        var key = PropKey.FromCell(name.Ptr);
        if (strict && !HasProperty(GlobalObject, key)) throw new JsThrow(MakeError(ErrorKind.ReferenceError, $"{ToClr(name)} is not defined"));
        Set(JsValue.FromPtr(GlobalObject), key, value, strict);
    }

    public void DeclareGlobalVar(JsValue name)
    {
        var key = PropKey.FromCell(name.Ptr);
        if (globalLexicals.ContainsKey(name.Bits)) throw new JsThrow(MakeError(ErrorKind.SyntaxError, $"Identifier '{ToClr(name)}' has already been declared"));
        if (!GetOwnRaw(GlobalObject, key, out _, out _)) AddOwn(GlobalObject, key, JsValue.Undefined, PropFlags.Writable | PropFlags.Enumerable);
    }

    public void DeclareGlobalLexical(JsValue name, bool isConst)
    {
        if (globalLexicals.ContainsKey(name.Bits)) throw new JsThrow(MakeError(ErrorKind.SyntaxError, $"Identifier '{ToClr(name)}' has already been declared"));
        GlobalEpoch++; // the new binding shadows a global object property that caches may hold
        globalLexicals[name.Bits] = (AddGlobalLexicalValue(), isConst);
    }

    public void InitGlobalLexical(JsValue name, JsValue value) => GlobalLexical(globalLexicals[name.Bits].Index) = value;

    public bool TryGetGlobalLexical(string name, out JsValue v)
    {
        v = default;
        if (!globalLexicals.TryGetValue((ulong)Intern(name), out var lex)) return false;
        v = GlobalLexical(lex.Index);
        return true;
    }
}
