namespace Flywheel.SsaIR.Testing.Generation;

sealed partial class BodyGenerator
{
    static readonly Opcode[] IntBinary = [Opcode.Iadd, Opcode.Isub, Opcode.Imul, Opcode.Band, Opcode.Bor, Opcode.Bxor, Opcode.Ishl, Opcode.Ushr, Opcode.Sshr];
    static readonly Opcode[] FloatBinary = [Opcode.Fadd, Opcode.Fsub, Opcode.Fmul, Opcode.Fdiv];

    void IntArithmetic()
    {
        var type = PickIntType();
        var a = ValueOf(type);
        if (random.Next(8) == 0)
        {
            Add(b.Unary(random.Next(2) == 0 ? Opcode.Ineg : Opcode.Bnot, type, a));
            return;
        }
        var op = IntBinary[random.Next(IntBinary.Length)];
        // Identities and constants on the right give the simplifier something to find.
        var c = random.Next(4) == 0 ? b.Iconst(type, new long[] { 0, 1, 2, 4, 8, -1 }[random.Next(6)]) : ValueOf(type);
        Add(b.Binary(op, a, c));
    }

    void Select()
    {
        var type = random.Next(8) == 0 ? IrType.Ptr : PickAnyType();
        Add(b.Select(IntValue(), ValueOf(type), ValueOf(type)));
    }

    void Compare()
    {
        if (options.Floats && random.Next(4) == 0)
        {
            var ft = FloatTypes[random.Next(2)];
            Add(b.Fcmp((FloatCondition)random.Next(7), ValueOf(ft), ValueOf(ft)));
            return;
        }
        var type = PickIntType();
        Add(b.Icmp((IntCondition)random.Next(10), ValueOf(type), ValueOf(type)));
    }

    void FloatArithmetic()
    {
        var type = FloatTypes[random.Next(2)];
        int choice = random.Next(10);
        if (choice < 7) Add(b.Binary(FloatBinary[random.Next(FloatBinary.Length)], ValueOf(type), ValueOf(type)));
        else Add(b.Unary(new[] { Opcode.Fneg, Opcode.Fabs, Opcode.Fsqrt }[choice - 7], type, ValueOf(type)));
    }

    void Conversion()
    {
        int choice = random.Next(options.Floats ? 8 : 4);
        var from = PickIntType();
        var to = PickIntType();
        switch (choice)
        {
            case 0 or 1 when from != to:
                var narrow = from.Bits() < to.Bits() ? from : to;
                var wide = from.Bits() < to.Bits() ? to : from;
                Add(b.Unary(choice == 0 ? Opcode.Sextend : Opcode.Uextend, wide, ValueOf(narrow)));
                break;
            case 2 when from != to:
                Add(b.Unary(Opcode.Ireduce, from.Bits() < to.Bits() ? from : to, ValueOf(from.Bits() < to.Bits() ? to : from)));
                break;
            case 4:
                Add(b.Unary(Opcode.FcvtToSintSat, from, ValueOf(FloatTypes[random.Next(2)])));
                break;
            case 5:
                Add(b.Unary(Opcode.FcvtFromSint, FloatTypes[random.Next(2)], ValueOf(from)));
                break;
            case 6:
                Add(random.Next(2) == 0 ? b.Unary(Opcode.Fpromote, IrType.F64, ValueOf(IrType.F32)) : b.Unary(Opcode.Fdemote, IrType.F32, ValueOf(IrType.F64)));
                break;
            case 7:
                Add(random.Next(2) == 0 ? b.Unary(Opcode.Bitcast, IrType.I64, ValueOf(IrType.F64)) : b.Unary(Opcode.Bitcast, IrType.F32, ValueOf(IrType.I32)));
                break;
            default:
                var tagged = b.Unary(Opcode.Bitcast, IrType.Tagged, ValueOf(IrType.I64));
                Add(b.Unary(Opcode.Bitcast, IrType.I64, tagged));
                break;
        }
    }

    /// <summary>Loads and stores in the stack slot: constant offsets with honest alias classes, or a computed offset in class "any".</summary>
    void Memory()
    {
        var type = random.Next(3) == 0 ? IrType.I32 : IrType.I64;
        ValueId address = slot;
        int offset;
        AliasClass alias;
        if (random.Next(4) == 0)
        {
            // A data-dependent word: may hit either half, so it must use the class that aliases everything.
            var index = b.Binary(Opcode.Band, ValueOf(IrType.I64), b.Iconst(IrType.I64, SlotSize - 8));
            address = b.Binary(Opcode.Iadd, slot, b.Unary(Opcode.Bitcast, IrType.Ptr, index));
            offset = 0;
            alias = AliasClass.Any;
        }
        else
        {
            offset = random.Next(SlotSize / 8) * 8;
            alias = random.Next(4) == 0 ? AliasClass.Any : new AliasClass(offset < 32 ? 1 : 2);
        }
        if (random.Next(2) == 0) b.Store(ValueOf(type), address, offset, alias);
        else Add(b.Load(type, address, offset, alias));
    }

