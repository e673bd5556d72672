namespace Flywheel.SsaIR;

/// <summary>
/// Every IR operation. Names follow effects: <c>Checked*</c> may deopt through a frame state. The
/// properties of each opcode (text name, operand layout, result rule, effects) live in exactly one
/// place, <see cref="OpcodeInfo"/>.
/// </summary>
public enum Opcode : byte
{
    /// <summary>Integer (or pointer, or tagged) constant.</summary>
    Iconst,
    /// <summary>Floating-point constant.</summary>
    Fconst,
    /// <summary>Wrapping addition.</summary>
    Iadd,
    /// <summary>Wrapping subtraction.</summary>
    Isub,
    /// <summary>Wrapping multiplication.</summary>
    Imul,
    /// <summary>Signed division rounding toward zero; traps on zero and on MIN / -1.</summary>
    Sdiv,
    /// <summary>Unsigned division; traps on zero.</summary>
    Udiv,
    /// <summary>Signed remainder (sign of the dividend); traps on zero; MIN % -1 is 0.</summary>
    Srem,
    /// <summary>Unsigned remainder; traps on zero.</summary>
    Urem,
    /// <summary>Wrapping negation.</summary>
    Ineg,
    /// <summary>Signed addition that deopts on overflow.</summary>
    CheckedIadd,
    /// <summary>Signed subtraction that deopts on overflow.</summary>
    CheckedIsub,
    /// <summary>Signed multiplication that deopts on overflow.</summary>
    CheckedImul,
    /// <summary>Bitwise and.</summary>
    Band,
    /// <summary>Bitwise or.</summary>
    Bor,
    /// <summary>Bitwise exclusive or.</summary>
    Bxor,
    /// <summary>Bitwise not.</summary>
    Bnot,
    /// <summary>Shift left; the amount is taken modulo the width.</summary>
    Ishl,
    /// <summary>Logical shift right; the amount is taken modulo the width.</summary>
    Ushr,
    /// <summary>Arithmetic shift right; the amount is taken modulo the width.</summary>
    Sshr,
    /// <summary>Integer comparison giving an i8 0 or 1.</summary>
    Icmp,
    /// <summary>Float comparison giving an i8 0 or 1.</summary>
    Fcmp,
    /// <summary><c>select c, a, b</c>: a when c is non-zero, else b.</summary>
    Select,
    /// <summary>Float addition.</summary>
    Fadd,
    /// <summary>Float subtraction.</summary>
    Fsub,
    /// <summary>Float multiplication.</summary>
    Fmul,
    /// <summary>Float division.</summary>
    Fdiv,
    /// <summary>Float negation (flips the sign bit).</summary>
    Fneg,
    /// <summary>Float absolute value (clears the sign bit).</summary>
    Fabs,
    /// <summary>Float square root.</summary>
    Fsqrt,
    /// <summary>Sign-extends a narrower integer.</summary>
    Sextend,
    /// <summary>Zero-extends a narrower integer.</summary>
    Uextend,
    /// <summary>Keeps the low bits of a wider integer.</summary>
    Ireduce,
    /// <summary>f32 to f64.</summary>
    Fpromote,
    /// <summary>f64 to f32 (round to nearest even).</summary>
    Fdemote,
    /// <summary>Float to signed integer, rounding toward zero, saturating; NaN gives 0.</summary>
    FcvtToSintSat,
    /// <summary>Signed integer to float (round to nearest even).</summary>
    FcvtFromSint,
    /// <summary>Reinterprets the bits as another type of the same width.</summary>
    Bitcast,
    /// <summary>Loads a value from an address plus a constant offset, in an alias class.</summary>
    Load,
    /// <summary>Stores a value to an address plus a constant offset, in an alias class.</summary>
    Store,
    /// <summary>The address of a stack slot of the current frame.</summary>
    StackAddr,
    /// <summary>Allocates zeroed memory of a constant size that lives as long as the execution.</summary>
    Alloc,
    /// <summary>The address of a function of the module, for <see cref="CallIndirect"/>.</summary>
    FuncAddr,
    /// <summary>Calls a function of the module by name.</summary>
    Call,
    /// <summary>Calls the function at an address.</summary>
    CallIndirect,
    /// <summary>Calls a helper the embedder provides by name.</summary>
    CallHost,
    /// <summary>Deopts through its frame state unless the condition is non-zero.</summary>
    Guard,
    /// <summary>Unconditional jump with block arguments.</summary>
    Jump,
    /// <summary>Two-way branch on a non-zero condition.</summary>
    Brif,
    /// <summary>Jump table: an in-range index picks a target, anything else the default.</summary>
    Switch,
    /// <summary>Returns from the function.</summary>
    Return,
    /// <summary>Traps unconditionally.</summary>
    Trap,
}
