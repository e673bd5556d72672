using Flywheel.CodeGen.Lowering;
using Flywheel.CodeGen.RegAlloc;
using Flywheel.SsaIR;

namespace Flywheel.CodeGen;

/// <summary>
/// What the target-independent pipeline needs from an instruction set. The core
/// (<c>Lowering/</c>, <c>RegAlloc/</c>, <c>StackMaps/</c>) computes block order, liveness and
/// register assignments from these answers; a backend (<c>X64/</c>, later <c>Arm64/</c>) decides
/// what folds into what and turns the allocated function into bytes.
/// </summary>
internal interface ITargetBackend
{
    /// <summary>The registers the allocator may hand out.</summary>
    RegisterInfo Registers { get; }

    /// <summary>Instruction selection decisions for one function: which instructions fold into their users.</summary>
    SelectionPlan Select(Function function);

    /// <summary>Register preferences that save moves (parameters in the registers they arrive in).</summary>
    void AddHints(Function function, LiveInterval?[] intervals);

    /// <summary>
    /// Allocatable registers that instruction sequences need for themselves (x86 division's
    /// rax:rdx, a shift count in cl, scratch for folded operands): register number to the
    /// ascending positions of the instructions that clobber it. No value may be in that register
    /// at such an instruction — as an operand, live across it, or as its result.
    /// </summary>
    IReadOnlyDictionary<int, List<int>> FixedRegisterUses(Function function, SelectionPlan plan, LinearOrder order);

    /// <summary>Emits every allocated function of a module into one blob.</summary>
    CompiledModule Emit(Module module, IReadOnlyList<AllocatedFunction> functions, CodeGenOptions options);
}

/// <summary>One function after lowering decisions and register allocation, ready for emission.</summary>
internal sealed record AllocatedFunction(Function Function, SelectionPlan Plan, LinearOrder Order, Allocation Allocation);
