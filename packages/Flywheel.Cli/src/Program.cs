using System.Globalization;
using System.Text;
using Flywheel.Engine;

namespace Flywheel.Cli;

/// <summary>Entry point of the <c>flywheel</c> command.</summary>
public static class Program
{
    const string Usage = """
        usage: flywheel [options] [file.js [args...]]
               flywheel [options] -e "code"
               flywheel [options]                  (REPL)

        options:
          -e, --eval CODE        evaluate CODE and print nothing else
          -p, --print CODE       evaluate CODE and print its result
          --print-bytecode       print the bytecode of the script before running it
          --tier=TIER            auto (default: hot functions compiled) | interp | baseline (every function compiled on its first call) | opt
          --print-code           print an annotated listing of every function the JIT compiles
          --perf-map             write /tmp/perf-<pid>.map so Linux perf names JIT code
          --stats                print engine statistics as JSON on stderr at exit
          --gc-stress            collect garbage at every safepoint
          --max-heap=SIZE        heap limit, e.g. 64m, 1g (bytes without suffix)
          --code-space=SIZE      machine-code limit (default 64m); when full, the coldest code is evicted
          --timeout=SECONDS      wall-clock limit
          --stack-size=SIZE      JavaScript stack size, e.g. 16m
          --profile-out=FILE     save the profile (counters, feedback, tiering) as JSON at exit
          --profile-in=FILE      warm up from a saved profile (drives the same tiering decisions)
          --report=FILE          write a self-contained HTML profile report at exit (samples ~1 ms)
          --cpuprofile=FILE      write a Chrome DevTools .cpuprofile at exit (samples ~1 ms)
          --trace-tiering        print one line per tiering decision on stderr
          --trace-ic             print one line per inline-cache state change on stderr
          --no-ic                disable inline caches (to measure them)
          --no-feedback          disable counters and type feedback (to measure their cost)
          -h, --help             show this help
        """;

    /// <summary>Runs the command; returns the process exit code.</summary>
    public static int Main(string[] args)
    {
        int code = 0;
        // A big native stack: built-ins that call back into JavaScript nest C# frames.
        var thread = new Thread(() => code = Run(args), 512 * 1024 * 1024);
        thread.Start();
        thread.Join();
        return code;
    }

