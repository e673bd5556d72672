using System.Runtime.CompilerServices;

namespace Flywheel.Engine.Runtime;

/// <summary>Heap strings (flat UTF-16) and the atom table of interned property keys.</summary>
internal sealed unsafe partial class Realm
{
    readonly Dictionary<string, nint> atoms = new(StringComparer.Ordinal);
    Dictionary<string, nint>.AlternateLookup<ReadOnlySpan<char>> atomLookup;
    readonly JsValue[] singleChars = new JsValue[128];
    public JsValue EmptyString;

    void InitStrings()
    {
        atomLookup = atoms.GetAlternateLookup<ReadOnlySpan<char>>();
        EmptyString = JsValue.FromPtr(Intern(""));
        PermanentRoots.Add(EmptyString);
        for (int i = 0; i < 128; i++) { singleChars[i] = JsValue.FromPtr(Intern(((char)i).ToString())); PermanentRoots.Add(singleChars[i]); }
    }

    public nint AllocString(int length)
    {
        if (length > MaxStringLength) throw new JsThrow(MakeError(ErrorKind.RangeError, "Invalid string length"));
        nint s = Heap.Allocate(Layout.StringChars + 2 * length, CellKind.String);
        Layout.Aux(s) = (uint)length;
        return s;
    }

    public const int MaxStringLength = (1 << 29) - 24;

    public JsValue NewString(ReadOnlySpan<char> chars)
    {
        if (chars.Length == 0) return EmptyString;
        if (chars.Length == 1 && chars[0] < 128) return singleChars[chars[0]];
        nint s = AllocString(chars.Length);
        chars.CopyTo(new Span<char>(Layout.StrChars(s), chars.Length));
        return JsValue.FromPtr(s);
    }

    public JsValue Str(string s) => NewString(s.AsSpan());

    public JsValue CharString(char c) => c < 128 ? singleChars[c] : NewString([c]);

    public JsValue Concat(JsValue a, JsValue b)
    {
        int la = Layout.StrLength(a.Ptr), lb = Layout.StrLength(b.Ptr);
        if (la == 0) return b;
        if (lb == 0) return a;
        nint s = AllocString(la + lb);
        var dst = new Span<char>(Layout.StrChars(s), la + lb);
        Layout.StrSpan(a.Ptr).CopyTo(dst);
        Layout.StrSpan(b.Ptr).CopyTo(dst[la..]);
        return JsValue.FromPtr(s);
    }

    /// <summary>Interns a string; atoms are permanent and flagged, so interning an atom is free.</summary>
    public nint Intern(ReadOnlySpan<char> chars)
    {
        if (atomLookup.TryGetValue(chars, out var p)) return p;
        var str = chars.ToString();
        nint s = Heap.Allocate(Layout.StringChars + 2 * chars.Length, CellKind.String);
        Layout.Aux(s) = (uint)chars.Length;
        chars.CopyTo(new Span<char>(Layout.StrChars(s), chars.Length));
        Layout.Flags(s) |= CellFlags.Atom;
        atoms[str] = s;
        return s;
    }

    public nint Intern(string s) => Intern(s.AsSpan());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public nint InternCell(nint str) => (Layout.Flags(str) & CellFlags.Atom) != 0 ? str : Intern(Layout.StrSpan(str));

    public int AtomCount => atoms.Count;

    /// <summary>Called by the sweeper when an atom dies.</summary>
    void ForgetAtom(nint s)
    {
        if (atomLookup.TryGetValue(Layout.StrSpan(s), out var p) && p == s) atoms.Remove(new string(Layout.StrSpan(s)));
    }
    public IEnumerable<nint> AllAtoms => atoms.Values;

    public static string ToClr(JsValue s) => new(Layout.StrSpan(s.Ptr));
    public static ReadOnlySpan<char> Span(JsValue s) => Layout.StrSpan(s.Ptr);

    public static bool IsString(JsValue v) => v.IsCell && Layout.Kind(v.Ptr) == CellKind.String;
    public static bool IsSymbol(JsValue v) => v.IsCell && Layout.Kind(v.Ptr) == CellKind.Symbol;
    public static bool IsObject(JsValue v) => v.IsCell && Layout.Kind(v.Ptr) == CellKind.Object;

    public static bool StringEquals(JsValue a, JsValue b) => a.Bits == b.Bits || Span(a).SequenceEqual(Span(b));

    /// <summary>The property key for a string: an array index if canonical, else its atom.</summary>
    public PropKey KeyFromString(JsValue s)
    {
        var span = Span(s);
        if (TryArrayIndex(span, out uint idx)) return PropKey.FromIndex(idx);
        return PropKey.FromCell(InternCell(s.Ptr));
    }

    public PropKey Key(string s)
    {
        if (TryArrayIndex(s, out uint idx)) return PropKey.FromIndex(idx);
        return PropKey.FromCell(Intern(s));
    }

    public static bool TryArrayIndex(ReadOnlySpan<char> s, out uint index)
    {
        index = 0;
        if (s.Length == 0 || s.Length > 10) return false;
        if (s[0] == '0') return s.Length == 1;
        ulong v = 0;
        foreach (char c in s)
        {
            if (c < '0' || c > '9') return false;
            v = v * 10 + (uint)(c - '0');
        }
        if (v >= uint.MaxValue) return false;
        index = (uint)v;
        return true;
    }

    /// <summary>The key's string form (for error messages, Object.keys); symbols give their description.</summary>
    public JsValue KeyToValue(PropKey k) => k.IsIndex ? Str(k.Index.ToString()) : JsValue.FromPtr(k.Ptr);

    public string KeyToClr(PropKey k)
    {
        if (k.IsIndex) return k.Index.ToString();
        if (Layout.Kind(k.Ptr) == CellKind.Symbol)
        {
            var d = Layout.Val(k.Ptr, 8);
            return d.IsUndefined ? "Symbol()" : "Symbol(" + ToClr(d) + ")";
        }
        return new string(Layout.StrSpan(k.Ptr));
    }
}
