using System.Globalization;
using System.Text;

namespace Flywheel.SsaIR.Text;

/// <summary>
/// Writes functions in the IR text format that <see cref="IrParser"/> reads back. Ids print as they
/// are stored (<c>v3</c>, <c>block2</c>), so printing, parsing and printing again gives the same text.
/// </summary>
public static class IrPrinter
{
    /// <summary>The text of one function.</summary>
    public static string Print(Function function)
    {
        var text = new StringBuilder();
        text.Append("function %").Append(function.Name).Append('(')
            .Append(string.Join(", ", function.ParameterTypes.Select(t => t.Name()))).Append(')');
        if (function.ReturnType != IrType.None) text.Append(" -> ").Append(function.ReturnType.Name());
        text.Append(" {\n");
        for (int i = 0; i < function.StackSlots.Count; i++)
        {
            text.Append("    ss").Append(i).Append(" = stack_slot ").Append(function.StackSlots[i].Size).Append('\n');
        }
        foreach (var blockId in function.Layout)
        {
            var block = function[blockId];
            text.Append(blockId);
            if (block.Params.Count > 0)
            {
                text.Append('(').Append(string.Join(", ", block.Params.Select(p => $"{p}: {function.TypeOf(p).Name()}"))).Append(')');
            }
            text.Append(":\n");
            foreach (var instId in block.Instructions)
            {
                text.Append("    ").Append(PrintInst(function[instId])).Append('\n');
            }
        }
        text.Append("}\n");
        return text.ToString();
    }

    /// <summary>The text of one instruction, without indentation.</summary>
    public static string PrintInst(Instruction inst)
    {
        var info = OpcodeInfo.Of(inst.Opcode);
        var text = new StringBuilder();
        if (inst.Result is { } result) text.Append(result).Append(" = ");
        text.Append(info.Name);
        if (info.Result == ResultRule.Suffix || (info.Result == ResultRule.OptionalSuffix && inst.Type != IrType.None))
        {
            text.Append('.').Append(inst.Type.Name());
        }
        var args = inst.Args;
        switch (info.Format)
        {
            case InstFormat.IntConst:
                text.Append(' ').Append(inst.Imm.ToString(CultureInfo.InvariantCulture));
                break;
            case InstFormat.FloatConst:
                text.Append(' ').Append(FormatFloat(inst.Type, inst.Imm));
                break;
            case InstFormat.Unary:
            case InstFormat.Binary:
            case InstFormat.Select:
            case InstFormat.Guard:
            case InstFormat.CheckedBinary:
                text.Append(' ').Append(string.Join(", ", args));
                break;
            case InstFormat.IntCompare:
                text.Append(' ').Append(inst.IntCond.Name()).Append(' ').Append(string.Join(", ", args));
                break;
            case InstFormat.FloatCompare:
                text.Append(' ').Append(inst.FloatCond.Name()).Append(' ').Append(string.Join(", ", args));
                break;
            case InstFormat.Load:
                text.Append(' ').Append(Address(args[0], inst.Offset)).Append(AliasSuffix(inst.Alias));
                break;
            case InstFormat.Store:
                text.Append(' ').Append(args[0]).Append(", ").Append(Address(args[1], inst.Offset)).Append(AliasSuffix(inst.Alias));
                break;
            case InstFormat.StackAddr:
                text.Append(' ').Append(inst.Slot);
                break;
            case InstFormat.Alloc:
                text.Append(' ').Append(inst.Imm.ToString(CultureInfo.InvariantCulture));
                break;
            case InstFormat.FuncAddr:
                text.Append(" %").Append(inst.Callee);
                break;
            case InstFormat.Call:
                text.Append(inst.Opcode == Opcode.CallHost ? " $" : " %").Append(inst.Callee)
                    .Append('(').Append(string.Join(", ", args)).Append(')');
                break;
            case InstFormat.CallIndirect:
                text.Append(' ').Append(args[0]).Append('(').Append(string.Join(", ", args.Skip(1))).Append(')');
                break;
            case InstFormat.Jump:
                text.Append(' ').Append(inst.Targets[0]);
                break;
            case InstFormat.Brif:
                text.Append(' ').Append(args[0]).Append(", ").Append(inst.Targets[0]).Append(", ").Append(inst.Targets[1]);
                break;
            case InstFormat.Switch:
                text.Append(' ').Append(args[0]).Append(", ").Append(inst.Targets[0])
                    .Append(", [").Append(string.Join(", ", inst.Targets.Skip(1))).Append(']');
                break;
            case InstFormat.Return:
                if (args.Length > 0) text.Append(' ').Append(args[0]);
                break;
            case InstFormat.Trap:
                text.Append(' ').Append(inst.TrapCode.Name());
                if (inst.TrapCode == TrapCode.User) text.Append(' ').Append(inst.Imm.ToString(CultureInfo.InvariantCulture));
                break;
        }
        if (inst.FrameState is { } state) text.Append(' ').Append(state);
        return text.ToString();
    }

    static string Address(ValueId pointer, int offset) => offset switch
    {
        0 => $"[{pointer}]",
        > 0 => $"[{pointer}+{offset.ToString(CultureInfo.InvariantCulture)}]",
        _ => $"[{pointer}{offset.ToString(CultureInfo.InvariantCulture)}]",
    };

    static string AliasSuffix(AliasClass alias) => alias == AliasClass.Any ? "" : " " + alias;

    /// <summary>
    /// Formats float bits of <paramref name="type"/> as the text format writes constants: decimal when
    /// the decimal text parses back to the same bits, else the raw bit pattern in hex (NaN payloads,
    /// infinities), so constants survive a round trip exactly.
    /// </summary>
    public static string FormatFloat(IrType type, long bits)
    {
        string text;
        bool exact;
        if (type == IrType.F32)
        {
            float value = BitConverter.Int32BitsToSingle((int)bits);
            text = value.ToString("R", CultureInfo.InvariantCulture);
            exact = float.IsFinite(value) && float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var back)
                && BitConverter.SingleToInt32Bits(back) == (int)bits;
            if (!exact) return "0x" + ((uint)bits).ToString("x8", CultureInfo.InvariantCulture);
        }
        else
        {
            double value = BitConverter.Int64BitsToDouble(bits);
            text = value.ToString("R", CultureInfo.InvariantCulture);
            exact = double.IsFinite(value) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var back)
                && BitConverter.DoubleToInt64Bits(back) == bits;
            if (!exact) return "0x" + bits.ToString("x16", CultureInfo.InvariantCulture);
        }
        // A float literal always carries a '.' or an exponent so it never reads as a hex bit pattern.
        return text.Contains('.') || text.Contains('E') ? text : text + ".0";
    }
}
