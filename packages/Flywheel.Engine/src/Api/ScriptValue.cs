namespace Flywheel.Engine;

/// <summary>The kind of a <see cref="ScriptValue"/>.</summary>
public enum ScriptValueType
{
    /// <summary>undefined</summary>
    Undefined,
    /// <summary>null</summary>
    Null,
    /// <summary>A boolean.</summary>
    Boolean,
    /// <summary>A number.</summary>
    Number,
    /// <summary>A string.</summary>
    String,
    /// <summary>A symbol.</summary>
    Symbol,
    /// <summary>A function.</summary>
    Function,
    /// <summary>An array.</summary>
    Array,
    /// <summary>Any other object.</summary>
    Object,
}

/// <summary>
/// A JavaScript value handed to the host. Primitives are copied out; objects stay rooted in their
/// engine (so the GC keeps them alive) for the engine's lifetime.
/// </summary>
public sealed class ScriptValue
{
    readonly JsEngine? engine;
    internal readonly Runtime.JsValue Raw;
    readonly string? stringValue;

    internal ScriptValue(JsEngine? engine, Runtime.JsValue raw, ScriptValueType type, string? str)
    {
        this.engine = engine;
        Raw = raw;
        Type = type;
        stringValue = str;
    }

    /// <summary>The value's kind.</summary>
    public ScriptValueType Type { get; }

    /// <summary>The undefined value.</summary>
    public static ScriptValue Undefined { get; } = new(null, Runtime.JsValue.Undefined, ScriptValueType.Undefined, null);

    /// <summary>True for undefined.</summary>
    public bool IsUndefined => Type == ScriptValueType.Undefined;

    /// <summary>True for null.</summary>
    public bool IsNull => Type == ScriptValueType.Null;

    /// <summary>The number value; throws if this is not a number.</summary>
    public double AsNumber() => Type == ScriptValueType.Number ? Raw.Number : throw new InvalidOperationException($"The value is a {Type}, not a number.");

    /// <summary>The boolean value; throws if this is not a boolean.</summary>
    public bool AsBoolean() => Type == ScriptValueType.Boolean ? Raw.IsTrue : throw new InvalidOperationException($"The value is a {Type}, not a boolean.");

    /// <summary>The string value; throws if this is not a string.</summary>
    public string AsString() => Type == ScriptValueType.String ? stringValue! : throw new InvalidOperationException($"The value is a {Type}, not a string.");

    /// <summary>Converts to a .NET value: null, bool, double, string, object?[] (arrays), Dictionary&lt;string, object?&gt; (objects), or this value for functions and symbols.</summary>
    public object? ToObject() => engine == null ? (IsUndefined ? null : stringValue) : engine.ToClr(Raw, 0);

    /// <summary>JavaScript's String(value), or console.log's rendering for objects.</summary>
    public override string ToString() => stringValue ?? engine?.Describe(Raw) ?? "undefined";
}
