using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Flywheel.Engine.Interpreter;

/// <summary>
/// The frame and instruction a dispatch loop is at, in memory the catch handler can read. The loop
/// keeps fp, pc and acc in registers and writes <see cref="Fp"/> whenever it changes frames and
/// <see cref="Pc"/> before every instruction that can throw, so an exception is attributed to the
/// right handler-table range and source position without an EH region around the hot loop.
/// </summary>
internal unsafe struct LoopState
{
    public ulong* Fp;
    public byte* Pc;
    public JsValue Acc;
}

/// <summary>How far <see cref="Interp"/>'s dispatch loop runs: a type parameter, so each mode is compiled on its own.</summary>
internal interface IDispatchMode
{
    /// <summary>Whether the loop returns after one instruction instead of running until its entry frame returns.</summary>
    static abstract bool SingleStep { get; }
}

/// <summary>The dispatch loop runs until its entry frame returns or yields.</summary>
internal struct ToCompletion : IDispatchMode
{
    public static bool SingleStep => false;
}

/// <summary>
/// The dispatch loop runs one instruction, without entering machine code and without fusing a compare
/// with the jump after it: the slow paths of baseline code, which must come back after that instruction.
/// </summary>
internal struct SingleInstruction : IDispatchMode
{
    public static bool SingleStep => true;
}

/// <summary>
/// Sizes of the instructions whose cases advance pc by a constant instead of the size table;
/// OpcodeTableTests checks every one against <see cref="OpcodeTable"/>.
/// </summary>
internal static class OpSize
{
    public const int LdaSmi = 5, LdaConstant = 5, Ldar = 3, Star = 3, Mov = 5, LdaContextSlot = 5, StaContextSlot = 5;
    public const int GetKeyed = 7, SetKeyed = 9;
    public const int Add = 7, Sub = 7, Mul = 7, Div = 7, Mod = 7, BitOr = 7, BitXor = 7, BitAnd = 7, Shl = 7, Sar = 7, Shr = 7;
    public const int Inc = 5, Dec = 5, Negate = 5;
    public const int TestStrictEqual = 7, TestLessThan = 7, TestGreaterThan = 7, TestLessThanOrEqual = 7, TestGreaterThanOrEqual = 7;
    public const int JumpIfTrue = 5, JumpIfFalse = 5, JumpIfToBooleanTrue = 5, JumpIfToBooleanFalse = 5;
}

internal sealed unsafe partial class Interp
{
    /// <summary>Instruction sizes by opcode, in unmanaged memory so the generic pc advance has no bounds check.</summary>
    static readonly byte* Sizes = BuildSizes();

    static byte* BuildSizes()
    {
        var p = (byte*)NativeMemory.AllocZeroed(256);
        foreach (var r in OpcodeTable.Rows) p[(int)r.Op] = (byte)r.Size;
        return p;
    }

    /// <summary>
    /// Runs from frame <paramref name="entryFp"/> (which has the Entry flag) until that frame returns
    /// or, for generators, yields. Only this method has an exception handler: the dispatch loop
    /// itself (<see cref="Dispatch"/>) has none, so the JIT keeps its state in registers.
    /// </summary>
    JsValue Run(ulong* entryFp, int startPc, JsValue startAcc)
    {
        LoopState st;
        st.Fp = entryFp;
        st.Pc = FrameTemplate(entryFp).Code + startPc;
        st.Acc = startAcc;
        return Loop(entryFp, &st, afterExit: false, 0);
    }

    /// <summary>
    /// The dispatch loop of entry frame <paramref name="entryFp"/> with its exception handling, from
    /// <paramref name="st"/>. With <paramref name="afterExit"/>, an activation of machine code entered at
    /// the start of that frame (<see cref="RunEntryFrameInMachineCode"/>, with <paramref name="entryCallee"/>)
    /// has just exited: the exit is settled first
    /// (<see cref="FinishActivation"/>, which may raise a native's exception) inside the exception
    /// handling, so a handler in the frames the code ran catches it as in the interpreter.
    /// </summary>
    JsValue Loop(ulong* entryFp, LoopState* st, bool afterExit, ulong entryCallee)
    {
        var outer = active;
        active = st;
        try
        {
            while (true)
            {
                try
                {
                    if (afterExit)
                    {
                        afterExit = false;
                        FinishActivation(entryFp, FrameTemplate(entryFp), entryCallee, st);
                    }
                    return Dispatch<ToCompletion>(entryFp, st);
                }
                catch (JsThrow e)
                {
                    if (!HandleThrow(e, entryFp, ref st->Fp, ref st->Pc, ref st->Acc)) throw;
                }
            }
        }
        finally
        {
            active = outer;
        }
    }

