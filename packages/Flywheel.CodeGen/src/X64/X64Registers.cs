using Iced.Intel;

namespace Flywheel.CodeGen.X64;

/// <summary>
/// Register naming and the fixed roles of x86-64 registers in generated code. rax, rcx and rdx are
/// allocated like the other caller-saved registers, except at the instructions whose sequences
/// need them (division's rax:rdx, a variable shift's cl, a few scratch uses: see
/// <see cref="X64Selector.Clobbers"/>), where the allocator keeps every value out of them; rax also
/// carries results and call targets. r10 and r11 are scratch for operands in memory and for
/// parallel moves; no calling convention passes arguments in them. rbp is the frame pointer.
/// </summary>
internal static class X64Registers
{
    public const int Rax = 0, Rcx = 1, Rdx = 2, Rbx = 3, Rsp = 4, Rbp = 5, Rsi = 6, Rdi = 7, R10 = 10, R11 = 11;

    public static Register R64(int n) => Register.RAX + n;

    public static Register R32(int n) => Register.EAX + n;

    public static Register R16(int n) => Register.AX + n;

    public static Register R8(int n) => n < 4 ? Register.AL + n : Register.SPL + (n - 4);

    public static Register Xmm(int n) => Register.XMM0 + n;

    public static int Number(Register register) => register.GetNumber();

    /// <summary>The register of width <paramref name="bits"/> (8, 16, 32, 64) with hardware number <paramref name="n"/>.</summary>
    public static Register Sized(int n, int bits) => bits switch
    {
        8 => R8(n),
        16 => R16(n),
        32 => R32(n),
        _ => R64(n),
    };
}
