using System.Diagnostics;
using System.Text.Json;

namespace Flywheel.JsGen;

/// <summary>How a run of one program ended.</summary>
public enum RunStatus
{
    /// <summary>The script ran to its end, or threw (the output then ends with an <c>&lt;uncaught …&gt;</c> line).</summary>
    Completed,
    /// <summary>The script ran past its time limit (or, under node, printed more than 1 MB); its output is not comparable.</summary>
    Timeout,
    /// <summary>The script hit the engine's memory limit: engines represent values differently, so this is not comparable either.</summary>
    MemoryLimit,
    /// <summary>The engine failed in a way no script may cause (an internal error, a .NET exception).</summary>
    EngineFailure,
}

/// <summary>The printed output of one program, with how the run ended.</summary>
public sealed record RunResult(RunStatus Status, string Output);

/// <summary>
/// Runs many programs in one node process (node is the reference for JavaScript semantics),
/// each in a fresh global context (a <c>vm</c> context), with console.log formatted by node's
/// own <c>util.format</c>. One process per batch keeps the cost of node's start-up small.
/// </summary>
public static class NodeRunner
{
    const string Script = """
        "use strict";
        const fs = require("fs"), vm = require("vm"), util = require("util");
        const programs = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
        const timeout = Number(process.argv[3]);
        function describe(e) {
          if (e !== null && typeof e === "object" && typeof e.name === "string" && typeof e.stack === "string") return e.name;
          return util.format(e);
        }
        const results = [];
        for (const src of programs) {
          const out = [];
          let size = 0;
          // Output past 1 MB (strings that double in a loop) is not compared: a batch must fit one JSON string.
          const log = (...args) => { const line = util.format(...args) + "\n"; size += line.length; if (size <= 1e6) out.push(line); };
          const context = vm.createContext({ console: { log, info: log } });
          let status = "completed";
          try {
            vm.runInContext(src, context, { filename: "generated.js", timeout });
          } catch (e) {
            if (e && e.code === "ERR_SCRIPT_EXECUTION_TIMEOUT") status = "timeout";
            else out.push("<uncaught " + describe(e) + ">\n");
          }
          results.push({ status: size > 1e6 ? "timeout" : status, output: out.join("") });
        }
        process.stdout.write(JSON.stringify(results));
        """;

    static readonly Lazy<string?> NodePath = new(() =>
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            if (dir.Length == 0) continue;
            var p = Path.Combine(dir, "node");
            if (File.Exists(p)) return p;
        }
        return null;
    });

    /// <summary>Whether node is on the PATH.</summary>
    public static bool Available => NodePath.Value != null;

    /// <summary>Runs each program under node; results in the same order.</summary>
    public static IReadOnlyList<RunResult> Run(IReadOnlyList<string> programs, TimeSpan timeLimitEach)
    {
        if (NodePath.Value is not string node) throw new InvalidOperationException("node is not on the PATH");
        string dir = Path.Combine(Path.GetTempPath(), "flywheel-jsgen-" + Environment.ProcessId);
        Directory.CreateDirectory(dir);
        string runner = Path.Combine(dir, "runner.cjs");
        if (!File.Exists(runner)) File.WriteAllText(runner, Script);
        string input = Path.Combine(dir, $"batch-{Guid.NewGuid():N}.json");
        File.WriteAllText(input, JsonSerializer.Serialize(programs));
        try
        {
            var psi = new ProcessStartInfo(node)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            psi.ArgumentList.Add(runner);
            psi.ArgumentList.Add(input);
            psi.ArgumentList.Add(((long)timeLimitEach.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture));
            using var p = Process.Start(psi)!;
            var stderr = p.StandardError.ReadToEndAsync();
            string stdout = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            if (p.ExitCode != 0) throw new InvalidOperationException($"node exited with {p.ExitCode}: {stderr.Result}");
            var parsed = JsonSerializer.Deserialize<List<NodeResult>>(stdout) ?? throw new InvalidOperationException("node printed no results");
            return parsed.Select(r => new RunResult(r.status == "timeout" ? RunStatus.Timeout : RunStatus.Completed, r.output)).ToList();
        }
        finally
        {
            File.Delete(input);
        }
    }

#pragma warning disable IDE1006 // JSON field names
    sealed record NodeResult(string status, string output);
#pragma warning restore IDE1006
}