    /// <summary>
    /// The dispatch loop, resuming at <paramref name="st"/>'s frame, pc and accumulator. pc points at
    /// the current instruction until it completes; before anything that can throw, the case stores
    /// it to <paramref name="st"/> (and every frame change stores fp), which is what the handler
    /// lookup in <see cref="Run"/> reads.
    /// <para>
    /// With <typeparamref name="TMode"/> <see cref="SingleInstruction"/> it runs the one instruction at
    /// <paramref name="st"/>'s pc and returns, leaving the next pc in <paramref name="st"/>: baseline
    /// code's slow paths (<see cref="StepStub"/>). Each mode is its own instantiation, so the checks cost
    /// the full loop nothing.
    /// </para>
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    JsValue Dispatch<TMode>(ulong* entryFp, LoopState* st) where TMode : struct, IDispatchMode
    {
        ulong* fp = st->Fp;
        byte* pc = st->Pc;
        JsValue acc = st->Acc;
        var t = FrameTemplate(fp);
        byte* code = t.Code;
        JsValue* regs = (JsValue*)(fp + JsStack.HeaderSlots);
        bool cond;
        if (!TMode.SingleStep && Jit != null) { st->Acc = acc; if (EnterBaseline(fp, t, pc, st)) { fp = st->Fp; t = FrameTemplate(fp); code = t.Code; regs = (JsValue*)(fp + JsStack.HeaderSlots); } pc = st->Pc; acc = st->Acc; }
        bool stepped = false;
        while (true)
        {
            if (TMode.SingleStep)
            {
                if (stepped) { st->Pc = pc; st->Acc = acc; return acc; }
                stepped = true;
            }
            // Cases re-read *pc rather than use a local opcode: a value live across the whole switch gets spilled.
            switch ((Opcode)(*pc))
            {
                // Hot cases that cannot throw advance pc by a constant and continue.
                case Opcode.Ldar: acc = regs[*(ushort*)(pc + 1)]; pc += OpSize.Ldar; continue;
                case Opcode.Star: regs[*(ushort*)(pc + 1)] = acc; pc += OpSize.Star; continue;
                case Opcode.Mov: regs[*(ushort*)(pc + 3)] = regs[*(ushort*)(pc + 1)]; pc += OpSize.Mov; continue;
                case Opcode.LdaSmi: acc = JsValue.FromInt(*(int*)(pc + 1)); pc += OpSize.LdaSmi; continue;
                case Opcode.LdaConstant: acc = t.Constants[*(int*)(pc + 1)]; pc += OpSize.LdaConstant; continue;
                case Opcode.LdaContextSlot:
                    {
                        nint c = (nint)fp[JsStack.ContextSlot];
                        for (int d = *(ushort*)(pc + 1); d > 0; d--) c = Layout.Val(c, Layout.ContextParent).Ptr;
                        acc = Layout.CtxSlot(c, *(ushort*)(pc + 3));
                        pc += OpSize.LdaContextSlot;
                        continue;
                    }
                case Opcode.StaContextSlot:
                    {
                        nint c = (nint)fp[JsStack.ContextSlot];
                        for (int d = *(ushort*)(pc + 1); d > 0; d--) c = Layout.Val(c, Layout.ContextParent).Ptr;
                        Layout.CtxSlot(c, *(ushort*)(pc + 3)) = acc;
                        pc += OpSize.StaContextSlot;
                        continue;
                    }
                case Opcode.Add:
                    {
                        var l = regs[*(ushort*)(pc + 1)];
                        RecordOperands(t, *(int*)(pc + 3), l, acc);
                        if (l.IsInt32 && acc.IsInt32) { long r = (long)l.Int32 + acc.Int32; acc = r == (int)r ? JsValue.FromInt((int)r) : JsValue.FromDoubleRaw(r); }
                        else if (l.IsNumber && acc.IsNumber) acc = JsValue.FromNumber(l.Number + acc.Number);
                        else { st->Pc = pc; acc = realm.Add(l, acc); }
                        pc += OpSize.Add;
                        continue;
                    }
                case Opcode.Sub:
                    {
                        var l = regs[*(ushort*)(pc + 1)];
                        RecordOperands(t, *(int*)(pc + 3), l, acc);
                        if (l.IsInt32 && acc.IsInt32) { long r = (long)l.Int32 - acc.Int32; acc = r == (int)r ? JsValue.FromInt((int)r) : JsValue.FromDoubleRaw(r); }
                        else if (l.IsNumber && acc.IsNumber) acc = JsValue.FromNumber(l.Number - acc.Number);
                        else { st->Pc = pc; acc = JsValue.FromNumber(NumSlow(l) - NumSlow(acc)); }
                        pc += OpSize.Sub;
                        continue;
                    }
                case Opcode.Mul:
                    {
                        var l = regs[*(ushort*)(pc + 1)];
                        RecordOperands(t, *(int*)(pc + 3), l, acc);
                        if (l.IsInt32 && acc.IsInt32) { long r = (long)l.Int32 * acc.Int32; acc = r == (int)r && !(r == 0 && (l.Int32 < 0 || acc.Int32 < 0)) ? JsValue.FromInt((int)r) : JsValue.FromNumber((double)l.Int32 * acc.Int32); }
                        else if (l.IsNumber && acc.IsNumber) acc = JsValue.FromNumber(l.Number * acc.Number);
                        else { st->Pc = pc; acc = JsValue.FromNumber(NumSlow(l) * NumSlow(acc)); }
                        pc += OpSize.Mul;
                        continue;
                    }
                case Opcode.Div:
                    {
                        var l = regs[*(ushort*)(pc + 1)];
                        RecordOperands(t, *(int*)(pc + 3), l, acc);
                        if (l.IsNumber && acc.IsNumber) acc = JsValue.FromNumber(l.Number / acc.Number);
                        else { st->Pc = pc; double a = NumSlow(l); acc = JsValue.FromNumber(a / NumSlow(acc)); }
                        pc += OpSize.Div;
                        continue;
                    }
                case Opcode.Mod:
                    {
                        var l = regs[*(ushort*)(pc + 1)];
                        RecordOperands(t, *(int*)(pc + 3), l, acc);
                        if (l.IsInt32 && acc.IsInt32 && l.Int32 >= 0 && acc.Int32 > 0) acc = JsValue.FromInt(l.Int32 % acc.Int32);
                        else { st->Pc = pc; double a = NumSlow(l); acc = JsValue.FromNumber(Operators.Mod(a, NumSlow(acc))); }
                        pc += OpSize.Mod;
                        continue;
                    }
                case Opcode.BitOr:
                    {
                        var l = regs[*(ushort*)(pc + 1)];
                        RecordOperands(t, *(int*)(pc + 3), l, acc);
                        if (l.IsInt32 && acc.IsInt32) acc = JsValue.FromInt(l.Int32 | acc.Int32);
                        else { st->Pc = pc; int a = realm.ToInt32(l); acc = JsValue.FromInt(a | realm.ToInt32(acc)); }
                        pc += OpSize.BitOr;
                        continue;
                    }
                case Opcode.BitXor:
                    {
                        var l = regs[*(ushort*)(pc + 1)];
                        RecordOperands(t, *(int*)(pc + 3), l, acc);
                        if (l.IsInt32 && acc.IsInt32) acc = JsValue.FromInt(l.Int32 ^ acc.Int32);
                        else { st->Pc = pc; int a = realm.ToInt32(l); acc = JsValue.FromInt(a ^ realm.ToInt32(acc)); }
                        pc += OpSize.BitXor;
                        continue;
                    }
                case Opcode.BitAnd:
                    {
                        var l = regs[*(ushort*)(pc + 1)];
                        RecordOperands(t, *(int*)(pc + 3), l, acc);
                        if (l.IsInt32 && acc.IsInt32) acc = JsValue.FromInt(l.Int32 & acc.Int32);
                        else { st->Pc = pc; int a = realm.ToInt32(l); acc = JsValue.FromInt(a & realm.ToInt32(acc)); }
                        pc += OpSize.BitAnd;
                        continue;
                    }
                case Opcode.Shl:
                    {
                        var l = regs[*(ushort*)(pc + 1)];
                        RecordOperands(t, *(int*)(pc + 3), l, acc);
                        if (l.IsInt32 && acc.IsInt32) acc = JsValue.FromInt(l.Int32 << (acc.Int32 & 31));
                        else { st->Pc = pc; int a = realm.ToInt32(l); acc = JsValue.FromInt(a << (realm.ToInt32(acc) & 31)); }
                        pc += OpSize.Shl;
                        continue;
                    }
                case Opcode.Sar:
                    {
                        var l = regs[*(ushort*)(pc + 1)];
                        RecordOperands(t, *(int*)(pc + 3), l, acc);
                        if (l.IsInt32 && acc.IsInt32) acc = JsValue.FromInt(l.Int32 >> (acc.Int32 & 31));
                        else { st->Pc = pc; int a = realm.ToInt32(l); acc = JsValue.FromInt(a >> (realm.ToInt32(acc) & 31)); }
                        pc += OpSize.Sar;
                        continue;
                    }
                case Opcode.Shr:
                    {
                        var l = regs[*(ushort*)(pc + 1)];
                        RecordOperands(t, *(int*)(pc + 3), l, acc);
                        uint u;
                        if (l.IsInt32 && acc.IsInt32) u = (uint)l.Int32 >> (acc.Int32 & 31);
                        else { st->Pc = pc; uint a = (uint)realm.ToInt32(l); u = a >> (realm.ToInt32(acc) & 31); }
                        acc = (int)u >= 0 ? JsValue.FromInt((int)u) : JsValue.FromDoubleRaw(u);
                        pc += OpSize.Shr;
                        continue;
                    }
                case Opcode.Inc:
                    RecordOperand(t, *(int*)(pc + 1), acc);
                    if (acc.IsInt32 && acc.Int32 != int.MaxValue) acc = JsValue.FromInt(acc.Int32 + 1);
                    else { st->Pc = pc; acc = JsValue.FromNumber(Num(acc) + 1); }
                    pc += OpSize.Inc;
                    continue;
                case Opcode.Dec:
                    RecordOperand(t, *(int*)(pc + 1), acc);
                    if (acc.IsInt32 && acc.Int32 != int.MinValue) acc = JsValue.FromInt(acc.Int32 - 1);
                    else { st->Pc = pc; acc = JsValue.FromNumber(Num(acc) - 1); }
                    pc += OpSize.Dec;
                    continue;
                case Opcode.Negate:
                    RecordOperand(t, *(int*)(pc + 1), acc);
                    if (acc.IsInt32 && acc.Int32 != 0 && acc.Int32 != int.MinValue) acc = JsValue.FromInt(-acc.Int32);
                    else { st->Pc = pc; acc = JsValue.FromNumber(-Num(acc)); }
                    pc += OpSize.Negate;
                    continue;
                // Compares produce a boolean in `cond` and go to CompareDone, which fuses a following
                // conditional jump (the usual consumer) so the pair costs one dispatch.
                case Opcode.TestStrictEqual:
                    {
                        var l = regs[*(ushort*)(pc + 1)];
                        RecordOperands(t, *(int*)(pc + 3), l, acc);
                        cond = l.Bits == acc.Bits ? !(l.IsDouble && double.IsNaN(l.Double)) : Realm.StrictEquals(l, acc);
                        pc += OpSize.TestStrictEqual;
                        // `a !== b` compiles to TestStrictEqual; Not.
                        if (!TMode.SingleStep && *pc == (byte)Opcode.Not) { cond = !cond; pc += 1; }
                        goto CompareDone;
                    }
                case Opcode.TestLessThan:
                    {
                        var l = regs[*(ushort*)(pc + 1)];
                        RecordOperands(t, *(int*)(pc + 3), l, acc);
                        if (l.IsInt32 && acc.IsInt32) cond = l.Int32 < acc.Int32;
                        else if (l.IsNumber && acc.IsNumber) cond = l.Number < acc.Number;
                        else { st->Pc = pc; cond = realm.LessThan(l, acc) == true; }
                        pc += OpSize.TestLessThan;
                        goto CompareDone;
                    }
                case Opcode.TestGreaterThan:
                    {
                        var l = regs[*(ushort*)(pc + 1)];
                        RecordOperands(t, *(int*)(pc + 3), l, acc);
                        if (l.IsInt32 && acc.IsInt32) cond = l.Int32 > acc.Int32;
                        else if (l.IsNumber && acc.IsNumber) cond = l.Number > acc.Number;
                        else { st->Pc = pc; cond = realm.LessThan(acc, l, false) == true; }
                        pc += OpSize.TestGreaterThan;
                        goto CompareDone;
                    }
                case Opcode.TestLessThanOrEqual:
                    {
                        var l = regs[*(ushort*)(pc + 1)];
                        RecordOperands(t, *(int*)(pc + 3), l, acc);
                        if (l.IsInt32 && acc.IsInt32) cond = l.Int32 <= acc.Int32;
                        else if (l.IsNumber && acc.IsNumber) cond = l.Number <= acc.Number;
                        else { st->Pc = pc; cond = realm.LessThan(acc, l, false) == false; }
                        pc += OpSize.TestLessThanOrEqual;
                        goto CompareDone;
                    }
                case Opcode.TestGreaterThanOrEqual:
                    {
                        var l = regs[*(ushort*)(pc + 1)];
                        RecordOperands(t, *(int*)(pc + 3), l, acc);
                        if (l.IsInt32 && acc.IsInt32) cond = l.Int32 >= acc.Int32;
                        else if (l.IsNumber && acc.IsNumber) cond = l.Number >= acc.Number;
                        else { st->Pc = pc; cond = realm.LessThan(l, acc) == false; }
                        pc += OpSize.TestGreaterThanOrEqual;
                        goto CompareDone;
                    }
                case Opcode.Jump: pc += *(int*)(pc + 1); continue;
                case Opcode.JumpLoop:
                    CountBackEdge(t, *(int*)(pc + 1));
                    pc += *(int*)(pc + 5);
                    Safepoint(acc, fp);
                    if (!TMode.SingleStep && t.Baseline != null) { st->Acc = acc; if (EnterBaseline(fp, t, pc, st)) { fp = st->Fp; t = FrameTemplate(fp); code = t.Code; regs = (JsValue*)(fp + JsStack.HeaderSlots); } pc = st->Pc; acc = st->Acc; }
                    continue;
                case Opcode.JumpIfTrue: pc += acc.Bits == JsValue.TrueBits ? *(int*)(pc + 1) : OpSize.JumpIfTrue; continue;
                case Opcode.JumpIfFalse: pc += acc.Bits == JsValue.FalseBits ? *(int*)(pc + 1) : OpSize.JumpIfFalse; continue;
                case Opcode.JumpIfToBooleanTrue: pc += Truthy(acc) ? *(int*)(pc + 1) : OpSize.JumpIfToBooleanTrue; continue;
                case Opcode.JumpIfToBooleanFalse: pc += Truthy(acc) ? OpSize.JumpIfToBooleanFalse : *(int*)(pc + 1); continue;
                case Opcode.GetKeyed:
                    {
                        var obj = regs[*(ushort*)(pc + 1)];
                        if (!TryGetDenseElement(obj, acc, out var v)) { st->Pc = pc; v = GetKeyed(obj, acc); }
                        acc = v;
                        pc += OpSize.GetKeyed;
                        continue;
                    }
                case Opcode.SetKeyed:
                    {
                        var obj = regs[*(ushort*)(pc + 1)];
                        var key = regs[*(ushort*)(pc + 3)];
                        if (!TrySetDenseElement(obj, key, acc)) { st->Pc = pc; SetKeyed(obj, key, acc, t.IsStrict); }
                        pc += OpSize.SetKeyed;
                        continue;
                    }

                case Opcode.Nop: case Opcode.Debugger: break;
                case Opcode.LdaUndefined: acc = new JsValue(JsValue.UndefinedBits); break;
                case Opcode.LdaNull: acc = new JsValue(JsValue.NullBits); break;
                case Opcode.LdaTrue: acc = new JsValue(JsValue.TrueBits); break;
                case Opcode.LdaFalse: acc = new JsValue(JsValue.FalseBits); break;
                case Opcode.LdaHole: acc = new JsValue(JsValue.EmptyBits); break;
                case Opcode.LdaZero: acc = JsValue.FromInt(0); break;
                case Opcode.LdaCurrentContext: acc = new JsValue(fp[JsStack.ContextSlot]); break;
                case Opcode.StaCurrentContext: fp[JsStack.ContextSlot] = acc.Bits; break;
                case Opcode.PopContext:
                    fp[JsStack.ContextSlot] = Layout.Val((nint)fp[JsStack.ContextSlot], Layout.ContextParent).Bits;
                    break;
                case Opcode.LdaGlobal: acc = LoadGlobal(t, pc, st); break;
                case Opcode.StaGlobal: StoreGlobal(t, pc, acc, true, st); break;
                case Opcode.StaGlobalSloppy: StoreGlobal(t, pc, acc, false, st); break;
                case Opcode.LdaReceiver: acc = new JsValue(fp[JsStack.ReceiverSlot]); break;
                case Opcode.LdaFunction: acc = new JsValue(fp[JsStack.CalleeSlot]); break;
                case Opcode.ThrowIfThisHole:
                    if (acc.IsEmpty) { st->Pc = pc; throw ThisHoleError(); }
                    break;
                case Opcode.ThrowIfHole:
                    if (acc.IsEmpty) { st->Pc = pc; throw HoleError(t.Constants[*(int*)(pc + 1)]); }
                    break;
                case Opcode.GetNamed: acc = LoadNamed(t, pc, regs[*(ushort*)(pc + 1)], st); break;
                case Opcode.SetNamed: StoreNamed(t, pc, regs[*(ushort*)(pc + 1)], acc, st); break;
                case Opcode.BitNot:
                    if (acc.IsInt32) acc = JsValue.FromInt(~acc.Int32);
                    else { st->Pc = pc; acc = JsValue.FromInt(~realm.ToInt32(acc)); }
                    break;
                case Opcode.ToNumeric: if (!acc.IsNumber) { st->Pc = pc; acc = JsValue.FromNumber(realm.ToNumber(acc)); } break;
                case Opcode.Not: acc = JsValue.FromBool(!Truthy(acc)); break;
                case Opcode.TestNullish: acc = JsValue.FromBool(acc.IsNullish); break;
                case Opcode.TestUndefined: acc = JsValue.FromBool(acc.IsUndefined); break;
                case Opcode.ToPropertyKey:
                    if (!(acc.IsInt32 || Realm.IsString(acc) || Realm.IsSymbol(acc))) { st->Pc = pc; var k = realm.ToPropertyKey(acc); acc = k.IsIndex ? JsValue.FromNumber(k.Index) : JsValue.FromPtr(k.Ptr); }
                    break;
                case Opcode.JumpIfNullish: if (acc.IsNullish) { pc += *(int*)(pc + 1); continue; } break;
                case Opcode.JumpIfNotNullish: if (!acc.IsNullish) { pc += *(int*)(pc + 1); continue; } break;
                case Opcode.JumpIfUndefined: if (acc.IsUndefined) { pc += *(int*)(pc + 1); continue; } break;
                case Opcode.JumpIfNotUndefined: if (!acc.IsUndefined) { pc += *(int*)(pc + 1); continue; } break;
                case Opcode.JumpIfHole: if (acc.IsEmpty) { pc += *(int*)(pc + 1); continue; } break;

                case Opcode.Call:
                case Opcode.CallSpread:
                case Opcode.Construct:
                case Opcode.ConstructSpread:
                case Opcode.SuperCall:
                case Opcode.SuperCallSpread:
                    {
                        st->Pc = pc;
                        JsValue callee, recv = JsValue.Undefined, newTarget = JsValue.Undefined;
                        JsValue* argv;
                        int argc;
                        ulong* spreadBase = null;
                        switch ((Opcode)(*pc))
                        {
                            case Opcode.Call:
                                callee = regs[*(ushort*)(pc + 1)]; recv = regs[*(ushort*)(pc + 3)];
                                argv = regs + *(ushort*)(pc + 5); argc = *(ushort*)(pc + 7);
                                break;
                            case Opcode.CallSpread:
                                callee = regs[*(ushort*)(pc + 1)]; recv = regs[*(ushort*)(pc + 3)];
                                spreadBase = SpreadArgs(regs[*(ushort*)(pc + 5)], out argc); argv = (JsValue*)spreadBase;
                                break;
                            case Opcode.Construct:
                                callee = newTarget = regs[*(ushort*)(pc + 1)];
                                argv = regs + *(ushort*)(pc + 3); argc = *(ushort*)(pc + 5);
                                break;
                            case Opcode.ConstructSpread:
                                callee = newTarget = regs[*(ushort*)(pc + 1)];
                                spreadBase = SpreadArgs(regs[*(ushort*)(pc + 3)], out argc); argv = (JsValue*)spreadBase;
                                break;
                            case Opcode.SuperCall:
                                callee = SuperConstructor(fp); newTarget = new JsValue(fp[JsStack.NewTargetSlot]);
                                argv = regs + *(ushort*)(pc + 1); argc = *(ushort*)(pc + 3);
                                break;
                            default:
                                callee = SuperConstructor(fp); newTarget = new JsValue(fp[JsStack.NewTargetSlot]);
                                spreadBase = SpreadArgs(regs[*(ushort*)(pc + 1)], out argc); argv = (JsValue*)spreadBase;
                                break;
                        }
                        bool construct = !newTarget.IsUndefined;
                        // Only natives (call/apply) and bound functions unwrap; a bytecode callee skips the helper.
                        if (!construct && Realm.IsCallable(callee) && Functions.Kind(callee.Ptr) != FunctionKind.Bytecode)
                            UnwrapCall(ref callee, ref recv, ref argv, ref argc, ref spreadBase);
                        if (construct ? !Realm.IsConstructor(callee) : !Realm.IsCallable(callee))
                            throw new JsThrow(realm.MakeError(ErrorKind.TypeError, CallErrorMessage(t, (int)(pc - code), callee, construct)));
                        RecordCallTarget(t, pc, callee);
                        nint fo = callee.Ptr;
                        FunctionTemplate ct;
                        if (Functions.Kind(fo) == FunctionKind.Bytecode && ((ct = Functions.Template(realm, fo)).Flags & (FunctionFlags.Generator | FunctionFlags.Async)) == 0
                            && (construct || (ct.Flags & FunctionFlags.ClassConstructor) == 0))
                        {
                            var thisv = construct ? ConstructReceiver(ct, newTarget) : CoerceThis(ct, recv);
                            ulong* nargs = spreadBase != null ? spreadBase : Stack.Top;
                            if (spreadBase == null)
                            {
                                if (nargs + argc + 8 + ct.RegisterCount > Stack.Limit) throw StackOverflow();
                                Buffer.MemoryCopy(argv, nargs, argc * 8, argc * 8);
                            }
                            int retPc = (int)(pc - code) + Sizes[*pc];
                            fp = PushFrame(callee, ct, thisv, newTarget, nargs, argc, construct ? FrameFlags.Construct : FrameFlags.None, retPc, fp);
                            t = ct; code = t.Code; pc = code; regs = (JsValue*)(fp + JsStack.HeaderSlots);
                            st->Fp = fp; st->Pc = pc;
                            Safepoint(JsValue.Undefined, fp);
                            if (!TMode.SingleStep && Jit != null) { st->Acc = acc; if (EnterBaseline(fp, t, pc, st)) { fp = st->Fp; t = FrameTemplate(fp); code = t.Code; regs = (JsValue*)(fp + JsStack.HeaderSlots); } pc = st->Pc; acc = st->Acc; }
                            continue;
                        }
                        if ((Opcode)(*pc) == Opcode.Call && Functions.Kind(fo) == FunctionKind.Native)
                        {
                            var sent = argc > 0 ? argv[0] : JsValue.Undefined;
                            ulong* gfp = ResumeGeneratorInLoop(callee, recv, fp, (int)(pc - code) + Sizes[*pc], out int gpc);
                            if (gfp != null)
                            {
                                fp = gfp; acc = sent;
                                t = FrameTemplate(fp); code = t.Code; pc = code + gpc; regs = (JsValue*)(fp + JsStack.HeaderSlots);
                                st->Fp = fp; st->Pc = pc;
                                Safepoint(acc, fp);
                                continue;
                            }
                        }
                        acc = InvokePopping(callee, construct ? JsValue.Empty : recv, argv, argc, newTarget, spreadBase);
                        break;
                    }
                case Opcode.Return:
                    {
                        int flags = new JsValue(fp[JsStack.FlagsSlot]).Int32;
                        if ((flags & (int)FrameFlags.Construct) != 0 && !Realm.IsObject(acc)) acc = new JsValue(fp[JsStack.ReceiverSlot]);
                        int argc = new JsValue(fp[JsStack.ArgcSlot]).Int32;
                        int callerIdx = new JsValue(fp[JsStack.CallerFpSlot]).Int32;
                        int retPc = new JsValue(fp[JsStack.ReturnPcSlot]).Int32;
                        if ((flags & (int)FrameFlags.Generator) != 0)
                        {
                            Generators.Complete(realm, new JsValue(fp[JsStack.NewTargetSlot]));
                            // A generator resumed in this loop returns an iterator result to a next() call
                            // (ResumeGeneratorInLoop), or ends its caller's IteratorStep (StepGeneratorInLoop).
                            if ((flags & (int)FrameFlags.IteratorStep) != 0) acc = JsValue.Undefined;
                            else if ((flags & (int)FrameFlags.Entry) == 0) acc = realm.IterResult(acc, true);
                        }
                        if ((flags & (int)FrameFlags.Accessor) != 0)
                        {
                            // A getter or setter baseline code called (its code exited inside it): the return
                            // of the interpreter's nested call, which the frame stands for.
                            nativeDepth--;
                            if ((flags & (int)FrameFlags.Setter) != 0) acc = new JsValue(fp[-2]);
                        }
                        Stack.Top = fp - argc;
                        Depth--;
                        if ((flags & (int)FrameFlags.Entry) != 0) { Yielded = false; return acc; }
                        fp = Stack.Base + callerIdx;
                        t = FrameTemplate(fp); code = t.Code; pc = code + retPc; regs = (JsValue*)(fp + JsStack.HeaderSlots);
                        // The IteratorStep that resumed a finished generator takes its exit jump.
                        if ((flags & (int)FrameFlags.IteratorStep) != 0) pc = IteratorStepExit(pc);
                        st->Fp = fp; st->Pc = pc;
                        Stack.Top = (ulong*)(regs + t.RegisterCount);
                        // An accessor's return has no safepoint: the nested call's return to C# has none.
                        if ((flags & (int)FrameFlags.Accessor) == 0) Safepoint(acc, fp);
                        if (!TMode.SingleStep && t.Baseline != null) { st->Acc = acc; if (EnterBaseline(fp, t, pc, st)) { fp = st->Fp; t = FrameTemplate(fp); code = t.Code; regs = (JsValue*)(fp + JsStack.HeaderSlots); } pc = st->Pc; acc = st->Acc; }
                        continue;
                    }
                case Opcode.IteratorStep:
                    {
                        st->Pc = pc;
                        if (TMode.SingleStep && StepsGeneratorInLoop(regs + *(ushort*)(pc + 1)))
                        {
                            // One instruction on baseline code's behalf must come back in its frame: the code
                            // exits instead, and the loop it exits to pushes the generator's frame.
                            stepDeclined = true;
                            return acc;
                        }
                        ulong* gfp = StepGeneratorInLoop(regs + *(ushort*)(pc + 1), fp, (int)(pc - code) + Sizes[*pc], out int gpc);
                        if (gfp != null)
                        {
                            fp = gfp; acc = JsValue.Undefined;
                            t = FrameTemplate(fp); code = t.Code; pc = code + gpc; regs = (JsValue*)(fp + JsStack.HeaderSlots);
                            st->Fp = fp; st->Pc = pc;
                            Safepoint(acc, fp);
                            continue;
                        }
                        // A temporary, not acc: taking acc's address would keep it in memory for the whole loop.
                        bool more = IteratorStep(regs + *(ushort*)(pc + 1), out var value);
                        acc = value;
                        if (!more) { pc += *(int*)(pc + 3); continue; }
                        break;
                    }
                case Opcode.ForInNext:
                    {
                        st->Pc = pc;
                        bool more = ForInNext(regs[*(ushort*)(pc + 1)], out var key);
                        acc = key;
                        if (!more) { pc += *(int*)(pc + 3); continue; }
                        break;
                    }
                case Opcode.Yield:
                    {
                        st->Pc = pc;
                        var gen = new JsValue(fp[JsStack.NewTargetSlot]);
                        int resume = (int)(pc - code) + Sizes[*pc];
                        Generators.Suspend(realm, gen, fp, t, resume, *(ushort*)(pc + 1));
                        int argc = new JsValue(fp[JsStack.ArgcSlot]).Int32;
                        Stack.Top = fp - argc;
                        Depth--;
                        int yCaller = new JsValue(fp[JsStack.CallerFpSlot]).Int32;
                        if ((new JsValue(fp[JsStack.FlagsSlot]).Int32 & (int)FrameFlags.Entry) == 0)
                        {
                            // Resumed in this loop: the caller's next() call completes with an iterator result,
                            // or its IteratorStep with the value.
                            int yRet = new JsValue(fp[JsStack.ReturnPcSlot]).Int32;
                            if ((new JsValue(fp[JsStack.FlagsSlot]).Int32 & (int)FrameFlags.IteratorStep) == 0) acc = realm.IterResult(acc, false);
                            fp = Stack.Base + yCaller;
                            t = FrameTemplate(fp); code = t.Code; pc = code + yRet; regs = (JsValue*)(fp + JsStack.HeaderSlots);
                            st->Fp = fp; st->Pc = pc;
                            Stack.Top = (ulong*)(regs + t.RegisterCount);
                            Safepoint(acc, fp);
                            continue;
                        }
                        Yielded = true;
                        return acc;
                    }
                case Opcode.LdaDynamic:
                    {
                        st->Pc = pc;
                        var found = LoadDynamic(fp, t, pc, regs);
                        if (!found.IsEmpty) { acc = found; pc += *(int*)(pc + 13); continue; }
                        break;
                    }
                case Opcode.StaDynamic: st->Pc = pc; if (StoreDynamic(fp, t, pc, acc)) { pc += *(int*)(pc + 11); continue; } break;
                default: st->Pc = pc; acc = ExecuteCold(fp, pc, acc, t); break;
            }
            // Cases that break leave pc at their instruction; reading the opcode again keeps op dead across the switch.
            pc += Sizes[*pc];
            if (!TMode.SingleStep && t.Baseline != null) { st->Acc = acc; if (EnterBaseline(fp, t, pc, st)) { fp = st->Fp; t = FrameTemplate(fp); code = t.Code; regs = (JsValue*)(fp + JsStack.HeaderSlots); } pc = st->Pc; acc = st->Acc; }
            continue;

        CompareDone:
            // pc is past the compare (and a fused Not); acc gets the boolean either way, as the jump leaves it there.
            acc = JsValue.FromBool(cond);
            if (!TMode.SingleStep)
            {
                switch ((Opcode)(*pc))
                {
                    case Opcode.JumpIfFalse: case Opcode.JumpIfToBooleanFalse: pc += cond ? OpSize.JumpIfFalse : *(int*)(pc + 1); break;
                    case Opcode.JumpIfTrue: case Opcode.JumpIfToBooleanTrue: pc += cond ? *(int*)(pc + 1) : OpSize.JumpIfTrue; break;
                }
            }
            if (!TMode.SingleStep && t.Baseline != null) { st->Acc = acc; if (EnterBaseline(fp, t, pc, st)) { fp = st->Fp; t = FrameTemplate(fp); code = t.Code; regs = (JsValue*)(fp + JsStack.HeaderSlots); } pc = st->Pc; acc = st->Acc; }
        }
    }

