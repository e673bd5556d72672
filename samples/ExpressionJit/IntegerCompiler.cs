using Flywheel.MachineCode;
using Flywheel.X64;
using Iced.Intel;
using static Iced.Intel.AssemblerRegisters;

namespace ExpressionJit;

/// <summary>
/// Compiles integer expressions to <c>long f(long x)</c> with wrapping arithmetic. x is kept in
/// r11; intermediate values take seven registers by tree depth and spill with push/pop past
/// that, with r10 as scratch.
/// </summary>
public static class IntegerCompiler
{
    private static readonly AssemblerRegister64[] Values = [rax, rcx, rdx, rsi, rdi, r8, r9];

    /// <summary>Compiles <paramref name="expr"/> and installs it in <paramref name="heap"/>.</summary>
    public static CompiledExpression Compile(Expr expr, ExecutableMemory heap)
    {
        var blob = CompileToBlob(expr, X64CallingConvention.Host);
        return new CompiledExpression(heap.Install(blob), blob, isInteger: true);
    }

    /// <summary>Compiles <paramref name="expr"/> for <paramref name="convention"/> without installing it.</summary>
    public static CodeBlob CompileToBlob(Expr expr, X64CallingConvention convention)
    {
        var masm = new X64Assembler();
        var frame = new FrameLayout(convention, Values.Where(convention.CalleeSaved.Contains));
        masm.EmitPrologue(frame);
        masm.Iced.mov(r11, convention.IntegerArguments[0]);
        masm.Annotate($"x = {expr}");
        Emit(masm, expr, 0);
        masm.EmitEpilogue(frame);
        return masm.Finish();
    }

    private static void Emit(X64Assembler masm, Expr expr, int target)
    {
        var result = Values[target];
        switch (expr)
        {
            case Constant c:
                masm.LoadConstant(result, (long)c.Value);
                break;
            case Variable:
                masm.Iced.mov(result, r11);
                break;
            case Unary { Op: UnaryOp.Neg } u:
                Emit(masm, u.Operand, target);
                masm.Iced.neg(result);
                break;
            case Unary { Op: UnaryOp.Not } u:
                Emit(masm, u.Operand, target);
                masm.Iced.not(result);
                break;
            case Binary b:
                Emit(masm, b.Left, target);
                AssemblerRegister64 right;
                if (target + 1 < Values.Length)
                {
                    Emit(masm, b.Right, target + 1);
                    right = Values[target + 1];
                }
                else
                {
                    masm.Iced.push(result);
                    Emit(masm, b.Right, target);
                    masm.Iced.mov(r10, result);
                    masm.Iced.pop(result);
                    right = r10;
                }
                switch (b.Op)
                {
                    case BinaryOp.Add: masm.Iced.add(result, right); break;
                    case BinaryOp.Sub: masm.Iced.sub(result, right); break;
                    case BinaryOp.Mul: masm.Iced.imul(result, right); break;
                    case BinaryOp.And: masm.Iced.and(result, right); break;
                    case BinaryOp.Or: masm.Iced.or(result, right); break;
                    case BinaryOp.Xor: masm.Iced.xor(result, right); break;
                    default: throw new ArgumentException($"{b.Op} is not an integer operation.", nameof(expr));
                }
                break;
            default:
                throw new ArgumentException($"Cannot compile {expr} as an integer expression.", nameof(expr));
        }
    }
}
