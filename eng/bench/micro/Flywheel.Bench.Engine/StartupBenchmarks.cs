using BenchmarkDotNet.Attributes;
using Flywheel.Engine;

namespace Flywheel.Bench.Engine;

/// <summary>
/// What an embedder pays to run a little JavaScript: creating an engine (realm, heap, intrinsics),
/// and creating one plus evaluating a one-line expression, for Flywheel and for Jint. The engines
/// are disposed inside the measurement (Flywheel frees its unmanaged heap there).
/// </summary>
[MemoryDiagnoser]
public class StartupBenchmarks
{
    const string OneLine = "[1, 2, 3].map(x => x * 2).join('-') + ' ' + Math.max(4, 5)";

    [Benchmark(Baseline = true)]
    public void JintCreate() => _ = new Jint.Engine();

    [Benchmark]
    public string JintCreateAndEvaluate()
    {
        var engine = new Jint.Engine();
        return engine.Evaluate(OneLine).ToString();
    }

    [Benchmark]
    public void FlywheelCreate()
    {
        using var engine = new JsEngine();
    }

    [Benchmark]
    public string FlywheelCreateAndEvaluate()
    {
        using var engine = new JsEngine();
        return engine.Evaluate(OneLine).ToString();
    }
}

/// <summary>A one-line evaluation in an engine that already exists (parse, compile, run).</summary>
[MemoryDiagnoser]
public class EvaluateBenchmarks
{
    const string OneLine = "[1, 2, 3].map(x => x * 2).join('-') + ' ' + Math.max(4, 5)";
    Jint.Engine jint = null!;
    JsEngine flywheel = null!;

    [GlobalSetup]
    public void Setup()
    {
        jint = new Jint.Engine();
        flywheel = new JsEngine();
    }

    [GlobalCleanup]
    public void Cleanup() => flywheel.Dispose();

    [Benchmark(Baseline = true)]
    public string JintEvaluate() => jint.Evaluate(OneLine).ToString();

    [Benchmark]
    public string FlywheelEvaluate() => flywheel.Evaluate(OneLine).ToString();
}
