using Iced.Intel;
using static Iced.Intel.AssemblerRegisters;

namespace Flywheel.X64;

/// <summary>
/// A native calling convention for x86-64: where arguments and results go, which registers a
/// callee must preserve, and what the stack must look like at a call.
/// </summary>
public sealed class X64CallingConvention
{
    private X64CallingConvention(
        string name,
        AssemblerRegister64[] integerArguments,
        AssemblerRegisterXMM[] floatArguments,
        AssemblerRegister64[] calleeSaved,
        AssemblerRegisterXMM[] floatCalleeSaved,
        int shadowSpaceBytes,
        bool positionalArguments)
    {
        Name = name;
        IntegerArguments = integerArguments;
        FloatArguments = floatArguments;
        CalleeSaved = calleeSaved;
        FloatCalleeSaved = floatCalleeSaved;
        ShadowSpaceBytes = shadowSpaceBytes;
        PositionalArguments = positionalArguments;
        CallerSaved = AllGeneralPurpose.Where(r => !calleeSaved.Contains(r) && r != rsp).ToArray();
    }

    private static readonly AssemblerRegister64[] AllGeneralPurpose =
        [rax, rcx, rdx, rbx, rsp, rbp, rsi, rdi, r8, r9, r10, r11, r12, r13, r14, r15];

    /// <summary>The System V AMD64 ABI (Linux, macOS, BSDs).</summary>
    public static X64CallingConvention SystemV { get; } = new(
        "System V",
        [rdi, rsi, rdx, rcx, r8, r9],
        [xmm0, xmm1, xmm2, xmm3, xmm4, xmm5, xmm6, xmm7],
        [rbx, rbp, r12, r13, r14, r15],
        [],
        shadowSpaceBytes: 0,
        positionalArguments: false);

    /// <summary>The Microsoft x64 convention (Windows).</summary>
    public static X64CallingConvention Win64 { get; } = new(
        "Win64",
        [rcx, rdx, r8, r9],
        [xmm0, xmm1, xmm2, xmm3],
        [rbx, rbp, rdi, rsi, r12, r13, r14, r15],
        [xmm6, xmm7, xmm8, xmm9, xmm10, xmm11, xmm12, xmm13, xmm14, xmm15],
        shadowSpaceBytes: 32,
        positionalArguments: true);

    /// <summary>The convention native code uses on this host.</summary>
    public static X64CallingConvention Host => OperatingSystem.IsWindows() ? Win64 : SystemV;

    /// <summary>The convention's name.</summary>
    public string Name { get; }

    /// <summary>Registers for integer and pointer arguments, in order.</summary>
    public IReadOnlyList<AssemblerRegister64> IntegerArguments { get; }

    /// <summary>Registers for floating-point arguments, in order.</summary>
    public IReadOnlyList<AssemblerRegisterXMM> FloatArguments { get; }

    /// <summary>General-purpose registers a callee must restore before returning.</summary>
    public IReadOnlyList<AssemblerRegister64> CalleeSaved { get; }

    /// <summary>XMM registers a callee must restore (none on System V).</summary>
    public IReadOnlyList<AssemblerRegisterXMM> FloatCalleeSaved { get; }

    /// <summary>General-purpose registers a call may clobber (everything not callee-saved, except rsp).</summary>
    public IReadOnlyList<AssemblerRegister64> CallerSaved { get; }

    /// <summary>Bytes the caller reserves above the return address for the callee (32 on Win64).</summary>
    public int ShadowSpaceBytes { get; }

    /// <summary>The stack pointer's alignment at every call instruction.</summary>
    public int StackAlignment => 16;

    /// <summary>The integer result register.</summary>
    public AssemblerRegister64 IntegerReturn => rax;

    /// <summary>The floating-point result register.</summary>
    public AssemblerRegisterXMM FloatReturn => xmm0;

    /// <summary>
    /// Whether argument N uses the Nth register of its class counting all earlier arguments
    /// (Win64), rather than counting only earlier arguments of the same class (System V).
    /// </summary>
    public bool PositionalArguments { get; }

    /// <summary>
    /// Assigns registers to a call's arguments, given which are floating point. Arguments beyond
    /// the registers get <see langword="null"/> and go on the stack.
    /// </summary>
    public IReadOnlyList<ArgumentLocation> AssignArguments(IReadOnlyList<bool> isFloat)
    {
        var result = new ArgumentLocation[isFloat.Count];
        int integers = 0, floats = 0, stackSlot = 0;
        for (var i = 0; i < isFloat.Count; i++)
        {
            var integerIndex = PositionalArguments ? i : integers;
            var floatIndex = PositionalArguments ? i : floats;
            if (isFloat[i] && floatIndex < FloatArguments.Count)
                result[i] = new ArgumentLocation(null, FloatArguments[floatIndex], null);
            else if (!isFloat[i] && integerIndex < IntegerArguments.Count)
                result[i] = new ArgumentLocation(IntegerArguments[integerIndex], null, null);
            else
                result[i] = new ArgumentLocation(null, null, ShadowSpaceBytes + 8 * stackSlot++);
            if (isFloat[i]) floats++; else integers++;
        }
        return result;
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}

/// <summary>Where one argument travels: exactly one of the three is set.</summary>
/// <param name="Register">A general-purpose argument register.</param>
/// <param name="FloatRegister">An XMM argument register.</param>
/// <param name="StackOffset">The offset from rsp at the call instruction.</param>
public readonly record struct ArgumentLocation(AssemblerRegister64? Register, AssemblerRegisterXMM? FloatRegister, int? StackOffset);