    /// <summary>ToBoolean with booleans decided inline.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static bool Truthy(JsValue v) => v.IsBoolean ? v.Bits == JsValue.TrueBits : Realm.ToBoolean(v);

    /// <summary>
    /// The rarely executed instructions, out of line so the dispatch loop stays small enough for the
    /// JIT to inline its hot helpers and keep its state in registers. Returns the new accumulator;
    /// the loop has stored pc for the handler lookup and advances past the instruction afterwards.
    /// </summary>
    JsValue ExecuteCold(ulong* fp, byte* pc, JsValue acc, FunctionTemplate t)
    {
        JsValue* regs = (JsValue*)(fp + JsStack.HeaderSlots);
        byte* code = t.Code;
        switch ((Opcode)(*pc))
        {
            case Opcode.PushContext:
            case Opcode.CloneContext:
            case Opcode.DefineNamed:
            case Opcode.CreateClosure:
            case Opcode.CreateObject:
            case Opcode.CreateArray:
            case Opcode.ArrayPush:
                acc = Allocation(fp, t, pc, acc);
                break;
            case Opcode.LdaGlobalOrUndefined: acc = realm.LoadGlobal(t.Constants[*(int*)(pc + 1)], false); break;
            case Opcode.DeclareGlobalVar: realm.DeclareGlobalVar(t.Constants[*(int*)(pc + 1)]); break;
            case Opcode.DeclareGlobalLexical: realm.DeclareGlobalLexical(t.Constants[*(int*)(pc + 1)], *(ushort*)(pc + 5) != 0); break;
            case Opcode.InitGlobalLexical: realm.InitGlobalLexical(t.Constants[*(int*)(pc + 1)], acc); break;
            case Opcode.LdaNewTarget:
                acc = (new JsValue(fp[JsStack.FlagsSlot]).Int32 & (int)FrameFlags.Generator) != 0 ? JsValue.Undefined : new JsValue(fp[JsStack.NewTargetSlot]);
                break;
            case Opcode.CreateArguments: acc = CreateArguments(fp); break;
            case Opcode.CreateRest:
                {
                    int argc = new JsValue(fp[JsStack.ArgcSlot]).Int32, start = *(ushort*)(pc + 1);
                    int n = Math.Max(0, argc - start);
                    acc = JsValue.FromPtr(realm.NewArrayFrom(new ReadOnlySpan<JsValue>((JsValue*)(fp - argc + start), n)));
                    break;
                }
            case Opcode.ThrowConstAssign: throw new JsThrow(realm.MakeError(ErrorKind.TypeError, "Assignment to constant variable."));
            case Opcode.DefineKeyed:
                realm.DefineData(regs[*(ushort*)(pc + 1)].Ptr, realm.ToPropertyKey(regs[*(ushort*)(pc + 3)]), acc,
                    *(ushort*)(pc + 5) != 0 ? PropFlags.Default : PropFlags.Hidden);
                break;
            case Opcode.DefineGetter:
            case Opcode.DefineSetter:
                {
                    var k = realm.ToPropertyKey(regs[*(ushort*)(pc + 3)]);
                    var fl = (*(ushort*)(pc + 5) != 0 ? PropFlags.Enumerable : 0) | PropFlags.Configurable;
                    if ((Opcode)(*pc) == Opcode.DefineGetter) realm.DefineAccessor(regs[*(ushort*)(pc + 1)].Ptr, k, acc, JsValue.Empty, fl);
                    else realm.DefineAccessor(regs[*(ushort*)(pc + 1)].Ptr, k, JsValue.Empty, acc, fl);
                    break;
                }
            case Opcode.DeleteKeyed: acc = DeleteKeyed(regs[*(ushort*)(pc + 1)], acc, t.IsStrict); break;
            case Opcode.GetSuper: acc = GetSuper(fp, acc); break;
            case Opcode.SetSuper: SetSuper(fp, regs[*(ushort*)(pc + 1)], acc); break;
            case Opcode.Exp: { var l = regs[*(ushort*)(pc + 1)]; double a = Num(l); acc = JsValue.FromNumber(Operators.Pow(a, Num(acc))); break; }
            case Opcode.TypeOf: acc = JsValue.FromPtr(realm.Intern(realm.TypeOfString(acc))); break;
            case Opcode.TestEqual: acc = JsValue.FromBool(realm.LooseEquals(regs[*(ushort*)(pc + 1)], acc)); break;
            case Opcode.TestInstanceOf: acc = JsValue.FromBool(realm.InstanceOf(regs[*(ushort*)(pc + 1)], acc)); break;
            case Opcode.TestIn:
                {
                    if (!Realm.IsObject(acc)) throw InError(regs[*(ushort*)(pc + 1)], acc);
                    acc = JsValue.FromBool(realm.HasProperty(acc.Ptr, realm.ToPropertyKey(regs[*(ushort*)(pc + 1)])));
                    break;
                }
            case Opcode.TestPrivateIn:
                if (!Realm.IsObject(acc)) throw new JsThrow(realm.MakeError(ErrorKind.TypeError, "Cannot use 'in' operator to search for a private field in a non-object"));
                acc = JsValue.FromBool(realm.GetOwnRaw(acc.Ptr, PropKey.FromCell(regs[*(ushort*)(pc + 1)].Ptr), out _, out _));
                break;
            case Opcode.ToStringOp: if (!Realm.IsString(acc)) { acc = realm.ToStringValue(acc); } break;
            case Opcode.CallRuntime:
                acc = RuntimeFunctions.Call(realm, fp, (RuntimeId)(*(ushort*)(pc + 1)), regs + *(ushort*)(pc + 3), *(ushort*)(pc + 5));
                break;
            case Opcode.Throw:
                throw new JsThrow(acc);
            case Opcode.ReThrow:
                throw new JsThrow(acc) { Rethrown = true };
            case Opcode.ArrayPushHole:
                {
                    nint a = regs[*(ushort*)(pc + 1)].Ptr;
                    Realm.SetArrayLengthRaw(a, Realm.ArrayLength(a) + 1);
                    break;
                }
            case Opcode.ArrayPushSpread: acc = ArrayPushSpread(regs[*(ushort*)(pc + 1)].Ptr, acc); break;
            case Opcode.CreateRegExp:
                acc = Builtins.RegExpBuiltins.Create(realm, t.Constants[*(int*)(pc + 1)], t.Constants[*(int*)(pc + 5)]);
                break;
            case Opcode.CopyDataProperties:
                Builtins.ObjectBuiltins.CopyDataProperties(realm, regs[*(ushort*)(pc + 1)].Ptr, acc, default);
                break;
            case Opcode.GetTemplateObject: acc = t.Constants[*(int*)(pc + 1)]; break;
            case Opcode.GetIterator: GetIterator(acc, regs + *(ushort*)(pc + 1)); break;
            case Opcode.IteratorClose: IteratorClose(regs[*(ushort*)(pc + 1)]); break;
            case Opcode.ForInPrepare: regs[*(ushort*)(pc + 1)] = ForInPrepare(acc); break;
            case Opcode.Await: throw new JsThrow(realm.MakeError(ErrorKind.SyntaxError, "await is not supported yet"));
            default: throw new InvalidOperationException($"unknown opcode {(Opcode)(*pc)}");
        }
        return acc;
    }

