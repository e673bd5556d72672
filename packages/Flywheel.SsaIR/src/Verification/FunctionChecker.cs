using Flywheel.SsaIR.Analysis;
using Flywheel.SsaIR.Text;

namespace Flywheel.SsaIR.Verification;

/// <summary>The checks of <see cref="Verifier"/> for one function.</summary>
sealed partial class FunctionChecker(Function function, Module? module, List<string> errors)
{
    readonly Dictionary<ValueId, int> positionInBlock = [];

    public void Run()
    {
        if (function.Layout.Count == 0) { errors.Add("function has no blocks"); return; }
        CheckEntry();
        foreach (var block in function.Layout) CheckBlockStructure(block);
        if (errors.Count > 0) return; // Dominance and types assume a sound structure.
        var cfg = new ControlFlowGraph(function);
        var domTree = new DominatorTree(function, cfg);
        foreach (var block in function.Layout)
        {
            for (int i = 0; i < function[block].Instructions.Count; i++)
            {
                var inst = function[function[block].Instructions[i]];
                if (inst.Result is { } result) positionInBlock[result] = i;
            }
        }
        foreach (var block in function.Layout)
        {
            var instructions = function[block].Instructions;
            for (int i = 0; i < instructions.Count; i++)
            {
                var inst = function[instructions[i]];
                CheckUses(inst, block, i, cfg, domTree);
                CheckTypes(inst);
                CheckTargets(inst);
            }
        }
    }

    void Fail(Instruction? inst, string message) =>
        errors.Add(inst is null ? message : $"{IrPrinter.PrintInst(inst)}: {message}");

    void CheckEntry()
    {
        var entry = function[function.Entry];
        var types = entry.Params.Select(function.TypeOf).ToList();
        if (!types.SequenceEqual(function.ParameterTypes))
        {
            errors.Add($"{function.Entry} parameters ({string.Join(", ", types.Select(t => t.Name()))}) do not match the signature");
        }
    }

    void CheckBlockStructure(BlockId block)
    {
        var instructions = function[block].Instructions;
        if (instructions.Count == 0 || !function[instructions[^1]].IsTerminator)
        {
            errors.Add($"{block} does not end with a terminator");
        }
        for (int i = 0; i < instructions.Count; i++)
        {
            var inst = function[instructions[i]];
            if (inst.Block != block) Fail(inst, $"recorded in {inst.Block?.ToString() ?? "no block"} but listed in {block}");
            if (inst.IsTerminator && i != instructions.Count - 1) Fail(inst, $"terminator in the middle of {block}");
            CheckShape(inst);
        }
    }

    void CheckShape(Instruction inst)
    {
        var info = OpcodeInfo.Of(inst.Opcode);
        (int args, int minTargets, int maxTargets) expected = info.Format switch
        {
            InstFormat.IntConst or InstFormat.FloatConst or InstFormat.StackAddr or InstFormat.Alloc or InstFormat.FuncAddr or InstFormat.Trap => (0, 0, 0),
            InstFormat.Unary or InstFormat.Load or InstFormat.Guard => (1, 0, 0),
            InstFormat.Binary or InstFormat.CheckedBinary or InstFormat.IntCompare or InstFormat.FloatCompare or InstFormat.Store => (2, 0, 0),
            InstFormat.Select => (3, 0, 0),
            InstFormat.Jump => (0, 1, 1),
            InstFormat.Brif => (1, 2, 2),
            InstFormat.Switch => (1, 1, int.MaxValue),
            InstFormat.Return => (function.ReturnType == IrType.None ? 0 : 1, 0, 0),
            _ => (-1, 0, 0), // calls: any argument count
        };
        if (expected.args >= 0 && inst.Args.Length != expected.args) Fail(inst, $"expected {expected.args} operands, found {inst.Args.Length}");
        if (info.Format == InstFormat.CallIndirect && inst.Args.Length == 0) Fail(inst, "missing callee address");
        if (inst.Targets.Length < expected.minTargets || inst.Targets.Length > expected.maxTargets) Fail(inst, $"wrong number of branch targets ({inst.Targets.Length})");
        bool hasResult = inst.Result is not null;
        if (hasResult != (inst.Type != IrType.None)) Fail(inst, "result and result type disagree");
        if (info.Result == ResultRule.None && inst.Type != IrType.None) Fail(inst, "opcode produces no value");
        if (info.Result == ResultRule.Suffix && inst.Type == IrType.None) Fail(inst, "opcode needs a result type");
        if (info.Result == ResultRule.FixedI8 && inst.Type != IrType.I8) Fail(inst, "result must be i8");
        if (info.Result == ResultRule.FixedPtr && inst.Type != IrType.Ptr) Fail(inst, "result must be ptr");
        if (!info.CarriesFrameState && inst.FrameState is not null) Fail(inst, "opcode cannot carry a frame state");
        if (info.Format is InstFormat.Guard or InstFormat.CheckedBinary && inst.FrameState is null) Fail(inst, "missing frame state");
    }

    void CheckUses(Instruction inst, BlockId block, int index, ControlFlowGraph cfg, DominatorTree domTree)
    {
        foreach (var use in inst.Uses())
        {
            if (!function.IsDefined(use)) { Fail(inst, $"{use} is not defined"); continue; }
            var def = function.DefOf(use);
            bool attached = def.IsParam
                ? function[def.Block].InLayout && def.ParamIndex < function[def.Block].Params.Count && function[def.Block].Params[def.ParamIndex] == use
                : function[def.Inst!.Value].Block is not null;
            if (!attached) { Fail(inst, $"{use} is defined by a removed instruction or block"); continue; }
            if (!cfg.IsReachable(block)) continue;
            var defBlock = def.IsParam ? def.Block : function[def.Inst!.Value].Block!.Value;
            bool dominated = defBlock == block
                ? def.IsParam || positionInBlock[use] < index
                : domTree.Dominates(defBlock, block);
            if (!dominated) Fail(inst, $"use of {use} is not dominated by its definition");
        }
    }

    void CheckTargets(Instruction inst)
    {
        foreach (var target in inst.Targets)
        {
            if (target.Block.Index >= function.BlockCount || !function[target.Block].InLayout)
            {
                Fail(inst, $"branch to missing {target.Block}");
                continue;
            }
            if (target.Block == function.Entry) Fail(inst, "branch to the entry block");
            var parameters = function[target.Block].Params;
            if (inst.Opcode == Opcode.Switch && parameters.Count > 0) Fail(inst, $"switch target {target.Block} has parameters");
            if (parameters.Count != target.Args.Length)
            {
                Fail(inst, $"{target.Block} takes {parameters.Count} arguments, given {target.Args.Length}");
                continue;
            }
            for (int i = 0; i < parameters.Count; i++)
            {
                if (function.IsDefined(target.Args[i]) && function.TypeOf(target.Args[i]) != function.TypeOf(parameters[i]))
                {
                    Fail(inst, $"argument {target.Args[i]} to {target.Block} has type {function.TypeOf(target.Args[i]).Name()}, parameter {parameters[i]} has {function.TypeOf(parameters[i]).Name()}");
                }
            }
        }
    }
}