    /// <summary>A small heap object: allocated, initialized, read back, and sometimes escaping into a call.</summary>
    void HeapObject()
    {
        var obj = b.Alloc(16);
        var heap = new AliasClass(3);
        b.Store(ValueOf(IrType.I64), obj, 0, heap);
        b.Store(ValueOf(IrType.I64), obj, 8, heap);
        if (random.Next(3) == 0) b.Store(ValueOf(IrType.I64), obj, 8 * random.Next(2), heap);
        if (random.Next(4) == 0) Add(b.CallHost("load64", IrType.I64, [obj])!.Value);
        Add(b.Load(IrType.I64, obj, 8 * random.Next(2), heap));
    }

    void Call()
    {
        int choice = random.Next(helpers > 0 ? 4 : 2);
        var x = ValueOf(IrType.I64);
        var y = ValueOf(IrType.I64);
        var state = options.Deopts && random.Next(4) == 0 ? NewFrameState() : null;
        switch (choice)
        {
            case 0: Add(b.CallHost("mix", IrType.I64, [x, y], state)!.Value); break;
            case 1: b.CallHost("sink", IrType.None, [x], state); break;
            case 2: Add(b.Call(RandomFunctionGenerator.HelperName(random.Next(helpers)), IrType.I64, [x, y], state)!.Value); break;
            default:
                var address = b.FuncAddr(RandomFunctionGenerator.HelperName(random.Next(helpers)));
                Add(b.CallIndirect(address, IrType.I64, [x, y], state)!.Value);
                break;
        }
    }

    void DeoptPoint()
    {
        if (random.Next(2) == 0)
        {
            var type = PickIntType();
            var op = new[] { Opcode.CheckedIadd, Opcode.CheckedIsub, Opcode.CheckedImul }[random.Next(3)];
            Add(b.Checked(op, ValueOf(type), ValueOf(type), NewFrameState()));
            return;
        }
        // Mostly-true conditions, so execution usually continues past the guard.
        var t = PickIntType();
        var cond = b.Icmp(random.Next(2) == 0 ? IntCondition.Ne : IntCondition.Sge, ValueOf(t), b.Iconst(t, random.Next(2) == 0 ? 0 : -1000));
        b.Guard(cond, NewFrameState());
    }

    /// <summary>An array-style access: guard that an index is below the slot's word count, then load or store that word.</summary>
    void BoundsCheckedAccess()
    {
        var candidates = scope.Where(v => b.Function.TypeOf(v) == IrType.I32).ToList();
        var index = candidates.Count > 0 && random.Next(5) != 0 ? candidates[random.Next(candidates.Count)] : Constant(IrType.I32);
        // Usually provably in range (so range analysis can drop the check), sometimes anything.
        if (random.Next(3) != 0 && options.Deopts) index = b.Binary(Opcode.Band, index, b.Iconst(IrType.I32, SlotSize / 8 - 1));
        if (options.Deopts)
        {
            var inBounds = b.Icmp(IntCondition.Ult, index, b.Iconst(IrType.I32, SlotSize / 8));
            b.Guard(inBounds, NewFrameState());
        }
        else
        {
            // Without deopts there is no bounds check to fail: mask the index into range instead.
            index = b.Binary(Opcode.Band, index, b.Iconst(IrType.I32, SlotSize / 8 - 1));
        }
        var offset = b.Binary(Opcode.Imul, b.Unary(Opcode.Uextend, IrType.I64, index), b.Iconst(IrType.I64, 8));
        var address = b.Binary(Opcode.Iadd, slot, b.Unary(Opcode.Bitcast, IrType.Ptr, offset));
        if (random.Next(2) == 0) b.Store(ValueOf(IrType.I64), address);
        else Add(b.Load(IrType.I64, address));
    }

    /// <summary>Reads or writes a field of the function-wide object; rarely lets it escape.</summary>
    void LongLivedObject()
    {
        var obj = longLived!.Value;
        int offset = 8 * random.Next(4);
        int choice = random.Next(10);
        if (choice < 4) b.Store(ValueOf(IrType.I64), obj, offset, new AliasClass(3));
        else if (choice < 9) Add(b.Load(IrType.I64, obj, offset, new AliasClass(3)));
        else Add(b.CallHost("load64", IrType.I64, [obj])!.Value);
    }

    void Division()
    {
        var type = PickIntType();
        var divisor = ValueOf(type);
        // Usually force the divisor odd (never zero) so traps stay the exception.
        if (random.Next(4) != 0) divisor = b.Binary(Opcode.Bor, divisor, b.Iconst(type, 1));
        var op = new[] { Opcode.Sdiv, Opcode.Udiv, Opcode.Srem, Opcode.Urem }[random.Next(4)];
        Add(b.Binary(op, ValueOf(type), divisor));
    }
}
