using System.Text;

namespace Flywheel.JsGen;

/// <summary>What a <see cref="Syn"/> node is, which decides how it prints and how it may shrink.</summary>
public enum SynKind
{
    /// <summary>An expression: prints inline; shrinks to one of its sub-expressions.</summary>
    Expr,
    /// <summary>A statement: prints on its own line(s); a compound statement shrinks to the statements of one of its blocks.</summary>
    Stmt,
    /// <summary>A block: a sequence of statements; shrinks by dropping one.</summary>
    Block,
}

/// <summary>
/// A node of a generated program: text pieces interleaved with child nodes
/// (<c>Parts[0] Kids[0] Parts[1] … Kids[n-1] Parts[n]</c>). Immutable, so a shrinker can build
/// smaller variants that share everything they do not change. Child blocks print between braces
/// that the surrounding parts supply.
/// </summary>
public sealed class Syn
{
    Syn(SynKind kind, string[] parts, Syn[] kids)
    {
        if (kind != SynKind.Block && parts.Length != kids.Length + 1) throw new ArgumentException("a node needs one more text part than children");
        Kind = kind;
        Parts = parts;
        Kids = kids;
    }

    /// <summary>The node's kind.</summary>
    public SynKind Kind { get; }

    /// <summary>Text around the children (empty for blocks).</summary>
    public IReadOnlyList<string> Parts { get; }

    /// <summary>The children: sub-expressions and blocks, or a block's statements.</summary>
    public IReadOnlyList<Syn> Kids { get; }

    /// <summary>A leaf expression (literal or name).</summary>
    public static Syn Leaf(string text) => new(SynKind.Expr, [text], []);

    /// <summary>An expression from a template where each <c>$</c> stands for the next child.</summary>
    public static Syn Expr(string template, params Syn[] kids) => new(SynKind.Expr, Split(template, kids.Length), kids);

    /// <summary>A statement from a template where each <c>$</c> stands for the next child (an expression or a block).</summary>
    public static Syn Stmt(string template, params Syn[] kids) => new(SynKind.Stmt, Split(template, kids.Length), kids);

    /// <summary>A node from explicit text parts (for text that contains <c>$</c> itself, like template literals).</summary>
    public static Syn FromParts(SynKind kind, string[] parts, Syn[] kids) => new(kind, parts, kids);

    /// <summary>A block of statements.</summary>
    public static Syn Block(IEnumerable<Syn> statements) => new(SynKind.Block, [], statements.ToArray());

    static string[] Split(string template, int holes)
    {
        var parts = template.Split('$');
        if (parts.Length != holes + 1) throw new ArgumentException($"template '{template}' has {parts.Length - 1} holes for {holes} children");
        return parts;
    }

    /// <summary>Number of nodes in the tree (a size measure for shrinking).</summary>
    public int Size => 1 + Kids.Sum(k => k.Size);

    /// <summary>The JavaScript text of the tree.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        Emit(sb, 0);
        return sb.ToString();
    }

    void Emit(StringBuilder sb, int indent)
    {
        if (Kind == SynKind.Block)
        {
            foreach (var s in Kids)
            {
                sb.Append(' ', indent * 2);
                s.Emit(sb, indent);
                sb.Append('\n');
            }
            return;
        }
        for (int i = 0; i < Kids.Count; i++)
        {
            AppendPart(sb, Parts[i], indent);
            var k = Kids[i];
            if (k.Kind == SynKind.Block)
            {
                sb.Append('\n');
                k.Emit(sb, indent + 1);
                sb.Append(' ', indent * 2);
            }
            else k.Emit(sb, indent);
        }
        AppendPart(sb, Parts[^1], indent);
    }

    static void AppendPart(StringBuilder sb, string part, int indent) =>
        sb.Append(indent == 0 || !part.Contains('\n') ? part : part.Replace("\n", "\n" + new string(' ', indent * 2)));

    Syn WithKids(Syn[] kids) => new(Kind, Parts.ToArray(), kids);

    /// <summary>
    /// Every tree one simplification smaller than this one, most aggressive first: a statement
    /// dropped from a block, a compound statement replaced by the statements of one of its blocks,
    /// an expression replaced by one of its sub-expressions.
    /// </summary>
    public IEnumerable<Syn> Shrinks()
    {
        if (Kind == SynKind.Block)
        {
            // Drop halves and quarters first: large programs shrink in few rounds.
            for (int chunk = Kids.Count / 2; chunk >= 2; chunk /= 2)
                for (int start = 0; start + chunk <= Kids.Count; start += chunk)
                    yield return WithKids([.. Kids.Take(start), .. Kids.Skip(start + chunk)]);
            for (int i = 0; i < Kids.Count; i++)
                yield return WithKids([.. Kids.Take(i), .. Kids.Skip(i + 1)]);
            for (int i = 0; i < Kids.Count; i++)
                if (Kids[i].Kind == SynKind.Stmt)
                    foreach (var b in Kids[i].Kids.Where(k => k.Kind == SynKind.Block))
                        yield return WithKids([.. Kids.Take(i), .. b.Kids, .. Kids.Skip(i + 1)]);
        }
        if (Kind == SynKind.Expr)
            foreach (var k in Kids)
                if (k.Kind == SynKind.Expr) yield return k;
        for (int i = 0; i < Kids.Count; i++)
        {
            foreach (var smaller in Kids[i].Shrinks())
            {
                // A block child must stay a block, an expression child an expression.
                if (smaller.Kind != Kids[i].Kind) continue;
                var kids = Kids.ToArray();
                kids[i] = smaller;
                yield return WithKids(kids);
            }
        }
    }
}
