// Runs a JavaScript file under Jint with the globals the benchmark suite expects:
//   flywheel-bench-jint [--size=N] file.js
// `BENCH_SIZE` is defined only when --size is given, so a script falls back to its default size
// (the runner usually injects the size into the script itself instead).
// `console.log` and `print` write their arguments joined by spaces, one line per call; the
// benchmarks print only primitives, so no node-style object formatting is needed here.
// An uncaught exception prints `Uncaught <error>` on stderr and exits with status 1. The script
// runs on a thread with a large stack and a bounded recursion depth, so runaway recursion fails
// cleanly instead of overflowing the .NET stack and killing the process.
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

var exitCode = 0;
var worker = new Thread(() => exitCode = ScriptHost.Run(path, size), maxStackSize: 256 * 1024 * 1024);
worker.Start();
worker.Join();
return exitCode;

/// <summary>One Jint engine with the benchmark globals, running one file.</summary>
internal static class ScriptHost
{
    /// <summary>Deep enough for every benchmark, shallow enough for a 256 MB stack.</summary>
    private const int MaxRecursion = 5_000;

    /// <summary>Runs <paramref name="file"/>; returns the process exit code.</summary>
    public static int Run(string file, double? benchSize)
    {
        var stdout = Console.Out;
        var engine = new Engine(options => options.LimitRecursion(MaxRecursion));

        JsValue Log(JsValue thisObject, JsValue[] arguments)
        {
            stdout.WriteLine(string.Join(' ', arguments.Select(a => TypeConverter.ToString(a))));
            return JsValue.Undefined;
        }

        var console = new JsObject(engine);
        console.Set("log", new ClrFunction(engine, "log", Log));
        engine.SetValue("console", console);
        engine.SetValue("print", new ClrFunction(engine, "print", Log));
        if (benchSize is { } n)
        {
            engine.SetValue("BENCH_SIZE", n);
        }

        try
        {
            engine.Execute(File.ReadAllText(file), file);
            return 0;
        }
        catch (JavaScriptException e)
        {
            Console.Error.WriteLine($"Uncaught {e.Error}");
            return 1;
        }
        catch (Exception e) when (e is JintException or InvalidOperationException)
        {
            Console.Error.WriteLine($"Uncaught {e.GetType().Name}: {e.Message}");
            return 1;
        }
        finally
        {
            stdout.Flush();
        }
    }
}