    /// <summary>Set when the last Run ended by a generator yield rather than a return.</summary>
    public bool Yielded;

    double Num(JsValue v) => v.IsNumber ? v.Number : realm.ToNumber(v);

    /// <summary>ToNumber out of line, for the slow paths of arithmetic (which have already tested for numbers).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    double NumSlow(JsValue v) => v.IsNumber ? v.Number : realm.ToNumber(v);

    /// <summary>Calls a native, bound or non-inlinable bytecode function from the loop, then pops a spread argument list.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    JsValue InvokePopping(JsValue callee, JsValue recv, JsValue* argv, int argc, JsValue newTarget, ulong* spreadBase)
    {
        try
        {
            return InvokeAt(callee, recv, argv, argc, newTarget);
        }
        finally
        {
            if (spreadBase != null) Stack.Top = spreadBase;
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    JsThrow HoleError(JsValue name) =>
        new(realm.MakeError(ErrorKind.ReferenceError, $"Cannot access '{Realm.ToClr(name)}' before initialization"));

    [MethodImpl(MethodImplOptions.NoInlining)]
    JsThrow ThisHoleError() =>
        new(realm.MakeError(ErrorKind.ReferenceError, "Must call super constructor in derived class before accessing 'this' or returning from derived constructor"));

    [MethodImpl(MethodImplOptions.NoInlining)]
    JsThrow ReadNullishError(JsValue obj, PropKey key) =>
        new(realm.MakeError(ErrorKind.TypeError, $"Cannot read properties of {(obj.IsNull ? "null" : "undefined")} (reading '{realm.KeyToClr(key)}')"));

    [MethodImpl(MethodImplOptions.NoInlining)]
    JsThrow InError(JsValue key, JsValue target) =>
        new(realm.MakeError(ErrorKind.TypeError, $"Cannot use 'in' operator to search for '{realm.ToClrString(key)}' in {realm.ToClrString(target)}"));
}
