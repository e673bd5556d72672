namespace Flywheel.CodeGen;

/// <summary>The instruction sets code can be generated for.</summary>
public enum TargetArchitecture : byte
{
    /// <summary>x86-64 with SSE2, using the host's calling convention (System V or Win64).</summary>
    X64,
}

/// <summary>What a compilation targets and which runtime it calls into.</summary>
public sealed class CodeGenOptions
{
    /// <summary>The instruction set.</summary>
    public TargetArchitecture Target { get; init; } = TargetArchitecture.X64;

    /// <summary>The embedder's entry points and runtime words that generated code uses.</summary>
    public required RuntimeEntryPoints Runtime { get; init; }

    /// <summary>An embedder-chosen number passed to the deopt and trap entries, so one entry can serve many compiled modules.</summary>
    public long ModuleTag { get; init; }

    /// <summary>The function id written into every deopt frame state (see <see cref="Flywheel.Deopt.FrameDescription.FunctionId"/>).</summary>
    public Func<string, int> FunctionId { get; init; } = _ => 0;

    /// <summary>When set, every compilation adds the time each of its phases took (for compile-speed profiles).</summary>
    public CodeGenTimings? Timings { get; init; }
}

/// <summary>Time spent per code generation phase, accumulated over the compilations that were given this object.</summary>
public sealed class CodeGenTimings
{
    /// <summary>Instruction selection: what folds into what.</summary>
    public TimeSpan Selection { get; private set; }

    /// <summary>Block order, live intervals and register hints.</summary>
    public TimeSpan Liveness { get; private set; }

    /// <summary>Linear-scan register allocation.</summary>
    public TimeSpan Allocation { get; private set; }

    /// <summary>Emission of machine code, stack maps and deopt frame states, and the blob's assembly.</summary>
    public TimeSpan Emission { get; private set; }

    /// <summary>The sum of the phases.</summary>
    public TimeSpan Total => Selection + Liveness + Allocation + Emission;

    internal void Add(TimeSpan selection, TimeSpan liveness, TimeSpan allocation, TimeSpan emission)
    {
        Selection += selection;
        Liveness += liveness;
        Allocation += allocation;
        Emission += emission;
    }
}

/// <summary>
/// The embedder's side of the contract with generated code. Every address must stay valid while
/// the code is installed. Entry points are native-callable functions (for C#,
/// <c>[UnmanagedCallersOnly]</c> methods that catch every exception) using the host calling
/// convention.
/// </summary>
/// <remarks>
/// Leaving compiled code early works through <see cref="PendingExitAddress"/>: a trap or deopt
/// exit calls its entry, then stores 1 to this 64-bit word and returns 0 from the function; every
/// caller in compiled code tests the word after each call and returns at once when it is set.
/// Host helpers may set it themselves to unwind (for example on a pending exception). The
/// embedder clears it before entering compiled code.
/// </remarks>
public sealed class RuntimeEntryPoints
{
    /// <summary><c>void(long moduleTag, long deoptSite, ulong* gprs, ulong* floatRegisters, nint framePointer)</c>: a guard failed or a checked operation overflowed. The registers are saved by hardware number (16 + 16 words).</summary>
    public required nint DeoptEntry { get; init; }

    /// <summary><c>void(long moduleTag, long trapCode)</c>: an instruction trapped (<see cref="SsaIR.TrapCode"/> as a number).</summary>
    public required nint TrapEntry { get; init; }

    /// <summary><c>nint(long size)</c>: zeroed, 8-byte aligned memory for <c>alloc</c>, or 0 when exhausted (the code then traps <c>heap_exhausted</c>).</summary>
    public required nint AllocateEntry { get; init; }

    /// <summary>The address of the 64-bit pending-exit word.</summary>
    public required nint PendingExitAddress { get; init; }

    /// <summary>The address of a 64-bit word holding the lowest stack address compiled code may use; a function whose frame would go below it traps <c>stack_overflow</c>.</summary>
    public required nint StackLimitAddress { get; init; }

    /// <summary>The native address of a <c>call_host</c> helper by name, or 0 when the embedder has none (the call then traps <c>unknown_host_function</c>).</summary>
    public required Func<string, nint> ResolveHostFunction { get; init; }
}
