namespace Flywheel.Engine;

/// <summary>Base class of every exception the engine throws to its host.</summary>
public class JsEngineException : Exception
{
    /// <summary>Creates the exception.</summary>
    public JsEngineException(string message) : base(message) { }

    /// <summary>Creates the exception with an inner cause.</summary>
    public JsEngineException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>The script ran longer than <see cref="LimitOptions.TimeLimit"/>.</summary>
public sealed class JsTimeoutException(string message) : JsEngineException(message);

/// <summary>The script's heap grew past <see cref="LimitOptions.MaxHeapBytes"/>.</summary>
public sealed class JsMemoryLimitException(string message) : JsEngineException(message);

/// <summary>The script was cancelled through <see cref="LimitOptions.CancellationToken"/>.</summary>
public sealed class JsCancelledException(string message) : JsEngineException(message);

/// <summary>The script used up <see cref="LimitOptions.MaxStatements"/>.</summary>
public sealed class JsStatementLimitException(string message) : JsEngineException(message);

/// <summary>An uncaught JavaScript exception (including SyntaxError from parsing).</summary>
public sealed class JavaScriptException : JsEngineException
{
    /// <summary>Creates the exception.</summary>
    public JavaScriptException(string name, string message, string stack, ScriptValue value) : base(message)
    {
        Name = name;
        ErrorMessage = message;
        JsStack = stack;
        Value = value;
    }

    /// <summary>The error's name ("TypeError", …), or "Uncaught" details for non-error values.</summary>
    public string Name { get; }

    /// <summary>The error's message.</summary>
    public string ErrorMessage { get; }

    /// <summary>The JavaScript stack trace ("Name: message\n    at f (file:line:col)…").</summary>
    public string JsStack { get; }

    /// <summary>The thrown value.</summary>
    public ScriptValue Value { get; }
}
