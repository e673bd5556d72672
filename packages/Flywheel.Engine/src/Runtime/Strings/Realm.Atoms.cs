namespace Flywheel.Engine.Runtime;

/// <summary>Atoms and well-known symbols the runtime uses by name.</summary>
internal sealed partial class Realm
{
    public PropKey KLength, KPrototype, KConstructor, KName, KMessage, KStack, KToString, KValueOf, KNext, KDone, KValue,
        KGet, KSet, KEnumerable, KConfigurable, KWritable, KCallee, KCause, KLastIndex, KIndex, KInput, KGroups, KToJSON,
        KRaw, KReturn, KThrow, KErrors, KJoin, KFlags, KSource;
    public nint SymIterator, SymAsyncIterator, SymToPrimitive, SymHasInstance, SymToStringTag, SymSpecies, SymIsConcatSpreadable, SymUnscopables, SymMatch, SymMatchAll, SymReplace, SymSearch, SymSplit;

    void InitAtoms()
    {
        InitStrings();
        PropKey A(string s) { var k = PropKey.FromCell(Intern(s)); PermanentRoots.Add(JsValue.FromPtr(k.Ptr)); return k; }
        KLength = A("length"); KPrototype = A("prototype"); KConstructor = A("constructor"); KName = A("name");
        KMessage = A("message"); KStack = A("stack"); KToString = A("toString"); KValueOf = A("valueOf");
        KNext = A("next"); KDone = A("done"); KValue = A("value"); KGet = A("get"); KSet = A("set");
        KEnumerable = A("enumerable"); KConfigurable = A("configurable"); KWritable = A("writable");
        KCallee = A("callee"); KCause = A("cause"); KLastIndex = A("lastIndex"); KIndex = A("index");
        KInput = A("input"); KGroups = A("groups"); KToJSON = A("toJSON"); KRaw = A("raw"); KReturn = A("return");
        KThrow = A("throw"); KErrors = A("errors"); KJoin = A("join"); KFlags = A("flags"); KSource = A("source");
        nint S(string d) { var s = NewSymbol(Str(d)); PermanentRoots.Add(JsValue.FromPtr(s)); return s; }
        SymIterator = S("Symbol.iterator"); SymAsyncIterator = S("Symbol.asyncIterator");
        SymToPrimitive = S("Symbol.toPrimitive"); SymHasInstance = S("Symbol.hasInstance");
        SymToStringTag = S("Symbol.toStringTag"); SymSpecies = S("Symbol.species");
        SymIsConcatSpreadable = S("Symbol.isConcatSpreadable"); SymUnscopables = S("Symbol.unscopables"); SymMatch = S("Symbol.match");
        SymMatchAll = S("Symbol.matchAll"); SymReplace = S("Symbol.replace"); SymSearch = S("Symbol.search"); SymSplit = S("Symbol.split");
    }
}
