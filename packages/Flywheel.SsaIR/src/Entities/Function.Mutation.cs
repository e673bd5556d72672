namespace Flywheel.SsaIR;

public sealed partial class Function
{
    readonly Dictionary<Instruction, InstId> instIds = new(ReferenceEqualityComparer.Instance);

    /// <summary>Attaches <paramref name="inst"/> at the end of <paramref name="block"/>, giving it a result value when it has a type.</summary>
    public InstId AppendInst(BlockId block, Instruction inst) => InsertInst(block, blocks[block.Index].InstList.Count, inst);

    /// <summary>Attaches <paramref name="inst"/> at position <paramref name="index"/> of <paramref name="block"/>.</summary>
    public InstId InsertInst(BlockId block, int index, Instruction inst)
    {
        if (inst.Block is not null) throw new InvalidOperationException("instruction is already attached");
        InstId id;
        if (instIds.TryGetValue(inst, out var existing))
        {
            // Re-attaching a detached instruction keeps its id and result value.
            id = existing;
            if (inst.Result is { } result) values[result.Index] = (inst.Type, new ValueDef(block, id, -1));
        }
        else
        {
            id = new InstId(insts.Count);
            insts.Add(inst);
            instIds.Add(inst, id);
            if (inst.Type != IrType.None) inst.Result = NewValue(inst.Type, new ValueDef(block, id, -1));
        }
        inst.Block = block;
        blocks[block.Index].InstList.Insert(index, id);
        return id;
    }

    /// <summary>Attaches <paramref name="inst"/> right before the existing instruction <paramref name="before"/>.</summary>
    public InstId InsertBefore(InstId before, Instruction inst)
    {
        var block = insts[before.Index].Block ?? throw new InvalidOperationException($"{before} is detached");
        return InsertInst(block, blocks[block.Index].InstList.IndexOf(before), inst);
    }

    /// <summary>Attaches a parsed instruction whose result value id is chosen by the text.</summary>
    internal InstId AppendParsed(BlockId block, Instruction inst, ValueId? result)
    {
        var id = new InstId(insts.Count);
        insts.Add(inst);
        instIds.Add(inst, id);
        inst.Block = block;
        if (result is { } value)
        {
            ReserveValue(value, inst.Type, new ValueDef(block, id, -1));
            inst.Result = value;
        }
        blocks[block.Index].InstList.Add(id);
        return id;
    }

    /// <summary>Adds a block parameter whose value id is chosen by the text.</summary>
    internal void AddParsedParam(BlockId block, ValueId value, IrType type)
    {
        var list = blocks[block.Index].ParamList;
        ReserveValue(value, type, new ValueDef(block, null, list.Count));
        list.Add(value);
    }

    void ReserveValue(ValueId value, IrType type, ValueDef def)
    {
        while (values.Count <= value.Index) values.Add((IrType.None, new ValueDef(default, null, -2)));
        if (values[value.Index].Def.ParamIndex != -2) throw new InvalidOperationException($"{value} defined twice");
        values[value.Index] = (type, def);
    }

    /// <summary>Whether a value id has a definition (parsed text may leave holes).</summary>
    public bool IsDefined(ValueId value) => IsValidValue(value) && values[value.Index].Def.ParamIndex != -2;

    /// <summary>Detaches an instruction from its block. Its result must have no remaining uses.</summary>
    public void RemoveInst(InstId id)
    {
        var inst = insts[id.Index];
        if (inst.Block is not { } block) return;
        blocks[block.Index].InstList.Remove(id);
        inst.Block = null;
    }

    /// <summary>Detaches many instructions at once: linear in the sizes of the blocks involved, where one-by-one removal is quadratic.</summary>
    public void RemoveInsts(IEnumerable<InstId> ids)
    {
        var doomed = new HashSet<InstId>();
        var touched = new HashSet<BlockId>();
        foreach (var id in ids)
        {
            if (insts[id.Index].Block is not { } block) continue;
            doomed.Add(id);
            touched.Add(block);
            insts[id.Index].Block = null;
        }
        foreach (var block in touched) blocks[block.Index].InstList.RemoveAll(doomed.Contains);
    }

