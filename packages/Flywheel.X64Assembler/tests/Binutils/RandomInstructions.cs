using Iced.Intel;
using static Iced.Intel.AssemblerRegisters;

namespace Flywheel.X64.Tests.Binutils;

/// <summary>
/// Random instructions, each as the text GNU <c>as</c> reads and the call that makes the same
/// instruction through <see cref="X64Assembler"/>. The text is built here, not by Iced's formatter,
/// so the comparison does not rest on Iced agreeing with itself.
/// </summary>
internal static class RandomInstructions
{
    private static readonly (AssemblerRegister64 Reg, string Name)[] R64 =
        [(rax, "rax"), (rcx, "rcx"), (rdx, "rdx"), (rbx, "rbx"), (rsp, "rsp"), (rbp, "rbp"), (rsi, "rsi"), (rdi, "rdi"),
         (r8, "r8"), (r9, "r9"), (r10, "r10"), (r11, "r11"), (r12, "r12"), (r13, "r13"), (r14, "r14"), (r15, "r15")];

    private static readonly (AssemblerRegister32 Reg, string Name)[] R32 =
        [(eax, "eax"), (ecx, "ecx"), (edx, "edx"), (ebx, "ebx"), (esi, "esi"), (edi, "edi"), (r8d, "r8d"), (r12d, "r12d"), (r15d, "r15d")];

    private static readonly (AssemblerRegisterXMM Reg, string Name)[] Xmm =
        [(xmm0, "xmm0"), (xmm1, "xmm1"), (xmm7, "xmm7"), (xmm8, "xmm8"), (xmm15, "xmm15")];

    private static readonly string[] Alu = ["add", "sub", "and", "or", "xor", "cmp", "mov", "adc", "sbb"];

    private static readonly int[] Immediates = [0, 1, -1, 127, -128, 128, 255, 0x7FFF, -0x8000, 0x12345678, int.MinValue, int.MaxValue];

    public static (string Text, Action<X64Assembler> Emit) Next(Random random)
    {
        var (a, an) = R64[random.Next(R64.Length)];
        var (b, bn) = R64[random.Next(R64.Length)];
        var (x, xn) = Xmm[random.Next(Xmm.Length)];
        var (y, yn) = Xmm[random.Next(Xmm.Length)];
        var imm = random.Next(2) == 0 ? Immediates[random.Next(Immediates.Length)] : random.Next(int.MinValue, int.MaxValue);
        var (mem, memText) = Memory(random);
        var op = Alu[random.Next(Alu.Length)];

        switch (random.Next(17))
        {
            case 0: return ($"{op} {an}, {bn}", m => Alu64(m.Iced, op, a, b));
            case 1:
                var (c, cn) = R32[random.Next(R32.Length)];
                var (d, dn) = R32[random.Next(R32.Length)];
                return ($"{op} {cn}, {dn}", m => Alu32(m.Iced, op, c, d));
            case 2 when op != "mov": return ($"{op} {an}, {imm}", m => AluImm(m.Iced, op, a, imm));
            case 3: return ($"{op} {an}, qword ptr {memText}", m => AluLoad(m.Iced, op, a, mem));
            case 4: return ($"mov qword ptr {memText}, {bn}", m => m.Iced.mov(mem, b));
            case 5: return ($"lea {an}, {memText}", m => m.Iced.lea(a, mem));
            case 6: return ($"imul {an}, {bn}", m => m.Iced.imul(a, b));
            case 7: return ($"imul {an}, {bn}, {imm}", m => m.Iced.imul(a, b, imm));
            case 8:
                var shift = new[] { "shl", "shr", "sar", "rol" }[random.Next(4)];
                var count = random.Next(1, 64);
                return ($"{shift} {an}, {count}", m => Shift(m.Iced, shift, a, count));
            case 9:
                var sse = new[] { "addsd", "subsd", "mulsd", "divsd", "sqrtsd", "ucomisd", "movapd", "xorpd" }[random.Next(8)];
                return ($"{sse} {xn}, {yn}", m => Sse(m.Iced, sse, x, y));
            case 10: return ($"movsd {xn}, qword ptr {memText}", m => m.Iced.movsd(x, mem));
            case 11: return ($"cvtsi2sd {xn}, {an}", m => m.Iced.cvtsi2sd(x, a));
            case 12: return ($"cvttsd2si {an}, {xn}", m => m.Iced.cvttsd2si(a, x));
            case 13 when random.Next(2) == 0: return ($"push {an}", m => m.Iced.push(a));
            case 13: return ($"pop {an}", m => m.Iced.pop(a));
            case 14: return ($"test {an}, {bn}", m => m.Iced.test(a, b));
            case 15: return ($"cmove {an}, {bn}", m => m.Iced.cmove(a, b));
            default: return ($"movabs {an}, {(long)imm * 0x10001}", m => m.Iced.mov(a, (long)imm * 0x10001));
        }
    }

