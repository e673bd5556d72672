using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Flywheel.Engine.Tests;

/// <summary>Locates the JavaScript corpus (tests/js) and its known-failures list.</summary>
public static class Corpus
{
    public static string Dir { get; } = FindDir();

    static string FindDir([CallerFilePath] string here = "") => Path.Combine(Path.GetDirectoryName(here)!, "js");

    /// <summary>Every test (relative path of a .js file with a .out next to it), sorted.</summary>
    public static IEnumerable<object[]> Tests() =>
        Directory.EnumerateFiles(Dir, "*.js", SearchOption.AllDirectories)
            .Where(f => File.Exists(Path.ChangeExtension(f, ".out")))
            .Select(f => Path.GetRelativePath(Dir, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .Select(f => new object[] { f });

    /// <summary>known-failures.txt: "path  # reason" per line; blank lines and lines starting with # are ignored.</summary>
    public static Dictionary<string, string> KnownFailures()
    {
        var path = Path.Combine(Dir, "known-failures.txt");
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path)) return d;
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            int hash = line.IndexOf('#');
            string file = (hash >= 0 ? line[..hash] : line).Trim();
            string reason = hash >= 0 ? line[(hash + 1)..].Trim() : "";
            if (reason.Length == 0) throw new InvalidOperationException($"known-failures.txt: '{file}' needs a reason after '#'");
            d[file] = reason;
        }
        return d;
    }

    /// <summary>Runs a corpus file in-process; returns stdout (console.log output), with an uncaught error appended the way the CLI reports it on stderr.</summary>
    public static string Run(string relative, bool gcStress, TieringMode tier = TieringMode.Interpreter, long? codeSpaceBytes = null)
    {
        var file = Path.Combine(Dir, relative);
        var src = File.ReadAllText(file);
        var output = new StringWriter { NewLine = "\n" };
        var options = new JsEngineOptions { Output = output, Error = TextWriter.Null };
        options.Debug.GcStress = gcStress;
        options.Jit.Mode = tier;
        if (codeSpaceBytes is long limit) options.Jit.CodeSpaceLimitBytes = limit;
        options.Limits.TimeLimit = TimeSpan.FromSeconds(gcStress ? 600 : 120);
        using var engine = new JsEngine(options);
        try
        {
            engine.Execute(src, file);
        }
        catch (JavaScriptException e)
        {
            output.Write($"<uncaught {e.Name}: {e.ErrorMessage}>\n");
        }
        return output.ToString();
    }

    public static string? NodePath { get; } = FindNode();

    static string? FindNode()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':'))
        {
            var p = Path.Combine(dir, "node");
            if (File.Exists(p)) return p;
        }
        return null;
    }

    public static (int Exit, string Stdout, string Stderr) RunProcess(string exe, string args, string? stdin = null, int timeoutMs = 60_000)
    {
        var psi = new ProcessStartInfo(exe, args)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin != null,
            UseShellExecute = false,
        };
        using var p = Process.Start(psi)!;
        if (stdin != null) { p.StandardInput.Write(stdin); p.StandardInput.Close(); }
        var so = p.StandardOutput.ReadToEndAsync();
        var se = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeoutMs)) { p.Kill(true); throw new TimeoutException($"{exe} {args} timed out"); }
        return (p.ExitCode, so.Result, se.Result);
    }
}
