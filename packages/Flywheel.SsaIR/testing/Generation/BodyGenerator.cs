using Flywheel.SsaIR.Builder;

namespace Flywheel.SsaIR.Testing.Generation;

/// <summary>Generates one function body as structured regions, tracking which values are in scope (dominate the insertion point).</summary>
sealed partial class BodyGenerator
{
    static readonly IrType[] IntTypes = [IrType.I8, IrType.I16, IrType.I32, IrType.I64];
    static readonly IrType[] FloatTypes = [IrType.F32, IrType.F64];
    const int SlotSize = 64;

    readonly Random random;
    readonly GeneratorOptions options;
    readonly FunctionBuilder b;
    readonly IrType returnType;
    readonly int helpers;
    readonly List<ValueId> scope = [];
    readonly ValueId slot;
    readonly ValueId? longLived;
    int budget;
    int resumePoints;

    public BodyGenerator(Random random, GeneratorOptions options, string name, IrType[] parameters, IrType returnType, int helpers, int budget)
    {
        this.random = random;
        this.options = options;
        this.returnType = returnType;
        this.helpers = helpers;
        this.budget = budget;
        b = new FunctionBuilder(name, parameters, returnType);
        for (int i = 0; i < parameters.Length; i++) scope.Add(b.Param(i));
        // One stack slot, fully initialized up front so no load ever observes unwritten memory:
        // bytes 0..31 are alias class 1, bytes 32..63 alias class 2.
        slot = b.StackAddr(b.CreateStackSlot(SlotSize));
        var init = b.Iconst(IrType.I64, random.Next(-100, 100));
        for (int offset = 0; offset < SlotSize; offset += 8) b.Store(init, slot, offset, new AliasClass(offset < 32 ? 1 : 2));
        // Often an object that lives across the whole body, read and written inside loops and
        // branches: scalar replacement has to carry its fields through joins.
        if (random.Next(2) == 0) longLived = b.Alloc(32);
        // Sometimes visible to ordinary statements, which may pass it along (and so make it escape).
        if (longLived is { } obj && random.Next(2) == 0) scope.Add(obj);
    }

    public Function Generate()
    {
        Region(0);
        b.Return(ValueOf(returnType));
        return b.Finish();
    }

    /// <summary>Emits statements until the budget or a random stop; nested regions recurse.</summary>
    void Region(int nesting)
    {
        int statements = random.Next(1, 8);
        for (int i = 0; i < statements && budget > 0; i++)
        {
            int choice = random.Next(100);
            if (nesting < options.MaxNesting && choice < 8) If(nesting);
            else if (nesting < options.MaxNesting && choice < 14) Loop(nesting);
            else if (nesting < options.MaxNesting && choice < 17) Switch(nesting);
            else Statement();
        }
    }

    void Statement()
    {
        budget--;
        int choice = random.Next(100);
        if (choice < 30) IntArithmetic();
        else if (choice < 38) Compare();
        else if (choice < 44 && options.Floats) FloatArithmetic();
        else if (choice < 52) Conversion();
        else if (choice < 56) Select();
        else if (choice < 70) Memory();
        else if (choice < 76) HeapObject();
        else if (choice < 82) Call();
        else if (choice < 88 && options.Deopts) DeoptPoint();
        else if (choice < 92) Division();
        else if (choice < 96) BoundsCheckedAccess();
        else if (longLived is not null) LongLivedObject();
        else IntArithmetic();
    }

    void Add(ValueId value) => scope.Add(value);

    IrType PickIntType() => IntTypes[random.Next(IntTypes.Length)];

    IrType PickAnyType() => options.Floats && random.Next(4) == 0 ? FloatTypes[random.Next(2)] : PickIntType();

    /// <summary>An in-scope value of <paramref name="type"/>, or a fresh constant.</summary>
    ValueId ValueOf(IrType type)
    {
        var candidates = scope.Where(v => b.Function.TypeOf(v) == type).ToList();
        if (candidates.Count > 0 && random.Next(5) != 0) return candidates[random.Next(candidates.Count)];
        return Constant(type);
    }

    ValueId IntValue()
    {
        var candidates = scope.Where(v => b.Function.TypeOf(v).IsInt()).ToList();
        return candidates.Count > 0 && random.Next(4) != 0 ? candidates[random.Next(candidates.Count)] : Constant(PickIntType());
    }

    ValueId Constant(IrType type)
    {
        long bits = RandomConstant(random, type);
        return type.IsFloat()
            ? b.Append(new Instruction(Opcode.Fconst, type) { Imm = bits }).Result!.Value
            : b.Iconst(type, bits);
    }

    public static long RandomConstant(Random random, IrType type)
    {
        if (type == IrType.F64)
        {
            double[] special = [0.0, -0.0, 1.0, -1.5, 0.1, 1e300, double.NaN, double.PositiveInfinity, 2147483648.0];
            return BitConverter.DoubleToInt64Bits(random.Next(3) == 0 ? special[random.Next(special.Length)] : Math.Round(random.NextDouble() * 2000 - 1000, 3));
        }
        if (type == IrType.F32)
        {
            float[] special = [0f, -0f, 1f, 0.5f, float.NaN, float.NegativeInfinity, 3e38f];
            return BitConverter.SingleToInt32Bits(random.Next(3) == 0 ? special[random.Next(special.Length)] : (float)Math.Round(random.NextDouble() * 200 - 100, 2));
        }
        long[] edges = [0, 1, -1, 2, 7, 31, 32, 63, 64, 127, 128, 255, 0x7fff, 0x8000, int.MaxValue, int.MinValue, long.MaxValue, long.MinValue];
        long value = random.Next(3) == 0 ? edges[random.Next(edges.Length)] : random.Next(-1000, 1000);
        return type.Canonicalize(value);
    }

    FrameState NewFrameState()
    {
        var captured = Enumerable.Range(0, random.Next(0, 3)).Select(_ => scope[random.Next(scope.Count)]).ToArray();
        return new FrameState(resumePoints++, scope.Count == 0 ? [] : captured);
    }
}
