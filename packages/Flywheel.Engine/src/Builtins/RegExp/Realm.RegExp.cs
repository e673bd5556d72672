namespace Flywheel.Engine.Runtime;

/// <summary>RegExp intrinsics the String and RegExp built-ins compare against to take their fast paths.</summary>
internal sealed partial class Realm
{
    /// <summary>%RegExp.prototype.exec% and %RegExp%.</summary>
    public JsValue RegExpExecFn, RegExpConstructorFn;
    /// <summary>The "exec" atom.</summary>
    public PropKey KExec;
}
