using System.Runtime.CompilerServices;

namespace Flywheel.Engine.Runtime;

/// <summary>Heap strings (flat UTF-16 or ropes), concatenation, and the atom table of interned property keys.</summary>
internal sealed unsafe partial class Realm
{
    readonly Dictionary<string, nint> atoms = new(512, StringComparer.Ordinal); // a new realm interns about 260
    Dictionary<string, nint>.AlternateLookup<ReadOnlySpan<char>> atomLookup;
    readonly JsValue[] singleChars = new JsValue[128];
    public JsValue EmptyString;

    void InitStrings()
    {
        atomLookup = atoms.GetAlternateLookup<ReadOnlySpan<char>>();
        EmptyString = JsValue.FromPtr(Intern(""));
        PermanentRoots.Add(EmptyString);
    }

    /// <summary>The interned one-char string for an ASCII char, created on first use (most engines never need most of them).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    JsValue SingleChar(char c)
    {
        var v = singleChars[c];
        return v.Bits != 0 ? v : NewSingleChar(c);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    JsValue NewSingleChar(char c)
    {
        var v = JsValue.FromPtr(Intern([c]));
        singleChars[c] = v;
        PermanentRoots.Add(v);
        return v;
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
        if (chars.Length == 1 && chars[0] < 128) return SingleChar(chars[0]);
        nint s = AllocString(chars.Length);
        chars.CopyTo(new Span<char>(Layout.FlatChars(s), chars.Length));
        return JsValue.FromPtr(s);
    }

    public JsValue Str(string s) => NewString(s.AsSpan());

    public JsValue CharString(char c) => c < 128 ? SingleChar(c) : NewString([c]);

    /// <summary>Concatenations shorter than this are copied flat: a rope cell would cost as much as the chars.</summary>
    public const int MinRopeLength = 13;

    /// <summary>
    /// String concatenation in O(1): a rope cell pointing at both halves, flattened only when
    /// something needs the chars (<see cref="Flat"/>). Short results are copied flat.
    /// </summary>
    public JsValue Concat(JsValue a, JsValue b)
    {
        int la = Layout.StrLength(a.Ptr), lb = Layout.StrLength(b.Ptr);
        if (la == 0) return b;
        if (lb == 0) return a;
        long len = (long)la + lb;
        if (len > MaxStringLength) throw new JsThrow(MakeError(ErrorKind.RangeError, "Invalid string length"));
        if (len < MinRopeLength)
        {
            nint s = AllocString((int)len);
            var dst = new Span<char>(Layout.FlatChars(s), (int)len);
            CopyChars(a.Ptr, dst);
            CopyChars(b.Ptr, dst[la..]);
            return JsValue.FromPtr(s);
        }
        nint rope = Heap.Allocate(Layout.RopeSize, CellKind.String);
        Layout.Aux(rope) = (uint)len;
        Layout.Flags(rope) |= CellFlags.Rope;
        Layout.RopeLeftPtr(rope) = a.Ptr;
        Layout.RopeRightPtr(rope) = b.Ptr;
        Heap.Table->RopesCreated++;
        return JsValue.FromPtr(rope);
    }

    /// <summary>Ropes made so far (counted in the allocation table, where baseline code's inline concatenation counts them too).</summary>
    public long RopesCreated => Heap.Table->RopesCreated;

    /// <summary>Ropes flattened so far (for tests).</summary>
    public long RopesFlattened;

    /// <summary>
    /// The flat string holding the chars of <paramref name="s"/>: <paramref name="s"/> itself, or for
    /// a rope its flattened form (made now if needed and remembered in the rope). Allocates but
    /// never collects, so the result is valid until the next safepoint as long as <paramref name="s"/> is.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public nint Flat(nint s)
    {
        if (!Layout.IsRope(s)) return s;
        if (Layout.RopeRightPtr(s) == 0) return Layout.RopeLeftPtr(s);
        return FlattenRope(s);
    }

    nint FlattenRope(nint rope)
    {
        int len = Layout.StrLength(rope);
        nint flat = AllocString(len);
        CopyChars(rope, new Span<char>(Layout.FlatChars(flat), len));
        Layout.RopeLeftPtr(rope) = flat;
        Layout.RopeRightPtr(rope) = 0;
        RopesFlattened++;
        return flat;
    }

    [ThreadStatic] static Stack<(nint Cell, int Offset)>? copyStack;

    /// <summary>
    /// Writes the chars of any string (flat or rope) to <paramref name="dst"/> without flattening it.
    /// Iterative with an explicit stack, so rope depth never touches the .NET stack.
    /// </summary>
    public static void CopyChars(nint s, Span<char> dst)
    {
        if (!Layout.IsRope(s)) { Layout.FlatSpan(s).CopyTo(dst); return; }
        var stack = copyStack ??= new Stack<(nint, int)>();
        int baseCount = stack.Count;
        nint cell = s;
        int offset = 0;
        while (true)
        {
            // Walk down the left spine, leaving right children for later.
            while (Layout.IsRope(cell))
            {
                nint right = Layout.RopeRightPtr(cell);
                nint left = Layout.RopeLeftPtr(cell);
                if (right != 0) stack.Push((right, offset + Layout.StrLength(left)));
                cell = left;
            }
            Layout.FlatSpan(cell).CopyTo(dst[offset..]);
            if (stack.Count == baseCount) return;
            (cell, offset) = stack.Pop();
        }
    }

    /// <summary>The chars of a string value (flattening a rope); valid until the next safepoint while the string is reachable.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<char> Span(JsValue s) => Layout.FlatSpan(Flat(s.Ptr));

    /// <summary>The code unit at <paramref name="index"/> (in range) of a string value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public char CharAt(JsValue s, int index) => Layout.FlatChars(Flat(s.Ptr))[index];

    /// <summary>A substring as a new heap string (shares nothing with the source).</summary>
    public JsValue Substring(JsValue s, int start, int length)
    {
        if (length == 0) return EmptyString;
        if (start == 0 && length == Layout.StrLength(s.Ptr)) return s;
        return NewString(Span(s).Slice(start, length));
    }

    /// <summary>The hash of a flat string's chars (equal strings agree), cached in the cell; never 0.</summary>
    public static uint FlatStringHash(nint flat)
    {
        ref uint h = ref Layout.StrHash(flat);
        if (h == 0) h = (uint)string.GetHashCode(Layout.FlatSpan(flat)) | 1;
        return h;
    }

    /// <summary>Interns a string; atoms are permanent and flagged, so interning an atom is free.</summary>
    public nint Intern(ReadOnlySpan<char> chars) => Intern(chars, null);

    /// <summary>Interns a .NET string, keeping that string as the table's key (built-in names need no copy).</summary>
    public nint Intern(string s) => Intern(s.AsSpan(), s);

    nint Intern(ReadOnlySpan<char> chars, string? str)
    {
        if (atomLookup.TryGetValue(chars, out var p)) return p;
        str ??= chars.ToString();
        nint s = Heap.Allocate(Layout.StringChars + 2 * chars.Length, CellKind.String);
        Layout.Aux(s) = (uint)chars.Length;
        chars.CopyTo(new Span<char>(Layout.FlatChars(s), chars.Length));
        Layout.Flags(s) |= CellFlags.Atom;
        atoms[str] = s;
        return s;
    }


    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public nint InternCell(nint str) => (Layout.Flags(str) & CellFlags.Atom) != 0 ? str : Intern(Layout.FlatSpan(Flat(str)));

    public int AtomCount => atoms.Count;

    /// <summary>Called by the sweeper when an atom dies.</summary>
    void ForgetAtom(nint s)
    {
        if (atomLookup.TryGetValue(Layout.FlatSpan(s), out var p) && p == s) atomLookup.Remove(Layout.FlatSpan(s));
    }
    public IEnumerable<nint> AllAtoms => atoms.Values;

    /// <summary>A .NET copy of a string value (a rope is copied without being flattened).</summary>
    public static string ToClr(JsValue s)
    {
        nint p = s.Ptr;
        if (!Layout.IsRope(p)) return new(Layout.FlatSpan(p));
        if (Layout.RopeRightPtr(p) == 0) return new(Layout.FlatSpan(Layout.RopeLeftPtr(p)));
        return string.Create(Layout.StrLength(p), p, static (dst, cell) => CopyChars(cell, dst));
    }

    public static bool IsString(JsValue v) => v.IsCell && Layout.Kind(v.Ptr) == CellKind.String;
    public static bool IsSymbol(JsValue v) => v.IsCell && Layout.Kind(v.Ptr) == CellKind.Symbol;
    public static bool IsObject(JsValue v) => v.IsCell && Layout.Kind(v.Ptr) == CellKind.Object;

    nint clrCacheCell;
    int clrCacheEpoch = -1;
    string clrCacheValue = "";

    /// <summary>
    /// <see cref="ToClr"/> with a one-entry cache keyed by cell and GC epoch, for APIs that need a
    /// .NET string of the same long subject many times (RegExp exec loops over one input). A cell
    /// can only be freed and reused by a collection, and strings are immutable, so the pair
    /// (address, collection count) names the same chars for as long as it matches.
    /// </summary>
    public string ToClrCached(JsValue s)
    {
        if (s.Ptr == clrCacheCell && clrCacheEpoch == Gc.Collections) return clrCacheValue;
        var str = ToClr(s);
        if (str.Length >= 64) { clrCacheCell = s.Ptr; clrCacheEpoch = Gc.Collections; clrCacheValue = str; }
        return str;
    }

    /// <summary>String equality by chars; works on ropes without flattening them (so it needs no realm).</summary>
    public static bool StringEquals(JsValue a, JsValue b)
    {
        if (a.Bits == b.Bits) return true;
        int len = Layout.StrLength(a.Ptr);
        if (len != Layout.StrLength(b.Ptr)) return false;
        nint fa = FlatIfReady(a.Ptr), fb = FlatIfReady(b.Ptr);
        if (fa != 0 && fb != 0) return Layout.FlatSpan(fa).SequenceEqual(Layout.FlatSpan(fb));
        char[] bufA = System.Buffers.ArrayPool<char>.Shared.Rent(len), bufB = System.Buffers.ArrayPool<char>.Shared.Rent(len);
        CopyChars(a.Ptr, bufA.AsSpan(0, len));
        CopyChars(b.Ptr, bufB.AsSpan(0, len));
        bool eq = bufA.AsSpan(0, len).SequenceEqual(bufB.AsSpan(0, len));
        System.Buffers.ArrayPool<char>.Shared.Return(bufA);
        System.Buffers.ArrayPool<char>.Shared.Return(bufB);
        return eq;
    }

    /// <summary>The flat cell for a string if no flattening is needed, else 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static nint FlatIfReady(nint s) => !Layout.IsRope(s) ? s : Layout.RopeRightPtr(s) == 0 ? Layout.RopeLeftPtr(s) : 0;

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
        return new string(Layout.FlatSpan(k.Ptr));
    }
}
