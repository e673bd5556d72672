namespace Flywheel.Engine.Bytecode;

using static OperandKind;
using F = OpFlags;

/// <summary>
/// The single opcode table: operand kinds and effect flags per opcode. The bytecode emitter, the
/// disassembler and the interpreter's pc advance are driven by it; the baseline JIT will visit the
/// same rows. Tests check that every opcode has a row, that the emitter and disassembler round-trip
/// every row, and that the interpreter handles every opcode.
/// </summary>
internal static class OpcodeTable
{
    public static int Width(OperandKind k) => k switch { Reg => 2, Count => 2, _ => 4 };

    public static readonly OpInfo[] Rows = Build();
    public static OpInfo Get(Opcode op) => Rows[(int)op];
    public static int Size(Opcode op) => Rows[(int)op].Size;

    static OpInfo R(Opcode op, F f, params OperandKind[] k) => new(op, k, f);

    static OpInfo[] Build()
    {
        const F W = F.WritesAcc, Rd = F.ReadsAcc, RW = F.ReadsAcc | F.WritesAcc, T = F.Throws;
        OpInfo[] rows =
        [
            R(Opcode.Nop, F.None),
            R(Opcode.LdaUndefined, W), R(Opcode.LdaNull, W), R(Opcode.LdaTrue, W), R(Opcode.LdaFalse, W),
            R(Opcode.LdaHole, W), R(Opcode.LdaZero, W), R(Opcode.LdaSmi, W, Imm), R(Opcode.LdaConstant, W, Idx),
            R(Opcode.Ldar, W, Reg), R(Opcode.Star, Rd, Reg), R(Opcode.Mov, F.None, Reg, Reg),
            R(Opcode.LdaContextSlot, W, Count, Count), R(Opcode.StaContextSlot, Rd, Count, Count),
            R(Opcode.LdaCurrentContext, W), R(Opcode.StaCurrentContext, Rd), R(Opcode.PushContext, F.None, Count),
            R(Opcode.PopContext, F.None), R(Opcode.CloneContext, F.None),
            R(Opcode.LdaGlobal, W | T, Idx, Slot), R(Opcode.LdaGlobalOrUndefined, W, Idx),
            R(Opcode.StaGlobal, Rd | T, Idx, Slot), R(Opcode.StaGlobalSloppy, Rd | T, Idx, Slot),
            R(Opcode.DeclareGlobalVar, T, Idx), R(Opcode.DeclareGlobalLexical, T, Idx, Count), R(Opcode.InitGlobalLexical, Rd, Idx),
            R(Opcode.LdaReceiver, W), R(Opcode.LdaFunction, W), R(Opcode.LdaNewTarget, W),
            R(Opcode.CreateArguments, W), R(Opcode.CreateRest, W, Count),
            R(Opcode.ThrowIfHole, Rd | T, Idx), R(Opcode.ThrowConstAssign, T, Idx), R(Opcode.ThrowIfThisHole, Rd | T),
            R(Opcode.GetNamed, W | T, Reg, Idx, Slot), R(Opcode.SetNamed, Rd | T, Reg, Idx, Slot), R(Opcode.DefineNamed, Rd | T, Reg, Idx),
            R(Opcode.GetKeyed, RW | T, Reg, Slot), R(Opcode.SetKeyed, Rd | T, Reg, Reg, Slot), R(Opcode.DefineKeyed, Rd | T, Reg, Reg, Count),
            R(Opcode.DefineGetter, Rd | T, Reg, Reg, Count), R(Opcode.DefineSetter, Rd | T, Reg, Reg, Count), R(Opcode.DeleteKeyed, RW | T, Reg),
            R(Opcode.GetSuper, RW | T, Slot), R(Opcode.SetSuper, Rd | T, Reg, Slot),
            R(Opcode.Add, RW | T, Reg, Slot), R(Opcode.Sub, RW | T, Reg, Slot), R(Opcode.Mul, RW | T, Reg, Slot),
            R(Opcode.Div, RW | T, Reg, Slot), R(Opcode.Mod, RW | T, Reg, Slot), R(Opcode.Exp, RW | T, Reg, Slot),
            R(Opcode.BitOr, RW | T, Reg, Slot), R(Opcode.BitXor, RW | T, Reg, Slot), R(Opcode.BitAnd, RW | T, Reg, Slot),
            R(Opcode.Shl, RW | T, Reg, Slot), R(Opcode.Sar, RW | T, Reg, Slot), R(Opcode.Shr, RW | T, Reg, Slot),
            R(Opcode.Inc, RW | T, Slot), R(Opcode.Dec, RW | T, Slot), R(Opcode.Negate, RW | T, Slot), R(Opcode.BitNot, RW | T, Slot),
            R(Opcode.ToNumeric, RW | T, Slot), R(Opcode.Not, RW), R(Opcode.TypeOf, RW),
            R(Opcode.TestEqual, RW | T, Reg, Slot), R(Opcode.TestStrictEqual, RW, Reg, Slot),
            R(Opcode.TestLessThan, RW | T, Reg, Slot), R(Opcode.TestGreaterThan, RW | T, Reg, Slot),
            R(Opcode.TestLessThanOrEqual, RW | T, Reg, Slot), R(Opcode.TestGreaterThanOrEqual, RW | T, Reg, Slot),
            R(Opcode.TestInstanceOf, RW | T, Reg, Slot), R(Opcode.TestIn, RW | T, Reg, Slot),
            R(Opcode.TestNullish, RW), R(Opcode.TestUndefined, RW), R(Opcode.TestPrivateIn, RW | T, Reg),
            R(Opcode.ToStringOp, RW | T), R(Opcode.ToPropertyKey, RW | T),
            R(Opcode.Jump, F.Jumps, Jump), R(Opcode.JumpLoop, F.Jumps | F.Safepoint, Slot, Jump),
            R(Opcode.JumpIfTrue, F.Jumps | F.ConditionalJump | Rd, Jump), R(Opcode.JumpIfFalse, F.Jumps | F.ConditionalJump | Rd, Jump),
            R(Opcode.JumpIfToBooleanTrue, F.Jumps | F.ConditionalJump | Rd, Jump), R(Opcode.JumpIfToBooleanFalse, F.Jumps | F.ConditionalJump | Rd, Jump),
            R(Opcode.JumpIfNullish, F.Jumps | F.ConditionalJump | Rd, Jump), R(Opcode.JumpIfNotNullish, F.Jumps | F.ConditionalJump | Rd, Jump),
            R(Opcode.JumpIfUndefined, F.Jumps | F.ConditionalJump | Rd, Jump), R(Opcode.JumpIfNotUndefined, F.Jumps | F.ConditionalJump | Rd, Jump),
            R(Opcode.JumpIfHole, F.Jumps | F.ConditionalJump | Rd, Jump),
            R(Opcode.Call, W | T | F.Call | F.Safepoint, Reg, Reg, Reg, Count, Slot),
            R(Opcode.CallSpread, W | T | F.Call | F.Safepoint, Reg, Reg, Reg, Slot),
            R(Opcode.Construct, W | T | F.Call | F.Safepoint, Reg, Reg, Count, Slot),
            R(Opcode.ConstructSpread, W | T | F.Call | F.Safepoint, Reg, Reg, Slot),
            R(Opcode.SuperCall, W | T | F.Call | F.Safepoint, Reg, Count, Slot),
            R(Opcode.SuperCallSpread, W | T | F.Call | F.Safepoint, Reg, Slot),
            R(Opcode.CallRuntime, W | T | F.Call | F.Safepoint, Count, Reg, Count),
            R(Opcode.Return, Rd | F.Returns | F.Safepoint), R(Opcode.Throw, Rd | F.Throws), R(Opcode.ReThrow, Rd | F.Throws),
            R(Opcode.CreateClosure, W, Idx), R(Opcode.CreateObject, W), R(Opcode.CreateArray, W),
            R(Opcode.ArrayPush, Rd, Reg), R(Opcode.ArrayPushHole, F.None, Reg), R(Opcode.ArrayPushSpread, RW | T | F.Call, Reg),
            R(Opcode.CreateRegExp, W | T, Idx, Idx),
            R(Opcode.CopyDataProperties, Rd | T, Reg), R(Opcode.GetTemplateObject, W, Idx),
            R(Opcode.GetIterator, Rd | T | F.Call, Reg), R(Opcode.IteratorStep, W | T | F.Call | F.Jumps | F.ConditionalJump, Reg, Jump),
            R(Opcode.IteratorClose, T | F.Call, Reg), R(Opcode.ForInPrepare, Rd | T, Reg), R(Opcode.ForInNext, W | F.Jumps | F.ConditionalJump, Reg, Jump),
            R(Opcode.Yield, RW | F.Suspends | F.Safepoint, Reg), R(Opcode.Await, RW | F.Suspends | F.Safepoint, Reg), R(Opcode.Debugger, F.None),
            // LdaDynamic name, depth, slot, kind, receiver, target: if the object in context slot (depth, slot)
            // holds the binding, load it (kind bit 0: a with object, else an eval var object; bit 1: also
            // store the object to the receiver register) and jump; otherwise fall through.
            R(Opcode.LdaDynamic, W | T | F.Call | F.Jumps | F.ConditionalJump, Idx, Count, Count, Count, Reg, Jump),
            // StaDynamic name, depth, slot, kind, target: the store counterpart.
            R(Opcode.StaDynamic, Rd | T | F.Call | F.Jumps | F.ConditionalJump, Idx, Count, Count, Count, Jump),
        ];
        for (int i = 0; i < rows.Length; i++)
            if ((int)rows[i].Op != i) throw new InvalidOperationException($"opcode table row {i} is {rows[i].Op}");
        if (rows.Length != Enum.GetValues<Opcode>().Length) throw new InvalidOperationException("opcode table is missing rows");
        return rows;
    }
}
