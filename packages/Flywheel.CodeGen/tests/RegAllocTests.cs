using Flywheel.CodeGen.Lowering;
using Flywheel.CodeGen.RegAlloc;
using Flywheel.CodeGen.X64;
using Flywheel.SsaIR.Testing.Generation;

namespace Flywheel.CodeGen.Tests;

public sealed class ParallelMoveTests
{
    static readonly Location ScratchGpr = Location.Gpr(11), ScratchFloat = Location.Float(15);

    /// <summary>Random parallel copies (cycles, fan-out, memory and constant sources) executed on a model machine give every destination its source's old value.</summary>
    [Fact]
    public void SequencedMovesImplementTheParallelCopy()
    {
        var places = Enumerable.Range(0, 5).Select(Location.Gpr)
            .Concat(Enumerable.Range(0, 3).Select(Location.Float))
            .Concat(Enumerable.Range(0, 4).Select(Location.Spill)).ToArray();
        int cycles = 0;
        for (int seed = 0; seed < 3000; seed++)
        {
            var random = new Random(seed);
            var destinations = places.OrderBy(_ => random.Next()).Take(random.Next(1, places.Length)).ToArray();
            var moves = destinations.Select(d => new Move(random.Next(8) == 0 ? Location.Constant(random.Next(1000, 2000)) : places[random.Next(places.Length)], d)).ToList();
            var before = places.ToDictionary(p => p, p => (long)p.GetHashCode());
            var state = new Dictionary<Location, long>(before);
            var sequence = ParallelMoves.Sequence(moves, ScratchGpr, ScratchFloat);
            if (sequence.Any(m => m.Destination == ScratchGpr || m.Destination == ScratchFloat)) cycles++;
            foreach (var m in sequence) state[m.Destination] = m.Source.Kind == LocationKind.Constant ? m.Source.Payload : state[m.Source];
            foreach (var m in moves) Assert.Equal(m.Source.Kind == LocationKind.Constant ? m.Source.Payload : before[m.Source], state[m.Destination]);
            foreach (var p in places.Except(destinations)) Assert.Equal(before[p], state[p]);
        }
        Assert.True(cycles > 100, $"only {cycles} copies needed a cycle broken");
    }
}

public sealed class LinearScanTests
{
    /// <summary>
    /// On generated functions: no two simultaneously live values share a register or a spill slot
    /// (the pieces of one value share its slot), pieces live across calls avoid caller-saved
    /// registers, no value is in a register an instruction needs for itself, and every piece of a split value is where the value's location says it is.
    /// </summary>
    [Fact]
    public void AllocationsNeverOverlap()
    {
        var backend = new X64Backend(Flywheel.X64.X64CallingConvention.Host);
        int spilled = 0, crossing = 0, split = 0;
        for (int seed = 0; seed < 150; seed++)
        {
            var module = new RandomFunctionGenerator(seed, new GeneratorOptions { InstructionBudget = 150 }).GenerateModule();
            foreach (var function in module.Functions)
            {
                var plan = backend.Select(function);
                var order = new LinearOrder(function, plan);
                var intervals = Liveness.BuildIntervals(function, plan, order);
                var fixedUses = backend.FixedRegisterUses(function, plan, order);
                var allocation = LinearScan.Allocate(intervals, backend.Registers, order, fixedUses);
                var live = allocation.Intervals;
                foreach (var (register, positions) in fixedUses)
                {
                    foreach (var interval in live.Where(i => i.Assigned == Location.Gpr(register)))
                    {
                        foreach (int p in positions) Assert.False(interval.Covers(p) || interval.Covers(p + 1), $"%{function.Name} (seed {seed}): {interval} is in r{register}, which the instruction at {p} clobbers");
                    }
                }
                split += allocation.SplitValues.Count;
                foreach (var interval in live)
                {
                    Assert.NotEqual(LocationKind.None, interval.Assigned.Kind);
                    if (interval.Assigned.Kind == LocationKind.Spill) spilled++;
                    foreach (var (from, _) in interval.Ranges) Assert.Equal(interval.Assigned, allocation.LocationAt(interval.Value, from));
                    if (interval.FirstCallCrossed(order.CallPositions) != int.MaxValue)
                    {
                        crossing++;
                        if (interval.Assigned.IsRegister)
                        {
                            var cls = interval.Assigned.Kind == LocationKind.Gpr ? RegisterClass.Gpr : RegisterClass.Float;
                            Assert.True(backend.Registers.IsCalleeSaved(cls, interval.Assigned.Index), $"{interval} crosses a call in a caller-saved register");
                        }
                    }
                }
                for (int i = 0; i < live.Count; i++)
                {
                    for (int j = i + 1; j < live.Count; j++)
                    {
                        if (live[i].Assigned != live[j].Assigned) continue;
                        bool overlap;
                        if (live[i].Assigned.Kind == LocationKind.Spill)
                        {
                            if (live[i].Value == live[j].Value) continue;
                            var (a, b) = (live[i].Parent, live[j].Parent);
                            overlap = a.Start < b.Pieces[^1].End && b.Start < a.Pieces[^1].End
                                && SlotLife(a).Start < SlotLife(b).End && SlotLife(b).Start < SlotLife(a).End;
                        }
                        else overlap = live[i].FirstIntersection(live[j]) != int.MaxValue;
                        Assert.False(overlap, $"%{function.Name} (seed {seed}): {live[i]} and {live[j]} share a location");
                    }
                }
            }
        }
        Assert.True(spilled > 0 && crossing > 0 && split > 0, $"spilled {spilled}, crossing {crossing}, split {split}: the generator no longer stresses the allocator");
    }

    /// <summary>A slot holds its value from the definition (where it is stored) to the value's end.</summary>
    static (int Start, int End) SlotLife(LiveInterval parent) => (parent.Start, parent.Pieces[^1].End);

    [Fact]
    public void IntervalsHaveHolesWhereAValueIsDead()
    {
        // v1 is used in block1 only; block2 comes between its definition and that use in code order, so v1 is dead there.
        var module = Flywheel.SsaIR.Text.IrParser.ParseModule("""
            function %f(i64, i8) -> i64 {
            block0(v0: i64, v5: i8):
                v1 = iadd.i64 v0, v0
                brif v5, block2, block1
            block1:
                return v1
            block2:
                v3 = imul.i64 v0, v0
                return v3
            }
            """);
        var function = module.Functions[0];
        var backend = new X64Backend(Flywheel.X64.X64CallingConvention.Host);
        var plan = backend.Select(function);
        var order = new LinearOrder(function, plan);
        var intervals = Liveness.BuildIntervals(function, plan, order);
        var v1 = intervals[1]!;
        Assert.True(v1.Ranges.Count >= 2, v1.ToString());
        var block2 = order.Blocks.Single(b => b.Index == 2);
        Assert.False(v1.Covers(order.BlockStart(block2) + 2), v1.ToString());
    }
}
