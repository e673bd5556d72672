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
        // What a template costs besides its cells, roughly: bytecode, source text, tables and its feedback vector.
        Heap.NoteCompiledCode(t.CodeArray.Length * 4L + t.SourceText.Length * 2L + t.Feedback.SizeInBytes + 512);
        Interp.FunctionsCompiled++;
        foreach (var c in t.Children) CountTemplate(c);
    }

    /// <summary>
    /// Releases the templates the collection numbered <paramref name="epoch"/> did not reach: no
    /// function object, frame, generator or job refers to them, so they can never run again. Their
    /// baseline code, feedback vector and index (shared with the profiler and the call table) are
    /// freed for reuse. Called after marking, before the heap is swept.
    /// </summary>
    public void ReleaseDeadTemplates(int epoch)
    {
        List<FunctionTemplate>? dead = null;
        foreach (var t in Templates) if (t.MarkEpoch != epoch) (dead ??= []).Add(t);
        if (dead == null) return;
        foreach (var t in dead)
        {
            Interp.Jit?.Release(t);
            Profiling.Release(t);
            Templates.Remove(t);
        }
    }

    /// <summary>The realm's %eval%: a call of the name eval that reaches it is a direct eval.</summary>
    public JsValue EvalFunction = JsValue.Undefined;

    /// <summary>Compiles direct eval code against the scope of call site <paramref name="scopeIndex"/> of <paramref name="caller"/>.</summary>
    public FunctionTemplate CompileEval(string source, FunctionTemplate caller, int scopeIndex)
    {
        var t = BytecodeCompiler.CompileEval(this, source, caller.EvalScopes[scopeIndex], caller.IsStrict, caller.SourceFile);
        CountTemplate(t);
        return t;
    }

    /// <summary>Indirect eval: eval code in the global scope (its let/const/class stay local to it; strict code keeps its vars too).</summary>
    public JsValue IndirectEval(string source)
    {
        var t = BytecodeCompiler.CompileEval(this, source, BytecodeCompiler.GlobalScopeForEval(), false, "<eval>");
        CountTemplate(t);
        nint f = NewClosure(t, JsValue.Undefined, JsValue.Undefined);
        return Interp.Call(JsValue.FromPtr(f), JsValue.FromPtr(GlobalObject), []);
    }

    /// <summary>Compiles and runs a script; returns its completion value.</summary>
    public JsValue Evaluate(string source, string file)
    {
        var t = Compile(source, file);
        nint f = NewClosure(t, JsValue.Undefined, JsValue.Undefined);
        return Interp.Call(JsValue.FromPtr(f), JsValue.FromPtr(GlobalObject), []);
    }
}
