using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Flywheel.MachineCode;
using Flywheel.X64;
using Iced.Intel;
using static Iced.Intel.AssemblerRegisters;

namespace ExpressionJit;

/// <summary>
/// Compiles double expressions to <c>double f(double x)</c>. x stays in xmm0; intermediate values
/// take xmm1–xmm14 by tree depth and spill to the stack past that, with xmm15 as scratch.
/// <c>pow</c> calls back into C# through an <c>[UnmanagedCallersOnly]</c> helper.
/// </summary>
public sealed unsafe class DoubleCompiler
{
    private const int FirstValueRegister = 1, LastValueRegister = 14;
    private static readonly AssemblerRegisterXMM[] Xmm =
        [xmm0, xmm1, xmm2, xmm3, xmm4, xmm5, xmm6, xmm7, xmm8, xmm9, xmm10, xmm11, xmm12, xmm13, xmm14, xmm15];

    private readonly X64Assembler _masm = new();
    private readonly X64CallingConvention _convention;
    private int _spilledBytes;

    private DoubleCompiler(X64CallingConvention convention) => _convention = convention;

    /// <summary>Compiles <paramref name="expr"/> and installs it in <paramref name="heap"/>.</summary>
    public static CompiledExpression Compile(Expr expr, ExecutableMemory heap)
    {
        var blob = CompileToBlob(expr, X64CallingConvention.Host);
        return new CompiledExpression(heap.Install(blob), blob, isInteger: false);
    }

    /// <summary>Compiles <paramref name="expr"/> for <paramref name="convention"/> without installing it.</summary>
    public static CodeBlob CompileToBlob(Expr expr, X64CallingConvention convention)
    {
        var compiler = new DoubleCompiler(convention);
        return compiler.CompileFunction(expr);
    }

    private CodeBlob CompileFunction(Expr expr)
    {
        // Win64 makes xmm6-xmm15 callee-saved: keep them in 16-byte locals.
        var savedXmm = _convention.FloatCalleeSaved;
        var frame = new FrameLayout(_convention, [], localSlots: 2 * savedXmm.Count);
        _masm.EmitPrologue(frame);
        for (var i = 0; i < savedXmm.Count; i++) _masm.Iced.movdqu(__xmmword_ptr[rbp - 16 * (i + 1)], savedXmm[i]);
        _masm.Annotate($"x = {expr}");
        Emit(expr, FirstValueRegister);
        _masm.Iced.movapd(xmm0, Xmm[FirstValueRegister]);
        for (var i = 0; i < savedXmm.Count; i++) _masm.Iced.movdqu(savedXmm[i], __xmmword_ptr[rbp - 16 * (i + 1)]);
        _masm.EmitEpilogue(frame);
        return _masm.Finish();
    }

    private void Emit(Expr expr, int target)
    {
        var result = Xmm[target];
        switch (expr)
        {
            case Constant c:
                _masm.LoadConstant(result, c.Value);
                break;
            case Variable:
                _masm.Iced.movapd(result, xmm0);
                break;
            case Unary u:
                Emit(u.Operand, target);
                EmitUnary(u.Op, result);
                break;
            case Binary b:
                var right = EmitOperands(b, target);
                EmitBinary(b.Op, target, right);
                break;
            default:
                throw new ArgumentException($"Cannot compile {expr}.", nameof(expr));
        }
    }

    /// <summary>Leaves the left operand in <paramref name="target"/> and returns the register holding the right one.</summary>
    private int EmitOperands(Binary b, int target)
    {
        Emit(b.Left, target);
        if (target < LastValueRegister)
        {
            Emit(b.Right, target + 1);
            return target + 1;
        }
        // Out of registers: park the left operand on the stack while the right one is computed.
        _masm.Iced.sub(rsp, 8);
        _masm.Iced.movsd(__qword_ptr[rsp], Xmm[target]);
        _spilledBytes += 8;
        Emit(b.Right, target);
        _masm.Iced.movapd(xmm15, Xmm[target]);
        _masm.Iced.movsd(Xmm[target], __qword_ptr[rsp]);
        _masm.Iced.add(rsp, 8);
        _spilledBytes -= 8;
        return 15;
    }

    private void EmitUnary(UnaryOp op, AssemblerRegisterXMM value)
    {
        switch (op)
        {
            case UnaryOp.Neg:
                EmitWithMask(Code.Xorpd_xmm_xmmm128, value, 0x8000_0000_0000_0000);
                break;
            case UnaryOp.Abs:
                EmitWithMask(Code.Andpd_xmm_xmmm128, value, 0x7FFF_FFFF_FFFF_FFFF);
                break;
            case UnaryOp.Sqrt:
                _masm.Iced.sqrtsd(value, value);
                break;
            default:
                throw new ArgumentException($"{op} is not a double operation.", nameof(op));
        }
    }

    private void EmitWithMask(Code code, AssemblerRegisterXMM value, ulong lane)
    {
        Span<byte> mask = stackalloc byte[16];
        BitConverter.TryWriteBytes(mask, lane);
        BitConverter.TryWriteBytes(mask[8..], lane);
        var constant = _masm.Buffer.AddConstant(mask, 16);
        _masm.EmitRipRelative(Instruction.Create(code, value.Value, new MemoryOperand(Register.RIP)), constant);
    }

    private void EmitBinary(BinaryOp op, int left, int right)
    {
        var l = Xmm[left];
        var r = Xmm[right];
        switch (op)
        {
            case BinaryOp.Add: _masm.Iced.addsd(l, r); break;
            case BinaryOp.Sub: _masm.Iced.subsd(l, r); break;
            case BinaryOp.Mul: _masm.Iced.mulsd(l, r); break;
            case BinaryOp.Div: _masm.Iced.divsd(l, r); break;
            case BinaryOp.Pow: EmitPowCall(left, right); break;
            default: throw new ArgumentException($"{op} is not a double operation.", nameof(op));
        }
    }

    /// <summary>
    /// Calls <see cref="Pow"/> with the operands, preserving x and the values of enclosing
    /// expressions (xmm0 to xmm[left-1]); every xmm register is caller-saved on System V.
    /// </summary>
    private void EmitPowCall(int left, int right)
    {
        var saved = left;
        var saveBytes = 8 * saved;
        var misalignment = (_spilledBytes + saveBytes + _convention.ShadowSpaceBytes) % 16;
        var frameBytes = saveBytes + (misalignment == 0 ? 0 : 16 - misalignment) + _convention.ShadowSpaceBytes;
        _masm.Annotate("pow: call back into C#");
        _masm.Iced.sub(rsp, frameBytes);
        var saveBase = _convention.ShadowSpaceBytes;
        for (var i = 0; i < saved; i++) _masm.Iced.movsd(__qword_ptr[rsp + saveBase + 8 * i], Xmm[i]);
        _masm.Iced.movapd(xmm0, Xmm[left]);
        _masm.Iced.movapd(xmm1, Xmm[right]);
        _masm.CallAbsolute((nint)(delegate* unmanaged<double, double, double>)&Pow, rax);
        _masm.Iced.movapd(Xmm[left], xmm0);
        for (var i = 0; i < saved; i++) _masm.Iced.movsd(Xmm[i], __qword_ptr[rsp + saveBase + 8 * i]);
        _masm.Iced.add(rsp, frameBytes);
    }

    [UnmanagedCallersOnly]
    private static double Pow(double x, double y) => Math.Pow(x, y);
}
