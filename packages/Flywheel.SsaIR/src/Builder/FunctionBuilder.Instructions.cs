namespace Flywheel.SsaIR.Builder;

public sealed partial class FunctionBuilder
{
    /// <summary><c>iconst</c>: an integer, pointer or tagged constant.</summary>
    public ValueId Iconst(IrType type, long value) => Value(new Instruction(Opcode.Iconst, type) { Imm = type.Canonicalize(value) });

    /// <summary><c>fconst.f64</c>.</summary>
    public ValueId F64const(double value) => Value(new Instruction(Opcode.Fconst, IrType.F64) { Imm = BitConverter.DoubleToInt64Bits(value) });

    /// <summary><c>fconst.f32</c>.</summary>
    public ValueId F32const(float value) => Value(new Instruction(Opcode.Fconst, IrType.F32) { Imm = BitConverter.SingleToInt32Bits(value) });

    /// <summary>A two-operand instruction whose result has the operands' type (iadd, fmul, band, sdiv, ...).</summary>
    public ValueId Binary(Opcode opcode, ValueId a, ValueId b) => Value(new Instruction(opcode, function.TypeOf(a), a, b));

    /// <summary>An overflow-checked operation that deopts through <paramref name="state"/>.</summary>
    public ValueId Checked(Opcode opcode, ValueId a, ValueId b, FrameState state) =>
        Value(new Instruction(opcode, function.TypeOf(a), a, b) { FrameState = state });

    /// <summary>A one-operand instruction; <paramref name="resultType"/> matters for conversions.</summary>
    public ValueId Unary(Opcode opcode, IrType resultType, ValueId a) => Value(new Instruction(opcode, resultType, a));

    /// <summary><c>icmp</c>.</summary>
    public ValueId Icmp(IntCondition cond, ValueId a, ValueId b) => Value(new Instruction(Opcode.Icmp, IrType.I8, a, b) { IntCond = cond });

    /// <summary><c>fcmp</c>.</summary>
    public ValueId Fcmp(FloatCondition cond, ValueId a, ValueId b) => Value(new Instruction(Opcode.Fcmp, IrType.I8, a, b) { FloatCond = cond });

    /// <summary><c>select</c>.</summary>
    public ValueId Select(ValueId condition, ValueId ifTrue, ValueId ifFalse) =>
        Value(new Instruction(Opcode.Select, function.TypeOf(ifTrue), condition, ifTrue, ifFalse));

    /// <summary><c>load</c>.</summary>
    public ValueId Load(IrType type, ValueId address, int offset = 0, AliasClass alias = default) =>
        Value(new Instruction(Opcode.Load, type, address) { Offset = offset, Alias = alias });

    /// <summary><c>store</c>.</summary>
    public void Store(ValueId value, ValueId address, int offset = 0, AliasClass alias = default) =>
        Append(new Instruction(Opcode.Store, IrType.None, value, address) { Offset = offset, Alias = alias });

    /// <summary><c>stack_addr</c>.</summary>
    public ValueId StackAddr(StackSlotId slot) => Value(new Instruction(Opcode.StackAddr, IrType.Ptr) { Slot = slot });

    /// <summary><c>alloc</c>.</summary>
    public ValueId Alloc(int size) => Value(new Instruction(Opcode.Alloc, IrType.Ptr) { Imm = size });

    /// <summary><c>func_addr</c>.</summary>
    public ValueId FuncAddr(string callee) => Value(new Instruction(Opcode.FuncAddr, IrType.Ptr) { Callee = callee });

    /// <summary><c>call</c> of a module function; returns the result when <paramref name="returnType"/> is not none.</summary>
    public ValueId? Call(string callee, IrType returnType, ValueId[] args, FrameState? state = null) =>
        Append(new Instruction(Opcode.Call, returnType, args) { Callee = callee, FrameState = state }).Result;

    /// <summary><c>call_host</c> of an embedder helper.</summary>
    public ValueId? CallHost(string helper, IrType returnType, ValueId[] args, FrameState? state = null) =>
        Append(new Instruction(Opcode.CallHost, returnType, args) { Callee = helper, FrameState = state }).Result;

    /// <summary><c>call_indirect</c> through a function address.</summary>
    public ValueId? CallIndirect(ValueId address, IrType returnType, ValueId[] args, FrameState? state = null) =>
        Append(new Instruction(Opcode.CallIndirect, returnType, [address, .. args]) { FrameState = state }).Result;

    /// <summary><c>guard</c>: deopt through <paramref name="state"/> unless <paramref name="condition"/> is non-zero.</summary>
    public void Guard(ValueId condition, FrameState state) => Append(new Instruction(Opcode.Guard, IrType.None, condition) { FrameState = state });

    /// <summary><c>jump</c>.</summary>
    public void Jump(BlockId target, params ValueId[] args) =>
        Append(new Instruction(Opcode.Jump, IrType.None) { Targets = [new BlockCall(target, args)] });

    /// <summary><c>brif</c>.</summary>
    public void Brif(ValueId condition, BlockId then, ValueId[] thenArgs, BlockId otherwise, ValueId[] otherwiseArgs) =>
        Append(new Instruction(Opcode.Brif, IrType.None, condition) { Targets = [new BlockCall(then, thenArgs), new BlockCall(otherwise, otherwiseArgs)] });

    /// <summary><c>brif</c> to targets without arguments.</summary>
    public void Brif(ValueId condition, BlockId then, BlockId otherwise) => Brif(condition, then, [], otherwise, []);

    /// <summary><c>switch</c>: <paramref name="table"/>[index] when in range, else <paramref name="fallback"/>.</summary>
    public void Switch(ValueId index, BlockId fallback, params BlockId[] table) =>
        Append(new Instruction(Opcode.Switch, IrType.None, index) { Targets = [new BlockCall(fallback), .. table.Select(b => new BlockCall(b))] });

    /// <summary><c>return</c>, with a value when the function has a return type.</summary>
    public void Return(ValueId? value = null) =>
        Append(new Instruction(Opcode.Return, IrType.None, value is { } v ? [v] : []));

    /// <summary><c>trap</c>.</summary>
    public void Trap(TrapCode code, long userCode = 0) => Append(new Instruction(Opcode.Trap, IrType.None) { TrapCode = code, Imm = userCode });
}
