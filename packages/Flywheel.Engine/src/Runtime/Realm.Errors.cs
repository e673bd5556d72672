namespace Flywheel.Engine.Runtime;

internal enum ErrorKind { Error, TypeError, RangeError, SyntaxError, ReferenceError, EvalError, URIError, AggregateError }

/// <summary>Creating error objects from C# (with a captured stack) and naming objects for messages.</summary>
internal sealed unsafe partial class Realm
{
    public readonly nint[] ErrorPrototypes = new nint[8];

    /// <summary>A new error object of the given kind; its stack is taken from the interpreter's last known position.</summary>
    public JsValue MakeError(ErrorKind kind, string message)
    {
        nint e = NewObject(JsValue.FromPtr(ErrorPrototypes[(int)kind]), ObjClass.Error);
        DefineData(e, KMessage, Str(message), PropFlags.Hidden);
        var stack = kind + ": " + message + (Interp.CurFp != null ? Interp.CaptureStack(Interp.CurFp, Interp.CurPc) : "");
        DefineData(e, KStack, Str(stack), PropFlags.Hidden);
        // Marked so the interpreter re-captures the stack at the exact throwing instruction.
        Layout.Internal(e, 1) = JsValue.True;
        return JsValue.FromPtr(e);
    }

    public JsValue MakeSyntaxError(string message, string file, int line, int column)
    {
        var e = MakeError(ErrorKind.SyntaxError, message);
        DefineData(e.Ptr, KStack, Str($"SyntaxError: {message}\n    at {file}:{line}:{column}"), PropFlags.Hidden);
        Layout.Internal(e.Ptr, 1) = JsValue.Undefined;
        return e;
    }

    /// <summary>Builds "Name: message\n    at …" for an error object (used by the Error constructor).</summary>
    public string StackFor(JsValue err, ulong* fp, int pc)
    {
        string head = ErrorHeader(err);
        return head + (fp != null ? Interp.CaptureStack(fp, pc) : "");
    }

    public string ErrorHeader(JsValue err)
    {
        var name = Get(err, KName);
        var msg = Get(err, KMessage);
        string n = name.IsUndefined ? "Error" : ToClrString(name);
        string m = msg.IsUndefined ? "" : ToClrString(msg);
        return m.Length == 0 ? n : n.Length == 0 ? m : n + ": " + m;
    }

    /// <summary>Recomputes the stack of an engine-created error at the precise throwing position.</summary>
    public void FixErrorStack(JsValue v, ulong* fp, int pc)
    {
        if (!IsObject(v) || Layout.Class(v.Ptr) != ObjClass.Error || !Layout.Internal(v.Ptr, 1).IsTrue) return;
        Layout.Internal(v.Ptr, 1) = JsValue.Undefined;
        DefineData(v.Ptr, KStack, Str(StackFor(v, fp, pc)), PropFlags.Hidden);
    }

    /// <summary>The constructor name used in messages and by console.log ("Object", "Foo", …).</summary>
    public string ClassNameOf(nint o)
    {
        var p = Layout.Proto(o);
        for (int i = 0; i < 100 && IsObject(p); i++)
        {
            if (GetOwnRaw(p.Ptr, KConstructor, out var c, out var f) && (f & PropFlags.Accessor) == 0 && IsCallable(c))
            {
                var n = FunctionName(c);
                if (n.Length > 0) return n;
            }
            p = Layout.Proto(p.Ptr);
        }
        return "Object";
    }
}
