using Flywheel.SsaIR.Interpretation;

namespace Flywheel.SsaIR.Testing.Filetests;

/// <summary>
/// The host helpers every filetest and generated function may call. Deterministic, so two
/// executions of equivalent code make the same host calls with the same results.
/// </summary>
public static class StandardHost
{
    /// <summary>Creates the helper set: <c>$mix(a, b) = a * 31 + b</c>, <c>$id(a) = a</c>, <c>$sink(...)</c> (void), <c>$load64(p)</c> (reads memory, 0 when unmapped).</summary>
    public static HostFunctions Create() => new HostFunctions()
        .Register("mix", (args, _) => args.Length >= 2 ? unchecked(args[0] * 31 + args[1]) : args.Length == 1 ? args[0] : 0)
        .Register("id", (args, _) => args.Length > 0 ? args[0] : 0)
        .Register("sink", (_, _) => 0)
        .Register("load64", (args, memory) => args.Length > 0 && memory.TryRead(args[0], IrType.I64, out long v) ? v : 0);
}
