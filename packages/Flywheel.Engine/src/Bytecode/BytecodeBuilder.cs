namespace Flywheel.Engine.Bytecode;

/// <summary>A jump target inside one function's bytecode.</summary>
internal sealed class Label
{
    public int Position = -1;
    public readonly List<(int Instr, int Operand)> Uses = [];
    public bool IsBound => Position >= 0;
}

/// <summary>Emits bytecode from the opcode table: operands are checked against the row and encoded at its widths.</summary>
internal sealed class BytecodeBuilder
{
    readonly List<byte> code = [];
    readonly List<SourcePosition> positions = [];
    public int FeedbackSlots;

    /// <summary>
    /// The offset of the next instruction. A position handed out may become a jump or handler
    /// target, so no instruction at it is dropped by the peephole in <see cref="Emit"/>.
    /// </summary>
    public int Offset { get { reachableFromElsewhere = code.Count; return code.Count; } }

    // `Star r; Ldar r` leaves the accumulator as it was, so the Ldar is dropped unless something can
    // jump to it (a bound label or a handed-out offset at that position).
    int lastStarEnd = -1, lastStarRegister, reachableFromElsewhere = -1;

    public int NewSlot() => FeedbackSlots++;

    public void Emit(Opcode op, params ReadOnlySpan<int> operands)
    {
        var row = OpcodeTable.Get(op);
        if (row.Operands.Length != operands.Length) throw new InvalidOperationException($"{op} takes {row.Operands.Length} operands");
        if (op == Opcode.Ldar && operands[0] == lastStarRegister && lastStarEnd == code.Count && reachableFromElsewhere != code.Count) return;
        code.Add((byte)op);
        for (int i = 0; i < operands.Length; i++) Put(row.Operands[i], operands[i]);
        if (op == Opcode.Star) { lastStarEnd = code.Count; lastStarRegister = operands[0]; }
    }

    void Put(OperandKind k, int v)
    {
        if (OpcodeTable.Width(k) == 2)
        {
            if ((uint)v > ushort.MaxValue) throw new CompileLimitException($"operand {v} does not fit a {k}");
            code.Add((byte)v); code.Add((byte)(v >> 8));
        }
        else { code.Add((byte)v); code.Add((byte)(v >> 8)); code.Add((byte)(v >> 16)); code.Add((byte)(v >> 24)); }
    }

    /// <summary>Emits an instruction whose last operand is a jump to <paramref name="target"/>.</summary>
    public void EmitJump(Opcode op, Label target, params ReadOnlySpan<int> leading)
    {
        int start = code.Count;
        var row = OpcodeTable.Get(op);
        Span<int> ops = stackalloc int[leading.Length + 1];
        leading.CopyTo(ops);
        ops[^1] = target.IsBound ? target.Position - start : 0;
        Emit(op, ops);
        if (!target.IsBound) target.Uses.Add((start, start + row.Offsets[^1]));
    }

    public void Bind(Label l)
    {
        l.Position = reachableFromElsewhere = code.Count;
        foreach (var (instr, operand) in l.Uses)
        {
            int rel = l.Position - instr;
            code[operand] = (byte)rel; code[operand + 1] = (byte)(rel >> 8);
            code[operand + 2] = (byte)(rel >> 16); code[operand + 3] = (byte)(rel >> 24);
        }
        l.Uses.Clear();
    }

    public void AddPosition(int line, int column)
    {
        if (positions.Count > 0 && positions[^1].Pc == code.Count) positions[^1] = new SourcePosition(code.Count, line, column);
        else positions.Add(new SourcePosition(code.Count, line, column));
    }

    public byte[] ToArray() => [.. code];
    public SourcePosition[] Positions => [.. positions];
}

/// <summary>A function too large for the bytecode format (e.g. more than 65535 registers).</summary>
internal sealed class CompileLimitException(string message) : Exception(message);
