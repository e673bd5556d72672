// Runs a JavaScript file under Jint with the globals the benchmark suite expects:
//   flywheel-bench-jint [--size=N] file.js
// `BENCH_SIZE` is defined only when --size is given, so a script falls back to its default size.
// `console.log` and `print` write their arguments joined by spaces, one line per call; the
// benchmarks print only primitives, so no node-style object formatting is needed here.
// An uncaught exception prints `Uncaught <message>` on stderr and exits with status 1.
using Jint;
using Jint.Native;
using Jint.Runtime;
using Jint.Runtime.Interop;

string? path = null;
double? size = null;
foreach (var arg in args)
{
    if (arg.StartsWith("--size=", StringComparison.Ordinal))
    {
        size = double.Parse(arg["--size=".Length..], System.Globalization.CultureInfo.InvariantCulture);
    }
    else if (path is null && !arg.StartsWith("--", StringComparison.Ordinal))
    {
        path = arg;
    }
    else
    {
        Console.Error.WriteLine($"flywheel-bench-jint: unexpected argument '{arg}'");
        return 2;
    }
}

if (path is null)
{
    Console.Error.WriteLine("usage: flywheel-bench-jint [--size=N] file.js");
    return 2;
}

var engine = new Engine(options => options.LimitRecursion(10_000));
var stdout = Console.Out;

JsValue Log(JsValue thisObject, JsValue[] arguments)
{
    stdout.WriteLine(string.Join(' ', arguments.Select(a => TypeConverter.ToString(a))));
    return JsValue.Undefined;
}

var console = new JsObject(engine);
console.Set("log", new ClrFunction(engine, "log", Log));
engine.SetValue("console", console);
engine.SetValue("print", new ClrFunction(engine, "print", Log));
if (size is { } n)
{
    engine.SetValue("BENCH_SIZE", n);
}

try
{
    engine.Execute(File.ReadAllText(path), path);
}
catch (JavaScriptException e)
{
    stdout.Flush();
    Console.Error.WriteLine($"Uncaught {e.Error}: {e.Message}");
    return 1;
}
catch (Exception e) when (e is JintException or InvalidOperationException)
{
    stdout.Flush();
    Console.Error.WriteLine($"Uncaught host error: {e.Message}");
    return 1;
}

stdout.Flush();
return 0;