    /// <summary>Moves every instruction of <paramref name="from"/> to the end of <paramref name="to"/>, in order (block merging).</summary>
    public void MoveInstructions(BlockId from, BlockId to)
    {
        var source = blocks[from.Index].InstList;
        foreach (var id in source)
        {
            var inst = insts[id.Index];
            inst.Block = to;
            if (inst.Result is { } result) values[result.Index] = (inst.Type, new ValueDef(to, id, -1));
        }
        blocks[to.Index].InstList.AddRange(source);
        source.Clear();
    }

    /// <summary>Detaches an instruction so it can be re-attached elsewhere (e.g. hoisted), keeping its id and result.</summary>
    public void DetachInst(InstId id) => RemoveInst(id);

    /// <summary>Rewrites every use of <paramref name="from"/> in attached instructions to <paramref name="to"/>.</summary>
    public void ReplaceAllUses(ValueId from, ValueId to)
    {
        if (from == to) return;
        foreach (var blockId in layout)
        {
            foreach (var instId in blocks[blockId.Index].InstList)
            {
                insts[instId.Index].MapUses(v => v == from ? to : v);
            }
        }
    }

    /// <summary>Rewrites every use in attached instructions through <paramref name="map"/>; returns how many instructions changed.</summary>
    public int RewriteUses(Func<ValueId, ValueId> map)
    {
        int changed = 0;
        foreach (var blockId in layout)
        {
            foreach (var instId in blocks[blockId.Index].InstList)
            {
                if (insts[instId.Index].MapUses(map)) changed++;
            }
        }
        return changed;
    }

    /// <summary>Every attached instruction id in layout order.</summary>
    public IEnumerable<InstId> AllInstructions()
    {
        foreach (var blockId in layout)
        {
            foreach (var instId in blocks[blockId.Index].InstList) yield return instId;
        }
    }

    /// <summary>Counts how many times each value is used by attached instructions, indexed by <see cref="ValueId.Index"/>.</summary>
    public int[] CountUses()
    {
        var counts = new int[values.Count];
        foreach (var blockId in layout)
        {
            foreach (var instId in blocks[blockId.Index].InstList)
            {
                var inst = insts[instId.Index];
                foreach (var arg in inst.Args) counts[arg.Index]++;
                foreach (var target in inst.Targets)
                {
                    foreach (var arg in target.Args) counts[arg.Index]++;
                }
                if (inst.FrameState is { } state)
                {
                    foreach (var value in state.Values) counts[value.Index]++;
                }
            }
        }
        return counts;
    }

    /// <summary>The number of attached instructions.</summary>
    public int LiveInstructionCount() => layout.Sum(b => blocks[b.Index].InstList.Count);

    /// <summary>Successor blocks of <paramref name="block"/> per its terminator (duplicates kept, in target order).</summary>
    public IEnumerable<BlockId> Successors(BlockId block)
    {
        if (Terminator(block) is not { } term) yield break;
        foreach (var target in term.Targets) yield return target.Block;
    }

    /// <summary>A deep copy: same ids, same layout, independent instructions.</summary>
    public Function Clone()
    {
        var copy = new Function(Name, ParameterTypes, ReturnType);
        copy.slots.AddRange(slots);
        copy.values.AddRange(values);
        foreach (var block in blocks)
        {
            var b = new Block(block.Id) { InLayout = block.InLayout };
            b.ParamList.AddRange(block.ParamList);
            b.InstList.AddRange(block.InstList);
            copy.blocks.Add(b);
        }
        foreach (var inst in insts)
        {
            var c = inst.Clone();
            c.Result = inst.Result;
            c.Block = inst.Block;
            copy.insts.Add(c);
            copy.instIds.Add(c, new InstId(copy.insts.Count - 1));
        }
        copy.layout.AddRange(layout);
        return copy;
    }

    /// <summary>The text form of the function.</summary>
    public override string ToString() => Text.IrPrinter.Print(this);
}
