namespace Flywheel.Engine.Runtime;

/// <summary>
/// A JavaScript exception in flight through C# code (built-ins, conversions). The interpreter turns
/// it into a throw at the current bytecode; it never escapes the public API (which wraps it in
/// <see cref="JavaScriptException"/>). The value is also parked in <see cref="Realm.PendingException"/>
/// so it stays rooted while the .NET exception unwinds.
/// </summary>
internal sealed class JsThrow(JsValue value) : Exception("JavaScript exception")
{
    public readonly JsValue Value = value;
    /// <summary>Re-thrown by a finally or iterator-close path: the error's stack is already final.</summary>
    public bool Rethrown { get; init; }
}
