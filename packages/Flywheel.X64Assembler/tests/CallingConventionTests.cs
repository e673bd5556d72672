using System.Runtime.InteropServices;
using Flywheel.MachineCode;
using FsCheck.Xunit;
using Iced.Intel;
using static Iced.Intel.AssemblerRegisters;

namespace Flywheel.X64.Tests;

public unsafe class CallingConventionTests
{
    [Fact]
    public void System_V_counts_integer_and_float_arguments_separately()
    {
        var locations = X64CallingConvention.SystemV.AssignArguments([false, true, false, true, false, false, false, false, false]);
        Assert.Equal(rdi, locations[0].Register);
        Assert.Equal(xmm0, locations[1].FloatRegister);
        Assert.Equal(rsi, locations[2].Register);
        Assert.Equal(xmm1, locations[3].FloatRegister);
        Assert.Equal(r9, locations[7].Register);
        Assert.Equal(0, locations[8].StackOffset);
    }

    [Fact]
    public void Win64_assigns_by_position_and_puts_stack_arguments_above_the_shadow_space()
    {
        var locations = X64CallingConvention.Win64.AssignArguments([false, true, false, true, false]);
        Assert.Equal(rcx, locations[0].Register);
        Assert.Equal(xmm1, locations[1].FloatRegister);
        Assert.Equal(r8, locations[2].Register);
        Assert.Equal(xmm3, locations[3].FloatRegister);
        Assert.Equal(32, locations[4].StackOffset);
    }

    [Property(MaxTest = 200)]
    public bool Every_frame_keeps_rsp_16_byte_aligned_and_big_enough(byte savedMask, byte locals, byte outgoing, bool win64)
    {
        var convention = win64 ? X64CallingConvention.Win64 : X64CallingConvention.SystemV;
        var saved = convention.CalleeSaved.Where((_, i) => (savedMask >> i & 1) == 1).ToList();
        var frame = new FrameLayout(convention, saved, locals % 40, outgoing % 8);
        var pushed = 8 /* return address */ + 8 /* rbp */ + 8 * frame.SavedRegisters.Count;
        return (pushed + frame.StackAdjustment) % 16 == 0
            && frame.StackAdjustment >= 8 * (locals % 40) + 8 * (outgoing % 8) + convention.ShadowSpaceBytes;
    }

    [Fact]
    public void A_frame_refuses_to_save_a_register_the_convention_does_not_preserve()
    {
        Assert.Throws<ArgumentException>(() => new FrameLayout(X64CallingConvention.SystemV, [rax]));
    }

    [Fact]
    public void Generated_code_calls_a_CSharp_helper_with_register_and_stack_arguments_on_an_aligned_stack()
    {
        Assert.True(RuntimeInformation.ProcessArchitecture == Architecture.X64, "runs x86-64 code on the host");
        var convention = X64CallingConvention.Host;
        var argumentCount = 8;
        var locations = convention.AssignArguments(Enumerable.Repeat(false, argumentCount).ToList());
        var stackArguments = locations.Count(l => l.StackOffset is not null);
        var masm = new X64Assembler();
        var frame = new FrameLayout(convention, [rbx], localSlots: 1, outgoingStackArguments: stackArguments);
        var misaligned = masm.CreateLabel();
        masm.EmitPrologue(frame);
        masm.Iced.mov(rbx, convention.IntegerArguments[0]); // the base value, kept across the call in a callee-saved register
        for (var i = argumentCount - 1; i >= 0; i--)
        {
            var value = i + 1L;
            if (locations[i].Register is { } register)
            {
                masm.Iced.lea(register, __[rbx + (int)value]);
            }
            else
            {
                masm.Iced.lea(rax, __[rbx + (int)value]);
                masm.Iced.mov(__qword_ptr[rsp + locations[i].StackOffset!.Value], rax);
            }
        }
        masm.Iced.test(rsp, 15);
        masm.Jump(Condition.NotEqual, misaligned);
        masm.CallAbsolute((nint)(delegate* unmanaged<long, long, long, long, long, long, long, long, long>)&Weighted);
        masm.Iced.add(rax, rbx);
        masm.EmitEpilogue(frame);
        masm.Bind(misaligned);
        masm.Iced.mov(rax, -1);
        masm.EmitEpilogue(frame);

        using var heap = new ExecutableMemory();
        using var code = heap.Install(masm.Finish());
        var f = (delegate* unmanaged<long, long>)code.Address;
        const long baseValue = 1000;
        var expected = Enumerable.Range(1, 8).Sum(i => (baseValue + i) * i) + baseValue;
        Assert.Equal(expected, f(baseValue));
    }

    [Fact]
    public void A_frame_restores_the_callee_saved_registers_it_clobbers()
    {
        Assert.True(RuntimeInformation.ProcessArchitecture == Architecture.X64, "runs x86-64 code on the host");
        var convention = X64CallingConvention.Host;
        var masm = new X64Assembler();
        var inner = masm.CreateLabel();
        var outerFrame = new FrameLayout(convention, convention.CalleeSaved);
        var changed = masm.CreateLabel();

        // Outer: plant a value in every callee-saved register, call the inner function, check them.
        masm.EmitPrologue(outerFrame);
        var planted = convention.CalleeSaved.Where(r => r != rbp).ToList();
        foreach (var (register, i) in planted.Select((r, i) => (r, i))) masm.LoadConstant(register, 0x5150_0000 + i);
        masm.Call(inner);
        foreach (var (register, i) in planted.Select((r, i) => (r, i)))
        {
            masm.Iced.cmp(register, 0x5150_0000 + i);
            masm.Jump(Condition.NotEqual, changed);
        }
        masm.Iced.mov(eax, 1);
        masm.EmitEpilogue(outerFrame);
        masm.Bind(changed);
        masm.Iced.xor(eax, eax);
        masm.EmitEpilogue(outerFrame);

        // Inner: clobber every callee-saved register inside a frame that saves them.
        masm.Bind(inner);
        var innerFrame = new FrameLayout(convention, planted, localSlots: 3);
        masm.EmitPrologue(innerFrame);
        foreach (var register in planted) masm.LoadConstant(register, -1);
        masm.Iced.mov(innerFrame.Local(2), rbx);
        masm.EmitEpilogue(innerFrame);

        using var heap = new ExecutableMemory();
        using var code = heap.Install(masm.Finish());
        Assert.Equal(1, ((delegate* unmanaged<int>)code.Address)());
    }

    [UnmanagedCallersOnly]
    private static long Weighted(long a, long b, long c, long d, long e, long f, long g, long h) =>
        a * 1 + b * 2 + c * 3 + d * 4 + e * 5 + f * 6 + g * 7 + h * 8;
}
