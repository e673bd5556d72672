using FsCheck;
using FsCheck.Fluent;
using Flywheel.Engine.Runtime;

namespace Flywheel.Engine.Tests;

/// <summary>
/// Ropes (concatenation cells) against System.String: any tree of concatenations reads back as the
/// plain .NET concatenation, before and after flattening and across a collection, compares equal
/// to differently shaped trees with the same chars, and interns to the same atom.
/// </summary>
public class RopeProperties
{
    /// <summary>A concatenation tree: a leaf string or the concatenation of two trees.</summary>
    public sealed record Tree(string? Leaf, Tree? Left, Tree? Right)
    {
        public override string ToString() => Leaf != null ? "\"" + Leaf + "\"" : "(" + Left + " + " + Right + ")";
        public string Clr() => Leaf ?? Left!.Clr() + Right!.Clr();
    }

    static Gen<string> LeafGen() => Gen.OneOf(
        Gen.Elements("", "a", "xyz", "0123456789abcdef", "\uD83D\uDE00", "ü", "long leaf with spaces and more chars"),
        Gen.Choose(0, 40).SelectMany(n => Gen.Elements('a', 'b', 'Z', '\u00e9', '\uD800').ArrayOf(n).Select(cs => new string(cs))));

    static Gen<Tree> TreeGen(int size) => size <= 1
        ? LeafGen().Select(s => new Tree(s, null, null))
        : Gen.OneOf(
            LeafGen().Select(s => new Tree(s, null, null)),
            Gen.Choose(1, size - 1).SelectMany(k => TreeGen(k).SelectMany(l => TreeGen(size - k).Select(r => new Tree(null, l, r)))),
            // long one-sided chains, as `s += x` and `s = x + s` loops build them
            Gen.Choose(1, size).SelectMany(n => LeafGen().ArrayOf(n).Select(leaves =>
                leaves.Aggregate(new Tree("", null, null), (acc, s) => n % 2 == 0 ? new Tree(null, acc, new Tree(s, null, null)) : new Tree(null, new Tree(s, null, null), acc)))));

    static JsValue Build(Realm realm, Tree t) => t.Leaf != null ? realm.Str(t.Leaf) : realm.Concat(Build(realm, t.Left!), Build(realm, t.Right!));

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property RopesReadBackAsTheirConcatenation() =>
        Prop.ForAll(Gen.Sized(n => TreeGen(Math.Max(1, n))).ToArbitrary(), Gen.Choose(0, 3).ToArbitrary(), (tree, mode) =>
        {
            using var realm = new Realm(new EngineLimits());
            string expected = tree.Clr();
            var v = Build(realm, tree);
            realm.PermanentRoots.Add(v);
            if (Realm.ToClr(v) != expected) return false.Label("ToClr before flattening");
            if (mode == 1) realm.Gc.Collect();
            // A second tree with the same chars but another shape (one flat string) must compare equal.
            var flat = realm.Str(expected);
            realm.PermanentRoots.Add(flat);
            if (!Realm.StringEquals(v, flat) || !Realm.StringEquals(flat, v)) return false.Label("StringEquals before flattening");
            if (mode == 2) realm.Gc.Collect();
            if (!realm.Span(v).SequenceEqual(expected)) return false.Label("Span (flattens)");
            if (mode == 3) realm.Gc.Collect();
            if (Realm.ToClr(v) != expected || Layout.StrLength(v.Ptr) != expected.Length) return false.Label("after flattening");
            for (int i = 0; i < expected.Length; i += 1 + expected.Length / 7)
                if (realm.CharAt(v, i) != expected[i]) return false.Label("CharAt " + i);
            var key = realm.KeyFromString(v);
            var direct = realm.Key(expected);
            if (key.Bits != direct.Bits) return false.Label("property key differs from the flat string's");
            return (Realm.FlatStringHash(realm.Flat(v.Ptr)) == Realm.FlatStringHash(flat.Ptr)).Label("hash");
        });

    [Fact]
    public void DeepChainsNeitherRecurseNorFlattenEarly()
    {
        using var realm = new Realm(new EngineLimits());
        var s = realm.EmptyString;
        realm.PermanentRoots.Add(s);
        var piece = realm.Str("piece-of-text");
        for (int i = 0; i < 200_000; i++) s = realm.Concat(s, piece);
        realm.PermanentRoots.Add(s);
        Assert.Equal(0, realm.RopesFlattened);
        realm.Gc.Collect();
        Assert.Equal(200_000 * 13, Layout.StrLength(s.Ptr));
        Assert.Equal('p', realm.CharAt(s, 13 * 199_999));
        Assert.Equal(1, realm.RopesFlattened);
        realm.Gc.Collect();
        Assert.True(realm.Span(s).EndsWith("piece-of-textpiece-of-text"));
    }
}
