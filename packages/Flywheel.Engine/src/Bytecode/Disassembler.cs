using System.Text;

namespace Flywheel.Engine.Bytecode;

/// <summary>Prints bytecode from the opcode table (<c>--print-bytecode</c>).</summary>
internal static unsafe class Disassembler
{
    public static string Print(FunctionTemplate t, Realm? realm = null)
    {
        var sb = new StringBuilder();
        sb.Append($"[function {(t.Name.Length == 0 ? "<anonymous>" : t.Name)}] params={t.ParamRegs} registers={t.RegisterCount} feedback-slots={t.FeedbackSlots} flags={t.Flags}\n");
        int pc = 0, pos = 0;
        while (pc < t.CodeArray.Length - 1)
        {
            while (pos < t.Positions.Length && t.Positions[pos].Pc < pc) pos++;
            string src = pos < t.Positions.Length && t.Positions[pos].Pc == pc ? $"  ; {t.Positions[pos].Line}:{t.Positions[pos].Column}" : "";
            sb.Append($"  {pc,5}: ").Append(Instruction(t.Code + pc, pc, t, realm)).Append(src).Append('\n');
            pc += OpcodeTable.Size((Opcode)t.Code[pc]);
        }
        if (t.Constants.Length > 0)
        {
            sb.Append("  constants:\n");
            for (int i = 0; i < t.Constants.Length; i++) sb.Append($"    [{i}] {Describe(t.Constants[i], realm)}\n");
        }
        foreach (var h in t.Handlers) sb.Append($"  handler [{h.Start}, {h.End}) -> {h.Handler} context r{h.ContextReg}\n");
        foreach (var c in t.Children) sb.Append('\n').Append(Print(c, realm));
        return sb.ToString();
    }

    static string Describe(JsValue v, Realm? realm)
    {
        if (Realm.IsString(v)) return "\"" + Realm.ToClr(v) + "\"";
        if (v.IsNumber) return NumberConversion.ToString(v.Number);
        return v.ToString();
    }

    public static string Instruction(byte* p, int pc, FunctionTemplate? t = null, Realm? realm = null)
    {
        var row = OpcodeTable.Get((Opcode)p[0]);
        var sb = new StringBuilder(row.Op.ToString());
        for (int i = 0; i < row.Operands.Length; i++)
        {
            int v = Read(p, row, i);
            sb.Append(i == 0 ? " " : ", ");
            sb.Append(row.Operands[i] switch
            {
                OperandKind.Reg => "r" + v,
                OperandKind.Idx => t != null && v < t.Constants.Length && row.Op != Opcode.CreateClosure ? $"[{v}]" : $"[{v}]",
                OperandKind.Slot => "#" + v,
                OperandKind.Jump => "@" + (pc + v),
                _ => v.ToString(),
            });
        }
        return sb.ToString();
    }

    public static int Read(byte* p, OpInfo row, int i)
    {
        int off = row.Offsets[i];
        return OpcodeTable.Width(row.Operands[i]) == 2 ? *(ushort*)(p + off) : *(int*)(p + off);
    }
}
