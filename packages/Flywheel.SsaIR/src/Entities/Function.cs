namespace Flywheel.SsaIR;

/// <summary>
/// An SSA function: a signature, stack slots, and blocks in layout order whose first block is the
/// entry (its parameters are the function's parameters). Values, blocks and instructions live in
/// arenas indexed by <see cref="ValueId"/>, <see cref="BlockId"/> and <see cref="InstId"/>; removed
/// entities keep their slots so ids stay stable while passes run.
/// </summary>
public sealed partial class Function
{
    readonly List<Block> blocks = [];
    readonly List<Instruction> insts = [];
    readonly List<(IrType Type, ValueDef Def)> values = [];
    readonly List<StackSlot> slots = [];
    readonly List<BlockId> layout = [];

    /// <summary>Creates an empty function; add blocks (the first becomes the entry) with <see cref="CreateBlock"/>.</summary>
    public Function(string name, IReadOnlyList<IrType> parameters, IrType returnType)
    {
        Name = name;
        ParameterTypes = parameters.ToArray();
        ReturnType = returnType;
    }

    /// <summary>The function's name, written <c>%name</c> in the text format.</summary>
    public string Name { get; set; }

    /// <summary>Parameter types; the entry block's parameters must match.</summary>
    public IReadOnlyList<IrType> ParameterTypes { get; }

    /// <summary>The return type, or <see cref="IrType.None"/>.</summary>
    public IrType ReturnType { get; }

    /// <summary>Blocks in layout order.</summary>
    public IReadOnlyList<BlockId> Layout => layout;

    /// <summary>The entry block (first in layout).</summary>
    public BlockId Entry => layout[0];

    /// <summary>Stack slots, indexed by <see cref="StackSlotId"/>.</summary>
    public IReadOnlyList<StackSlot> StackSlots => slots;

    /// <summary>The number of value ids ever allocated (arena size).</summary>
    public int ValueCount => values.Count;

    /// <summary>The number of block ids ever allocated (arena size).</summary>
    public int BlockCount => blocks.Count;

    /// <summary>The number of instruction ids ever allocated (arena size).</summary>
    public int InstCount => insts.Count;

    /// <summary>The block with id <paramref name="id"/>.</summary>
    public Block this[BlockId id] => blocks[id.Index];

    /// <summary>The instruction with id <paramref name="id"/>.</summary>
    public Instruction this[InstId id] => insts[id.Index];

    /// <summary>The type of a value.</summary>
    public IrType TypeOf(ValueId value) => values[value.Index].Type;

    /// <summary>Where a value is defined.</summary>
    public ValueDef DefOf(ValueId value) => values[value.Index].Def;

    /// <summary>The defining instruction of a value, or null for a block parameter.</summary>
    public Instruction? DefiningInst(ValueId value) => values[value.Index].Def.Inst is { } inst ? insts[inst.Index] : null;

    /// <summary>Whether <paramref name="value"/> is an id this function allocated.</summary>
    public bool IsValidValue(ValueId value) => value.Index >= 0 && value.Index < values.Count;

    /// <summary>Adds a stack slot of <paramref name="size"/> bytes.</summary>
    public StackSlotId CreateStackSlot(int size)
    {
        slots.Add(new StackSlot(size));
        return new StackSlotId(slots.Count - 1);
    }

    /// <summary>Creates a block and appends it to the layout.</summary>
    public BlockId CreateBlock()
    {
        var id = new BlockId(blocks.Count);
        blocks.Add(new Block(id) { InLayout = true });
        layout.Add(id);
        return id;
    }

    /// <summary>Creates a block placed right after <paramref name="after"/> in the layout.</summary>
    public BlockId CreateBlockAfter(BlockId after)
    {
        var id = CreateBlock();
        layout.RemoveAt(layout.Count - 1);
        layout.Insert(layout.IndexOf(after) + 1, id);
        return id;
    }

    /// <summary>Creates a block with a chosen id (used by the parser so text names survive); gaps become unused ids.</summary>
    internal BlockId CreateBlockWithId(int index)
    {
        while (blocks.Count <= index) blocks.Add(new Block(new BlockId(blocks.Count)));
        var block = blocks[index];
        if (block.InLayout) throw new InvalidOperationException($"{block.Id} defined twice");
        block.InLayout = true;
        layout.Add(block.Id);
        return block.Id;
    }

    /// <summary>Removes a block (and its instructions) from the layout; its id stays reserved.</summary>
    public void RemoveBlock(BlockId id)
    {
        var block = blocks[id.Index];
        foreach (var inst in block.InstList) insts[inst.Index].Block = null;
        block.InstList.Clear();
        block.InLayout = false;
        layout.Remove(id);
    }

    /// <summary>Removes many blocks (and their instructions) from the layout in one sweep.</summary>
    public void RemoveBlocks(IEnumerable<BlockId> ids)
    {
        var doomed = ids.ToHashSet();
        foreach (var id in doomed)
        {
            var block = blocks[id.Index];
            foreach (var inst in block.InstList) insts[inst.Index].Block = null;
            block.InstList.Clear();
            block.InLayout = false;
        }
        layout.RemoveAll(doomed.Contains);
    }

    /// <summary>Moves a block within the layout so it comes right after <paramref name="after"/>.</summary>
    public void MoveBlockAfter(BlockId id, BlockId after)
    {
        layout.Remove(id);
        layout.Insert(layout.IndexOf(after) + 1, id);
    }

    /// <summary>Appends a parameter of type <paramref name="type"/> to a block.</summary>
    public ValueId AddBlockParam(BlockId block, IrType type)
    {
        var list = blocks[block.Index].ParamList;
        var value = NewValue(type, new ValueDef(block, null, list.Count));
        list.Add(value);
        return value;
    }

    /// <summary>Removes the parameter at <paramref name="index"/>; the caller removes the matching branch arguments.</summary>
    public void RemoveBlockParam(BlockId block, int index)
    {
        var list = blocks[block.Index].ParamList;
        list.RemoveAt(index);
        for (int i = index; i < list.Count; i++)
        {
            values[list[i].Index] = (values[list[i].Index].Type, new ValueDef(block, null, i));
        }
    }

    /// <summary>The last instruction of a block, if it is a terminator.</summary>
    public Instruction? Terminator(BlockId block)
    {
        var list = blocks[block.Index].InstList;
        if (list.Count == 0) return null;
        var last = insts[list[^1].Index];
        return last.IsTerminator ? last : null;
    }

    /// <summary>The instruction id of an attached instruction object.</summary>
    public InstId IdOf(Instruction inst) => instIds[inst];

    ValueId NewValue(IrType type, ValueDef def)
    {
        values.Add((type, def));
        return new ValueId(values.Count - 1);
    }
}
