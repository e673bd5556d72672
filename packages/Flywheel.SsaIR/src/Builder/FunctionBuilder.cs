namespace Flywheel.SsaIR.Builder;

/// <summary>
/// Builds a <see cref="Function"/> instruction by instruction at a current block, and turns
/// frontend variables into SSA values and block parameters (see <see cref="DeclareVariable"/>).
/// </summary>
/// <example>
/// <code>
/// var b = new FunctionBuilder("add1", [IrType.I32], IrType.I32);
/// var one = b.Iconst(IrType.I32, 1);
/// b.Return(b.Binary(Opcode.Iadd, b.Param(0), one));
/// Function f = b.Finish();
/// </code>
/// </example>
public sealed partial class FunctionBuilder
{
    readonly Function function;
    BlockId? current;

    /// <summary>Starts a function with an entry block whose parameters are the function's, and makes the entry current.</summary>
    public FunctionBuilder(string name, IReadOnlyList<IrType> parameters, IrType returnType)
    {
        function = new Function(name, parameters, returnType);
        var entry = CreateBlock();
        foreach (var type in parameters) function.AddBlockParam(entry, type);
        SwitchToBlock(entry);
        SealBlock(entry);
    }

    /// <summary>The function under construction.</summary>
    public Function Function => function;

    /// <summary>The block instructions are appended to.</summary>
    public BlockId CurrentBlock => current ?? throw new InvalidOperationException("no current block: the last one was terminated");

    /// <summary>The function's parameter <paramref name="index"/>.</summary>
    public ValueId Param(int index) => function[function.Entry].Params[index];

    /// <summary>Creates an empty block (appended to the layout).</summary>
    public BlockId CreateBlock()
    {
        var block = function.CreateBlock();
        predecessors[block] = [];
        return block;
    }

    /// <summary>Makes <paramref name="block"/> current; it must not be terminated yet.</summary>
    public void SwitchToBlock(BlockId block)
    {
        if (function.Terminator(block) is not null) throw new InvalidOperationException($"{block} is already terminated");
        current = block;
    }

    /// <summary>Adds a parameter to a block.</summary>
    public ValueId AppendBlockParam(BlockId block, IrType type) => function.AddBlockParam(block, type);

    /// <summary>Adds a stack slot of <paramref name="size"/> bytes.</summary>
    public StackSlotId CreateStackSlot(int size) => function.CreateStackSlot(size);

    /// <summary>Appends an instruction at the current block and returns it.</summary>
    public Instruction Append(Instruction inst)
    {
        var block = CurrentBlock;
        function.AppendInst(block, inst);
        if (inst.IsTerminator)
        {
            foreach (var target in inst.Targets.Select(t => t.Block).Distinct())
            {
                if (sealedBlocks.Contains(target)) throw new InvalidOperationException($"{target} is sealed: no new predecessors");
                if (!predecessors.TryGetValue(target, out var list)) predecessors[target] = list = [];
                list.Add(block);
            }
            current = null;
        }
        return inst;
    }

    ValueId Value(Instruction inst) => Append(inst).Result!.Value;

    /// <summary>Seals every block and returns the finished function (verify it with <see cref="Verification.Verifier"/>).</summary>
    public Function Finish()
    {
        foreach (var block in function.Layout) SealBlock(block);
        return function;
    }
}
