namespace Flywheel.Engine.Runtime;

/// <summary>Compiling and running scripts in the realm's global scope (also used by indirect eval and new Function).</summary>
internal sealed unsafe partial class Realm
{
    public TextWriter Err = Console.Error;
    public long BytecodeBytes;

    public FunctionTemplate Compile(string source, string file)
    {
        FunctionTemplate t;
        try
        {
            t = BytecodeCompiler.CompileScript(this, source, file);
        }
        catch (InsufficientExecutionStackException)
        {
            // The parser and the compiler recurse over the syntax tree and stop on deeply nested
            // source (found by fuzz/Flywheel.Fuzz.Engine); V8 reports that as a RangeError too.
            throw new JsThrow(MakeError(ErrorKind.RangeError, "Maximum call stack size exceeded"));
        }
        CountTemplate(t);
        return t;
    }

    void CountTemplate(FunctionTemplate t)
    {
        BytecodeBytes += t.CodeArray.Length;
        Interp.FunctionsCompiled++;
        foreach (var c in t.Children) CountTemplate(c);
    }

    /// <summary>Compiles and runs a script; returns its completion value.</summary>
    public JsValue Evaluate(string source, string file)
    {
        var t = Compile(source, file);
        nint f = NewClosure(t, JsValue.Undefined, JsValue.Undefined);
        return Interp.Call(JsValue.FromPtr(f), JsValue.FromPtr(GlobalObject), []);
    }
}
