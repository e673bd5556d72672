namespace Flywheel.Engine.Baseline;

/// <summary>
/// Writes <c>/tmp/perf-&lt;pid&gt;.map</c> (<c>--perf-map</c>): one line per compiled function,
/// <c>START SIZE name</c> in hex, which Linux <c>perf</c> reads to name samples in JIT code.
/// Don't combine with <c>DOTNET_PerfMapEnabled</c>, which writes the same file.
/// </summary>
internal sealed class PerfMap : IDisposable
{
    readonly StreamWriter writer;

    public PerfMap()
    {
        string path = Path.Combine("/tmp", $"perf-{Environment.ProcessId}.map");
        writer = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
    }

    public void Add(nint address, int size, FunctionTemplate function) =>
        writer.WriteLine($"{address:x} {size:x} JS:baseline:{BaselineJit.DisplayName(function)}");

    public void Dispose() => writer.Dispose();
}
