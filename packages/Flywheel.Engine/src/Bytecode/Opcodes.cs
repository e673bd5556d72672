namespace Flywheel.Engine.Bytecode;

/// <summary>Kinds of bytecode operands; each has one fixed encoded width (see <see cref="OpcodeTable.Width"/>).</summary>
internal enum OperandKind : byte
{
    /// <summary>Register index (u16): ri is frame slot fp[8 + i].</summary>
    Reg,
    /// <summary>Constant-pool, child-function or name index (u32).</summary>
    Idx,
    /// <summary>Signed 32-bit immediate.</summary>
    Imm,
    /// <summary>Small unsigned count or id (u16).</summary>
    Count,
    /// <summary>Feedback-slot index (u32), reserved for the profiler.</summary>
    Slot,
    /// <summary>Signed 32-bit jump offset relative to the start of the instruction.</summary>
    Jump,
}

/// <summary>What an opcode may do; read by the disassembler now and by the JIT tiers later.</summary>
[Flags]
internal enum OpFlags : ushort
{
    None = 0,
    Jumps = 1,
    ConditionalJump = 2,
    Call = 4,
    Returns = 8,
    Throws = 16,
    /// <summary>A safepoint: the GC and the time/interrupt checks may run here.</summary>
    Safepoint = 32,
    /// <summary>Reads the accumulator.</summary>
    ReadsAcc = 64,
    /// <summary>Writes the accumulator.</summary>
    WritesAcc = 128,
    /// <summary>Suspends the frame (generators).</summary>
    Suspends = 256,
}

/// <summary>The bytecode instruction set. The operand layout of each lives in <see cref="OpcodeTable"/>.</summary>
internal enum Opcode : byte
{
    Nop,
    LdaUndefined, LdaNull, LdaTrue, LdaFalse, LdaHole, LdaZero, LdaSmi, LdaConstant,
    Ldar, Star, Mov,
    LdaContextSlot, StaContextSlot, LdaCurrentContext, StaCurrentContext, PushContext, PopContext, CloneContext,
    LdaGlobal, LdaGlobalOrUndefined, StaGlobal, StaGlobalSloppy, DeclareGlobalVar, DeclareGlobalLexical, InitGlobalLexical,
    LdaReceiver, LdaFunction, LdaNewTarget, CreateArguments, CreateRest,
    ThrowIfHole, ThrowConstAssign, ThrowIfThisHole,
    GetNamed, SetNamed, DefineNamed, GetKeyed, SetKeyed, DefineKeyed, DefineGetter, DefineSetter, DeleteKeyed,
    GetSuper, SetSuper,
    Add, Sub, Mul, Div, Mod, Exp, BitOr, BitXor, BitAnd, Shl, Sar, Shr,
    Inc, Dec, Negate, BitNot, ToNumeric, Not, TypeOf,
    TestEqual, TestStrictEqual, TestLessThan, TestGreaterThan, TestLessThanOrEqual, TestGreaterThanOrEqual,
    TestInstanceOf, TestIn, TestNullish, TestUndefined, TestPrivateIn,
    ToStringOp, ToPropertyKey,
    Jump, JumpLoop, JumpIfTrue, JumpIfFalse, JumpIfToBooleanTrue, JumpIfToBooleanFalse,
    JumpIfNullish, JumpIfNotNullish, JumpIfUndefined, JumpIfNotUndefined, JumpIfHole,
    Call, CallSpread, Construct, ConstructSpread, SuperCall, SuperCallSpread, CallRuntime,
    Return, Throw, ReThrow,
    CreateClosure, CreateObject, CreateArray, ArrayPush, ArrayPushHole, ArrayPushSpread, CreateRegExp,
    CopyDataProperties, GetTemplateObject,
    GetIterator, IteratorStep, IteratorClose, ForInPrepare, ForInNext,
    Yield, Await, Debugger,
    // Bindings found only at run time (with objects, vars declared by sloppy direct eval): see Interp.Scopes.cs.
    LdaDynamic, StaDynamic,
}

/// <summary>One row of the opcode table.</summary>
internal sealed record OpInfo(Opcode Op, OperandKind[] Operands, OpFlags Flags)
{
    /// <summary>Byte offset of each operand from the start of the instruction.</summary>
    public readonly int[] Offsets = ComputeOffsets(Operands);
    /// <summary>Encoded size in bytes, opcode byte included.</summary>
    public int Size => Offsets.Length == 0 ? 1 : Offsets[^1] + OpcodeTable.Width(Operands[^1]);

    static int[] ComputeOffsets(OperandKind[] ops)
    {
        var r = new int[ops.Length];
        int o = 1;
        for (int i = 0; i < ops.Length; i++) { r[i] = o; o += OpcodeTable.Width(ops[i]); }
        return r;
    }
}
