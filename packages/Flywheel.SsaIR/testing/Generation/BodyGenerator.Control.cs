namespace Flywheel.SsaIR.Testing.Generation;

sealed partial class BodyGenerator
{
    /// <summary>Runs <paramref name="body"/> in a nested scope: values it defines stay inside.</summary>
    void Nested(Action body)
    {
        int mark = scope.Count;
        body();
        scope.RemoveRange(mark, scope.Count - mark);
    }

    // Pointers flow through joins now and then: objects passed along as block arguments escape.
    IrType[] MergeTypes() => Enumerable.Range(0, random.Next(0, 3)).Select(_ => random.Next(8) == 0 ? IrType.Ptr : PickAnyType()).ToArray();

    ValueId[] ArgumentsFor(IrType[] types) => types.Select(ValueOf).ToArray();

    void If(int nesting)
    {
        var types = MergeTypes();
        var then = b.CreateBlock();
        var otherwise = b.CreateBlock();
        var merge = b.CreateBlock();
        b.Brif(IntValue(), then, otherwise);
        foreach (var arm in new[] { then, otherwise })
        {
            b.SwitchToBlock(arm);
            Nested(() =>
            {
                Region(nesting + 1);
                if (random.Next(12) == 0) b.Trap(TrapCode.User, random.Next(10));
                else b.Jump(merge, ArgumentsFor(types));
            });
        }
        b.SwitchToBlock(merge);
        foreach (var type in types) Add(b.AppendBlockParam(merge, type));
    }

    /// <summary>A do-while loop with a constant trip count and loop-carried values: it always ends.</summary>
    void Loop(int nesting)
    {
        var carried = MergeTypes();
        var header = b.CreateBlock();
        var exit = b.CreateBlock();
        int trips = random.Next(1, 6);
        b.Jump(header, [b.Iconst(IrType.I32, 0), .. ArgumentsFor(carried)]);
        b.SwitchToBlock(header);
        Nested(() =>
        {
            var counter = b.AppendBlockParam(header, IrType.I32);
            foreach (var type in carried) Add(b.AppendBlockParam(header, type));
            // Statements may read the counter (bounds checks, indices); only this loop advances it.
            Add(counter);
            Region(nesting + 1);
            var next = b.Binary(Opcode.Iadd, counter, b.Iconst(IrType.I32, 1));
            var more = b.Icmp(IntCondition.Slt, next, b.Iconst(IrType.I32, trips));
            var values = ArgumentsFor(carried);
            b.Brif(more, header, [next, .. values], exit, values);
        });
        b.SwitchToBlock(exit);
        foreach (var type in carried) Add(b.AppendBlockParam(exit, type));
    }

    void Switch(int nesting)
    {
        var types = MergeTypes();
        var merge = b.CreateBlock();
        var cases = Enumerable.Range(0, random.Next(1, 4)).Select(_ => b.CreateBlock()).ToArray();
        var fallback = b.CreateBlock();
        b.Switch(IntValue(), fallback, cases);
        foreach (var arm in cases.Append(fallback))
        {
            b.SwitchToBlock(arm);
            Nested(() =>
            {
                Region(nesting + 1);
                b.Jump(merge, ArgumentsFor(types));
            });
        }
        b.SwitchToBlock(merge);
        foreach (var type in types) Add(b.AppendBlockParam(merge, type));
    }
}