    static int Run(string[] args)
    {
        var options = new JsEngineOptions();
        string? file = null, eval = null;
        bool printResult = false, printBytecode = false, stats = false, printCode = false;
        string? profileOut = null, profileIn = null, reportOut = null, cpuProfileOut = null;
        int i = 0;
        for (; i < args.Length; i++)
        {
            string a = args[i];
            if (file != null) break;
            if (a is "-h" or "--help") { Console.Out.Write(Usage + "\n"); return 0; }
            if (a is "-e" or "--eval" or "-p" or "--print")
            {
                if (i + 1 >= args.Length) return Fail($"flywheel: {a} requires an argument");
                eval = args[++i];
                printResult = a is "-p" or "--print";
                continue;
            }
            if (a == "--print-bytecode") { printBytecode = true; continue; }
            if (a == "--stats") { stats = true; continue; }
            if (a == "--print-code") { printCode = true; continue; }
            if (a == "--perf-map") { options.Jit.PerfMap = true; continue; }
            if (a == "--gc-stress") { options.Debug.GcStress = true; continue; }
            if (a == "--trace-tiering") { options.Profiling.TraceTiering = Console.Error; continue; }
            if (a == "--trace-ic") { options.Profiling.TraceInlineCaches = Console.Error; continue; }
            if (a == "--no-ic") { options.Profiling.InlineCaches = false; continue; }
            if (a == "--no-feedback") { options.Profiling.Feedback = false; continue; }
            if (TryFileOption(a, "--profile-out=", ref profileOut) || TryFileOption(a, "--profile-in=", ref profileIn)
                || TryFileOption(a, "--report=", ref reportOut) || TryFileOption(a, "--cpuprofile=", ref cpuProfileOut))
            {
                if (a.EndsWith('=')) return Fail($"flywheel: {a} needs a file name", 2);
                continue;
            }
            if (a.StartsWith("--tier="))
            {
                string tier = a["--tier=".Length..];
                if (tier == "interp") { options.Jit.Mode = TieringMode.Interpreter; continue; }
                if (tier == "baseline") { options.Jit.Mode = TieringMode.Baseline; continue; }
                if (tier == "auto") { options.Jit.Mode = TieringMode.Auto; continue; }
                if (tier == "opt")
                    return Fail($"flywheel: --tier=opt is not available yet: this build has the interpreter (--tier=interp), the baseline JIT (--tier=baseline) and profile-driven tiering between them (--tier=auto)", 2);
                return Fail($"flywheel: unknown tier '{tier}' (expected interp, baseline, opt or auto)", 2);
            }
            if (a.StartsWith("--max-heap="))
            {
                if (!TryParseSize(a["--max-heap=".Length..], out long n)) return Fail($"flywheel: invalid size in {a}", 2);
                options.Limits.MaxHeapBytes = n;
                continue;
            }
            if (a.StartsWith("--code-space="))
            {
                if (!TryParseSize(a["--code-space=".Length..], out long n) || n <= 0) return Fail($"flywheel: invalid size in {a}", 2);
                options.Jit.CodeSpaceLimitBytes = n;
                continue;
            }
            if (a.StartsWith("--stack-size="))
            {
                if (!TryParseSize(a["--stack-size=".Length..], out long n)) return Fail($"flywheel: invalid size in {a}", 2);
                options.Limits.StackSizeBytes = n;
                continue;
            }
            if (a.StartsWith("--timeout="))
            {
                if (!double.TryParse(a["--timeout=".Length..], NumberStyles.Float, CultureInfo.InvariantCulture, out double s) || s <= 0) return Fail($"flywheel: invalid timeout in {a}", 2);
                options.Limits.TimeLimit = TimeSpan.FromSeconds(s);
                continue;
            }
            if (a.StartsWith('-') && a != "-") return Fail($"flywheel: unknown option {a}\n{Usage}", 2);
            file = a;
        }
        var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = false };
        options.Output = stdout;
        if (printCode) options.Jit.PrintCode = stdout;
        options.Error = Console.Error;
        if (reportOut != null || cpuProfileOut != null) options.Profiling.SampleInterval = TimeSpan.FromMilliseconds(1);
        using var engine = new JsEngine(options);
        int exit = 0;
        if (profileIn != null)
        {
            try
            {
                using var input = File.OpenRead(profileIn);
                engine.Profiler.LoadProfile(input);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                return Fail($"flywheel: cannot load profile {profileIn}: {e.Message}");
            }
        }
        try
        {
            if (eval != null) exit = RunSource(engine, eval, "[eval]", printBytecode, printResult, stdout);
            else if (file != null)
            {
                string src;
                try { src = file == "-" ? Console.In.ReadToEnd() : File.ReadAllText(file); }
                catch (IOException e) { return Fail($"flywheel: cannot read {file}: {e.Message}"); }
                catch (UnauthorizedAccessException e) { return Fail($"flywheel: cannot read {file}: {e.Message}"); }
                if (src.StartsWith("#!")) src = "//" + src;
                exit = RunSource(engine, src, file == "-" ? "[stdin]" : Path.GetFullPath(file), printBytecode, false, stdout);
            }
            else exit = Repl(engine, stdout);
        }
        finally
        {
            stdout.Flush();
            if (stats) PrintStats(engine);
            engine.Profiler.StopSampling();
            if (!WriteProfileOutputs(engine, profileOut, reportOut, cpuProfileOut, file ?? "[eval]") && exit == 0) exit = 1;
        }
        return exit;
    }

    static int RunSource(JsEngine engine, string src, string name, bool printBytecode, bool printResult, TextWriter stdout)
    {
        try
        {
            if (printBytecode) { stdout.Write(engine.Disassemble(src, name)); stdout.Write('\n'); }
            var v = engine.Evaluate(src, name);
            if (printResult) stdout.Write(v.ToString() + "\n");
            return 0;
        }
        catch (JavaScriptException e)
        {
            stdout.Flush();
            Console.Error.Write(FormatUncaught(e) + "\n");
            return 1;
        }
        catch (JsEngineException e)
        {
            stdout.Flush();
            Console.Error.Write($"flywheel: {e.Message}\n");
            if (Environment.GetEnvironmentVariable("FLYWHEEL_DEBUG") == "1") Console.Error.Write(e.InnerException + "\n");
            return e is JsTimeoutException or JsMemoryLimitException or JsCancelledException ? 3 : 1;
        }
    }

    static string FormatUncaught(JavaScriptException e)
    {
        if (e.Name.Length == 0) return "Uncaught " + e.ErrorMessage;
        string stack = e.JsStack;
        string head = e.Name + (e.ErrorMessage.Length > 0 ? ": " + e.ErrorMessage : "");
        int nl = stack.IndexOf('\n');
        return "Uncaught " + head + (nl >= 0 ? stack[nl..] : "");
    }

    static int Repl(JsEngine engine, TextWriter stdout)
    {
        bool tty = !Console.IsInputRedirected;
        if (tty) Console.Error.Write("Flywheel JavaScript (interpreter). Ctrl-D to exit.\n");
        var buffer = new StringBuilder();
        while (true)
        {
            if (tty) Console.Error.Write(buffer.Length == 0 ? "> " : "... ");
            string? line = Console.ReadLine();
            if (line == null) break;
            buffer.Append(line).Append('\n');
            try
            {
                var v = engine.Evaluate(buffer.ToString(), "[repl]");
                buffer.Clear();
                stdout.Write(v.ToString() + "\n");
            }
            catch (JavaScriptException e) when (e.Name == "SyntaxError" && tty && IsIncomplete(e))
            {
                continue;
            }
            catch (JavaScriptException e)
            {
                buffer.Clear();
                stdout.Flush();
                Console.Error.Write(FormatUncaught(e) + "\n");
            }
            catch (JsEngineException e)
            {
                buffer.Clear();
                Console.Error.Write($"flywheel: {e.Message}\n");
            }
            stdout.Flush();
        }
        stdout.Flush();
        return 0;
    }

    static bool IsIncomplete(JavaScriptException e) => e.ErrorMessage.Contains("Unexpected end of input") || e.ErrorMessage.Contains("Unterminated");

    static void PrintStats(JsEngine engine)
    {
        var s = engine.GetStatistics();
        var buffer = new MemoryStream();
        using (var w = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteNumber("heapBytes", s.HeapBytes);
            w.WriteNumber("heapReservedBytes", s.HeapReservedBytes);
            w.WriteNumber("peakHeapBytes", s.PeakHeapBytes);
            w.WriteNumber("allocatedBytes", s.AllocatedBytes);
            w.WriteNumber("allocationRateBytesPerSecond", Math.Round(s.AllocationRateBytesPerSecond));
            w.WriteNumber("elapsedMs", Math.Round(s.ElapsedMs, 3));
            w.WriteNumber("gcCount", s.GcCount);
            w.WriteNumber("gcTotalPauseMs", Math.Round(s.GcTotalPauseMs, 3));
            w.WriteNumber("gcMaxPauseMs", Math.Round(s.GcMaxPauseMs, 3));
            w.WriteNumber("gcMeanPauseMs", Math.Round(s.GcMeanPauseMs, 3));
            w.WriteNumber("gcP50PauseMs", Math.Round(s.GcP50PauseMs, 3));
            w.WriteNumber("gcP99PauseMs", Math.Round(s.GcP99PauseMs, 3));
            w.WriteNumber("gcMarkMs", Math.Round(s.GcMarkMs, 3));
            w.WriteNumber("gcMarkedCells", s.GcMarkedCells);
            w.WriteNumber("bytecodeBytes", s.BytecodeBytes);
            w.WriteNumber("functionsCompiled", s.FunctionsCompiled);
            w.WriteNumber("liveFunctions", s.LiveFunctions);
            w.WriteNumber("functionsReleased", s.FunctionsReleased);
            w.WriteNumber("shapes", s.Shapes);
            w.WriteStartObject("baseline");
            w.WriteNumber("functionsCompiled", s.BaselineFunctionsCompiled);
            w.WriteNumber("functionsRejected", s.BaselineFunctionsRejected);
            w.WriteNumber("bytecodeBytes", s.BaselineBytecodeBytes);
            w.WriteNumber("codeBytes", s.BaselineCodeBytes);
            w.WriteNumber("liveCodeBytes", s.BaselineLiveCodeBytes);
            w.WriteNumber("freedCodeBytes", s.BaselineFreedCodeBytes);
            w.WriteNumber("liveFunctions", s.BaselineLiveFunctions);
            w.WriteNumber("evictions", s.BaselineEvictions);
            w.WriteNumber("functionsReleased", s.BaselineFunctionsReleased);
            w.WriteNumber("deferredCompiles", s.BaselineDeferredCompiles);
            w.WriteNumber("compileMs", Math.Round(s.BaselineCompileMs, 3));
            w.WriteNumber("nativeCalls", s.BaselineNativeCalls);
            w.WriteStartObject("exits");
            foreach (var (opcode, count) in s.BaselineExits) w.WriteNumber(opcode, count);
            w.WriteEndObject();
            w.WriteStartObject("slowPaths");
            foreach (var (opcode, count) in s.BaselineSlowPaths) w.WriteNumber(opcode, count);
            w.WriteEndObject();
            w.WriteStartObject("allocationStubCalls");
            foreach (var (opcode, count) in s.BaselineAllocationStubCalls) w.WriteNumber(opcode, count);
            w.WriteEndObject();
            w.WriteStartObject("stringStubCalls");
            foreach (var (opcode, count) in s.BaselineStringStubCalls) w.WriteNumber(opcode, count);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        }
        Console.Error.Write(Encoding.UTF8.GetString(buffer.ToArray()) + "\n");
    }

    static bool TryFileOption(string arg, string prefix, ref string? value)
    {
        if (!arg.StartsWith(prefix, StringComparison.Ordinal)) return false;
        value = arg[prefix.Length..];
        return true;
    }

    /// <summary>Writes the requested profile, report and .cpuprofile; false (after a message) if one could not be written.</summary>
    static bool WriteProfileOutputs(JsEngine engine, string? profileOut, string? reportOut, string? cpuProfileOut, string scriptName)
    {
        bool ok = true;
        void Write(string? path, Action<Stream> body)
        {
            if (path == null) return;
            try
            {
                using var output = File.Create(path);
                body(output);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.Write($"flywheel: cannot write {path}: {e.Message}\n");
                ok = false;
            }
        }
        Write(profileOut, engine.Profiler.SaveProfile);
        Write(cpuProfileOut, engine.Profiler.WriteCpuProfile);
        Write(reportOut, s =>
        {
            using var w = new StreamWriter(s, new UTF8Encoding(false));
            engine.Profiler.WriteReport(w, "Flywheel profile: " + Path.GetFileName(scriptName));
        });
        return ok;
    }

    static bool TryParseSize(string s, out long bytes)
    {
        bytes = 0;
        if (s.Length == 0) return false;
        long mult = 1;
        char last = char.ToLowerInvariant(s[^1]);
        if (last is 'k' or 'm' or 'g') { mult = last == 'k' ? 1L << 10 : last == 'm' ? 1L << 20 : 1L << 30; s = s[..^1]; }
        if (!long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out long n) || n <= 0) return false;
        bytes = n * mult;
        return true;
    }

    static int Fail(string message, int code = 1)
    {
        Console.Error.Write(message + "\n");
        return code;
    }
}
