using Flywheel.SsaIR.Analysis;
using Flywheel.SsaIR.Text;

namespace Flywheel.SsaIR.Verification;

/// <summary>
/// Checks that a function is well formed. A function that passes means exactly what the
/// <see cref="Interpretation.Interpreter"/> says it means. The invariants, in the order checked:
/// <list type="number">
/// <item>Layout: at least one block; the entry's parameters have the signature's types; no branch targets the entry.</item>
/// <item>Terminators: every block ends with exactly one terminator and has none elsewhere.</item>
/// <item>Shape: each instruction has the operand count, targets and frame state its format requires; its result exists iff its type is not none; its recorded block is the block listing it.</item>
/// <item>Definitions: every used value (operands, branch arguments, frame-state values) is defined by a block parameter or an attached instruction.</item>
/// <item>Dominance: in reachable blocks every use is dominated by its definition (a same-block definition comes earlier; parameters dominate their block).</item>
/// <item>Types: operands and results follow each opcode's typing rule (e.g. <c>iadd</c> operands equal its result type; <c>sextend</c> widens; addresses are ptr; conditions are integers).</item>
/// <item>Block parameters: each branch passes one argument per target parameter with the parameter's type; <c>switch</c> targets take no parameters.</item>
/// <item>Returns: <c>return</c> passes a value exactly when the signature has a return type, of that type.</item>
/// <item>References: stack slots exist; <c>alloc</c> sizes are positive; direct calls and <c>func_addr</c> name functions of the module (when one is given) with matching argument and result types.</item>
/// <item>Frame states: guards and checked operations carry one.</item>
/// </list>
/// </summary>
public static class Verifier
{
    /// <summary>Every violated invariant, as messages naming the instruction; empty when the function is valid.</summary>
    public static IReadOnlyList<string> Verify(Function function, Module? module = null)
    {
        var errors = new List<string>();
        new FunctionChecker(function, module, errors).Run();
        return errors;
    }

    /// <summary>Throws <see cref="VerifierException"/> listing every violation, if any.</summary>
    public static void VerifyOrThrow(Function function, Module? module = null)
    {
        var errors = Verify(function, module);
        if (errors.Count > 0) throw new VerifierException(function, errors);
    }

    /// <summary>Verifies every function of a module against the module.</summary>
    public static IReadOnlyList<string> Verify(Module module) =>
        module.Functions.SelectMany(f => Verify(f, module).Select(e => $"%{f.Name}: {e}")).ToList();
}

/// <summary>A function failed verification.</summary>
public sealed class VerifierException : Exception
{
    /// <summary>Creates the error with the function's text appended for context.</summary>
    public VerifierException(Function function, IReadOnlyList<string> errors)
        : base($"%{function.Name} is invalid:\n  {string.Join("\n  ", errors)}\n{IrPrinter.Print(function)}")
    {
        Errors = errors;
    }

    /// <summary>The violations.</summary>
    public IReadOnlyList<string> Errors { get; }
}
