using Flywheel.Engine.Builtins;

namespace Flywheel.Engine.Runtime;

/// <summary>RegExp intrinsics the String and RegExp built-ins compare against to take their fast paths.</summary>
internal sealed partial class Realm
{
    /// <summary>%RegExp.prototype.exec% and %RegExp%.</summary>
    public JsValue RegExpExecFn, RegExpConstructorFn;
    /// <summary>The "exec" atom.</summary>
    public PropKey KExec;

    /// <summary>The last long subject folded by each case folding (without /u, with /u) and its folding.</summary>
    readonly string?[] foldedFrom = new string?[2], folded = new string?[2];

    /// <summary>
    /// <paramref name="s"/> folded by <paramref name="folding"/> for an /i regex. A global /i regex run
    /// over a long string asks for the same folding at every match, so the last long one is kept per
    /// folding (by reference: <see cref="ToClrCached"/> hands out the same string for the same subject).
    /// </summary>
    public string FoldedSubject(CaseFolding folding, string s)
    {
        int k = folding.IsUnicode ? 1 : 0;
        if (ReferenceEquals(foldedFrom[k], s)) return folded[k]!;
        var result = folding.Fold(s);
        if (s.Length >= 64) { foldedFrom[k] = s; folded[k] = result; }
        return result;
    }
}
