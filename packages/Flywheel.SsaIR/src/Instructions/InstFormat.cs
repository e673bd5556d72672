namespace Flywheel.SsaIR;

/// <summary>How an opcode's operands and immediates are laid out; the printer, parser and verifier switch on this, never on opcodes.</summary>
public enum InstFormat : byte
{
    /// <summary><c>iconst.T 42</c>.</summary>
    IntConst,
    /// <summary><c>fconst.T 1.5</c>.</summary>
    FloatConst,
    /// <summary><c>op.T a</c>.</summary>
    Unary,
    /// <summary><c>op.T a, b</c>.</summary>
    Binary,
    /// <summary><c>op.T a, b deopt N(values)</c>.</summary>
    CheckedBinary,
    /// <summary><c>icmp cond a, b</c>.</summary>
    IntCompare,
    /// <summary><c>fcmp cond a, b</c>.</summary>
    FloatCompare,
    /// <summary><c>select.T c, a, b</c>.</summary>
    Select,
    /// <summary><c>load.T [p+8] alias2</c>.</summary>
    Load,
    /// <summary><c>store v, [p+8] alias2</c>.</summary>
    Store,
    /// <summary><c>stack_addr ss0</c>.</summary>
    StackAddr,
    /// <summary><c>alloc 16</c>.</summary>
    Alloc,
    /// <summary><c>func_addr %f</c>.</summary>
    FuncAddr,
    /// <summary><c>call.T %f(args)</c>, <c>call_host.T $h(args)</c>, optionally with a frame state.</summary>
    Call,
    /// <summary><c>call_indirect.T p(args)</c>, optionally with a frame state.</summary>
    CallIndirect,
    /// <summary><c>guard c deopt N(values)</c>.</summary>
    Guard,
    /// <summary><c>jump block1(args)</c>.</summary>
    Jump,
    /// <summary><c>brif c, block1(args), block2(args)</c>.</summary>
    Brif,
    /// <summary><c>switch v, block9, [block1, block2]</c>.</summary>
    Switch,
    /// <summary><c>return</c> or <c>return v</c>.</summary>
    Return,
    /// <summary><c>trap code</c>.</summary>
    Trap,
}

/// <summary>How an opcode's result type is determined.</summary>
public enum ResultRule : byte
{
    /// <summary>Produces no value.</summary>
    None,
    /// <summary>The result type is written as the opcode suffix (<c>iadd.i32</c>).</summary>
    Suffix,
    /// <summary>Always i8 (comparisons).</summary>
    FixedI8,
    /// <summary>Always ptr (addresses).</summary>
    FixedPtr,
    /// <summary>Calls: a suffix when the callee returns a value, none otherwise.</summary>
    OptionalSuffix,
}