    private static (AssemblerMemoryOperand Operand, string Text) Memory(Random random)
    {
        var (b, bn) = R64[random.Next(R64.Length)];
        var disp = new[] { 0, 8, -8, 127, 128, -129, 0x12345, -0x7FFF_FFF0 }[random.Next(8)];
        var dispText = disp == 0 ? "" : disp > 0 ? $"+{disp}" : $"{disp}";
        if (random.Next(2) == 0) return (__[b + disp], $"[{bn}{dispText}]");
        var (i, iname) = R64[random.Next(R64.Length)];
        if (i == rsp) (i, iname) = (rbx, "rbx");
        var scale = 1 << random.Next(4);
        return (__[b + i * scale + disp], $"[{bn}+{iname}*{scale}{dispText}]");
    }

    private static void Alu64(Assembler a, string op, AssemblerRegister64 d, AssemblerRegister64 s)
    {
        switch (op)
        {
            case "add": a.add(d, s); break; case "sub": a.sub(d, s); break; case "and": a.and(d, s); break;
            case "or": a.or(d, s); break; case "xor": a.xor(d, s); break; case "cmp": a.cmp(d, s); break;
            case "mov": a.mov(d, s); break; case "adc": a.adc(d, s); break; case "sbb": a.sbb(d, s); break;
        }
    }

    private static void Alu32(Assembler a, string op, AssemblerRegister32 d, AssemblerRegister32 s)
    {
        switch (op)
        {
            case "add": a.add(d, s); break; case "sub": a.sub(d, s); break; case "and": a.and(d, s); break;
            case "or": a.or(d, s); break; case "xor": a.xor(d, s); break; case "cmp": a.cmp(d, s); break;
            case "mov": a.mov(d, s); break; case "adc": a.adc(d, s); break; case "sbb": a.sbb(d, s); break;
        }
    }

    private static void AluImm(Assembler a, string op, AssemblerRegister64 d, int imm)
    {
        switch (op)
        {
            case "add": a.add(d, imm); break; case "sub": a.sub(d, imm); break; case "and": a.and(d, imm); break;
            case "or": a.or(d, imm); break; case "xor": a.xor(d, imm); break; case "cmp": a.cmp(d, imm); break;
            case "adc": a.adc(d, imm); break; case "sbb": a.sbb(d, imm); break;
        }
    }

    private static void AluLoad(Assembler a, string op, AssemblerRegister64 d, AssemblerMemoryOperand s)
    {
        switch (op)
        {
            case "add": a.add(d, s); break; case "sub": a.sub(d, s); break; case "and": a.and(d, s); break;
            case "or": a.or(d, s); break; case "xor": a.xor(d, s); break; case "cmp": a.cmp(d, s); break;
            case "mov": a.mov(d, s); break; case "adc": a.adc(d, s); break; case "sbb": a.sbb(d, s); break;
        }
    }

    private static void Shift(Assembler a, string op, AssemblerRegister64 d, int count)
    {
        switch (op)
        {
            case "shl": a.shl(d, (byte)count); break; case "shr": a.shr(d, (byte)count); break;
            case "sar": a.sar(d, (byte)count); break; case "rol": a.rol(d, (byte)count); break;
        }
    }

    private static void Sse(Assembler a, string op, AssemblerRegisterXMM d, AssemblerRegisterXMM s)
    {
        switch (op)
        {
            case "addsd": a.addsd(d, s); break; case "subsd": a.subsd(d, s); break; case "mulsd": a.mulsd(d, s); break;
            case "divsd": a.divsd(d, s); break; case "sqrtsd": a.sqrtsd(d, s); break; case "ucomisd": a.ucomisd(d, s); break;
            case "movapd": a.movapd(d, s); break; case "xorpd": a.xorpd(d, s); break;
        }
    }
}
