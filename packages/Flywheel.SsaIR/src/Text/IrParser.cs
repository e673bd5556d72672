using System.Globalization;

namespace Flywheel.SsaIR.Text;

/// <summary>A parsed function with the source lines it spans (used by filetests to attach directives).</summary>
/// <param name="Function">The function.</param>
/// <param name="FirstLine">1-based line of the <c>function</c> keyword.</param>
/// <param name="LastLine">1-based line of the closing brace.</param>
public sealed record ParsedFunction(Function Function, int FirstLine, int LastLine);

/// <summary>
/// Reads the IR text format written by <see cref="IrPrinter"/>. Value, block and slot names are kept
/// as ids, so the printed text of a parsed function equals its source (modulo spacing and comments).
/// The parser checks syntax and names only; run <see cref="Verification.Verifier"/> for meaning.
/// </summary>
public sealed class IrParser
{
    readonly List<Token> tokens;
    int pos;

    IrParser(string text) => tokens = IrLexer.Tokenize(text);

    /// <summary>Parses every function in <paramref name="text"/> into a module.</summary>
    public static Module ParseModule(string text)
    {
        var module = new Module();
        foreach (var parsed in ParseWithSpans(text)) module.Add(parsed.Function);
        return module;
    }

    /// <summary>Parses text holding exactly one function.</summary>
    public static Function ParseFunction(string text)
    {
        var all = ParseWithSpans(text);
        if (all.Count != 1) throw new IrParseException($"expected one function, found {all.Count}", 1, 1);
        return all[0].Function;
    }

    /// <summary>Parses every function with the lines it spans.</summary>
    public static IReadOnlyList<ParsedFunction> ParseWithSpans(string text)
    {
        var parser = new IrParser(text);
        var result = new List<ParsedFunction>();
        while (parser.Peek.Kind != TokenKind.End) result.Add(parser.ParseFunctionDefinition());
        return result;
    }

    Token Peek => tokens[pos];

    Token Next() => tokens[pos++];

    IrParseException Error(string message, Token? at = null)
    {
        var token = at ?? Peek;
        return new IrParseException($"{message}, found {token}", token.Line, token.Column);
    }

    bool TryPunct(string punct)
    {
        if (Peek.Kind == TokenKind.Punct && Peek.Text == punct) { pos++; return true; }
        return false;
    }

    void ExpectPunct(string punct)
    {
        if (!TryPunct(punct)) throw Error($"expected '{punct}'");
    }

    bool TryWord(string word)
    {
        if (Peek.Kind == TokenKind.Word && Peek.Text == word) { pos++; return true; }
        return false;
    }

    void ExpectWord(string word)
    {
        if (!TryWord(word)) throw Error($"expected '{word}'");
    }

    string ExpectName(TokenKind kind, string what)
    {
        if (Peek.Kind != kind) throw Error($"expected {what}");
        return Next().Text;
    }

    IrType ExpectType()
    {
        var token = Next();
        if (token.Kind != TokenKind.Word || !IrTypeExtensions.TryParse(token.Text, out var type)) throw Error("expected a type", token);
        return type;
    }

    long ExpectInteger()
    {
        var token = Next();
        if (token.Kind == TokenKind.Number && TryParseInteger(token.Text, out long value)) return value;
        throw Error("expected an integer", token);
    }

    /// <summary>Parses a decimal or <c>0x</c> hex integer literal, optionally negative, as the text format writes them.</summary>
    public static bool TryParseInteger(string text, out long value)
    {
        bool negative = text.StartsWith('-');
        string digits = negative ? text[1..] : text;
        bool ok;
        if (digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            ok = ulong.TryParse(digits[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ulong bits);
            value = negative ? -(long)bits : (long)bits;
            return ok;
        }
        ok = ulong.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out ulong magnitude);
        if (!ok || (negative ? magnitude > 1UL << 63 : magnitude > ulong.MaxValue)) { value = 0; return false; }
        value = negative ? (long)(0 - magnitude) : (long)magnitude;
        return true;
    }

    /// <summary>Ids above this are rejected: arenas grow to the largest id named, so text must not name absurd ones.</summary>
    const int MaxIndex = 1 << 22;

    static bool TryPrefixedIndex(Token token, string prefix, out int index)
    {
        index = 0;
        return token.Kind == TokenKind.Word && token.Text.StartsWith(prefix, StringComparison.Ordinal)
            && token.Text.Length > prefix.Length && char.IsDigit(token.Text[prefix.Length])
            && int.TryParse(token.Text.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out index)
            && index <= MaxIndex;
    }

    int ExpectInt32()
    {
        var token = Peek;
        long value = ExpectInteger();
        if (value is < int.MinValue or > int.MaxValue) throw Error("integer out of 32-bit range", token);
        return (int)value;
    }

    ValueId ExpectValue()
    {
        var token = Next();
        if (TryPrefixedIndex(token, "v", out int index)) return new ValueId(index);
        throw Error("expected a value (v0, v1, ...)", token);
    }

    BlockId ExpectBlock()
    {
        var token = Next();
        if (TryPrefixedIndex(token, "block", out int index)) return new BlockId(index);
        throw Error("expected a block (block0, ...)", token);
    }

    ValueId[] ValueList(string close)
    {
        var list = new List<ValueId>();
        if (TryPunct(close)) return [];
        do list.Add(ExpectValue()); while (TryPunct(","));
        ExpectPunct(close);
        return list.ToArray();
    }

    BlockCall ExpectBlockCall()
    {
        var block = ExpectBlock();
        return TryPunct("(") ? new BlockCall(block, ValueList(")")) : new BlockCall(block);
    }

    ParsedFunction ParseFunctionDefinition()
    {
        int firstLine = Peek.Line;
        ExpectWord("function");
        string name = ExpectName(TokenKind.FunctionName, "a function name (%name)");
        ExpectPunct("(");
        var parameters = new List<IrType>();
        if (!TryPunct(")"))
        {
            do parameters.Add(ExpectType()); while (TryPunct(","));
            ExpectPunct(")");
        }
        var returnType = TryPunct("->") ? ExpectType() : IrType.None;
        ExpectPunct("{");
        var function = new Function(name, parameters, returnType);
        while (TryPrefixedIndex(Peek, "ss", out int slotIndex))
        {
            var at = Next();
            if (slotIndex != function.StackSlots.Count) throw Error($"stack slots must be numbered in order; expected ss{function.StackSlots.Count}", at);
            ExpectPunct("=");
            ExpectWord("stack_slot");
            function.CreateStackSlot(ExpectInt32());
        }
        while (!TryPunct("}"))
        {
            ParseBlock(function);
        }
        return new ParsedFunction(function, firstLine, tokens[pos - 1].Line);
    }

    void ParseBlock(Function function)
    {
        var at = Peek;
        var block = ExpectBlock();
        try { function.CreateBlockWithId(block.Index); }
        catch (InvalidOperationException e) { throw Error(e.Message, at); }
        if (TryPunct("("))
        {
            do
            {
                var valueToken = Peek;
                var value = ExpectValue();
                ExpectPunct(":");
                var type = ExpectType();
                Define(() => function.AddParsedParam(block, value, type), valueToken);
            }
            while (TryPunct(","));
            ExpectPunct(")");
        }
        ExpectPunct(":");
        while (!TryPrefixedIndex(Peek, "block", out _) && !(Peek.Kind == TokenKind.Punct && Peek.Text == "}"))
        {
            ParseInstruction(function, block);
        }
    }

    void Define(Action define, Token at)
    {
        try { define(); }
        catch (InvalidOperationException e) { throw Error(e.Message, at); }
    }

    void ParseInstruction(Function function, BlockId block)
    {
        var start = Peek;
        ValueId? result = null;
        if (TryPrefixedIndex(Peek, "v", out _))
        {
            result = ExpectValue();
            ExpectPunct("=");
        }
        var mnemonicToken = Next();
        if (mnemonicToken.Kind != TokenKind.Word) throw Error("expected an opcode", mnemonicToken);
        string mnemonic = mnemonicToken.Text;
        var type = IrType.None;
        int dot = mnemonic.IndexOf('.');
        if (dot >= 0)
        {
            if (!IrTypeExtensions.TryParse(mnemonic[(dot + 1)..], out type)) throw Error("unknown type suffix", mnemonicToken);
            mnemonic = mnemonic[..dot];
        }
        if (!OpcodeInfo.TryParse(mnemonic, out var opcode)) throw Error("unknown opcode", mnemonicToken);
        var info = OpcodeInfo.Of(opcode);
        switch (info.Result)
        {
            case ResultRule.None when dot >= 0:
            case ResultRule.FixedI8 when dot >= 0:
            case ResultRule.FixedPtr when dot >= 0:
                throw Error($"'{info.Name}' takes no type suffix", mnemonicToken);
            case ResultRule.Suffix when dot < 0:
                throw Error($"'{info.Name}' needs a type suffix", mnemonicToken);
            case ResultRule.FixedI8: type = IrType.I8; break;
            case ResultRule.FixedPtr: type = IrType.Ptr; break;
        }
        if ((type != IrType.None) != result.HasValue)
        {
            throw Error(type == IrType.None ? $"'{info.Name}' produces no value" : $"'{info.Name}' produces a value that must be named", start);
        }
        var inst = new Instruction(opcode, type);
        ParseOperands(inst, info);
        if (info.CarriesFrameState && TryWord("deopt"))
        {
            int resume = ExpectInt32();
            ExpectPunct("(");
            inst.FrameState = new FrameState(resume, ValueList(")"));
        }
        else if (info.Format is InstFormat.Guard or InstFormat.CheckedBinary)
        {
            throw Error($"'{info.Name}' needs a frame state (deopt N(values))");
        }
        Define(() => function.AppendParsed(block, inst, result), start);
    }

    void ParseOperands(Instruction inst, OpcodeInfo info)
    {
        switch (info.Format)
        {
            case InstFormat.IntConst:
                inst.Imm = ExpectInteger();
                break;
            case InstFormat.FloatConst:
                inst.Imm = ExpectFloatBits(inst.Type);
                break;
            case InstFormat.Unary:
                inst.Args = [ExpectValue()];
                break;
            case InstFormat.Binary:
            case InstFormat.CheckedBinary:
                inst.Args = Operands(2);
                break;
            case InstFormat.IntCompare:
            {
                var token = Next();
                if (!ConditionNames.TryParseInt(token.Text, out var cond)) throw Error("expected an integer condition", token);
                inst.IntCond = cond;
                inst.Args = Operands(2);
                break;
            }
            case InstFormat.FloatCompare:
            {
                var token = Next();
                if (!ConditionNames.TryParseFloat(token.Text, out var cond)) throw Error("expected a float condition", token);
                inst.FloatCond = cond;
                inst.Args = Operands(2);
                break;
            }
            case InstFormat.Select:
                inst.Args = Operands(3);
                break;
            case InstFormat.Load:
                inst.Args = [ExpectAddress(inst)];
                inst.Alias = OptionalAlias();
                break;
            case InstFormat.Store:
                var stored = ExpectValue();
                ExpectPunct(",");
                inst.Args = [stored, ExpectAddress(inst)];
                inst.Alias = OptionalAlias();
                break;
            case InstFormat.StackAddr:
            {
                var token = Next();
                if (!TryPrefixedIndex(token, "ss", out int slot)) throw Error("expected a stack slot (ss0, ...)", token);
                inst.Slot = new StackSlotId(slot);
                break;
            }
            case InstFormat.Alloc:
                inst.Imm = ExpectInteger();
                break;
            case InstFormat.FuncAddr:
                inst.Callee = ExpectName(TokenKind.FunctionName, "a function name (%name)");
                break;
            case InstFormat.Call:
                inst.Callee = inst.Opcode == Opcode.CallHost
                    ? ExpectName(TokenKind.HostName, "a host function name ($name)")
                    : ExpectName(TokenKind.FunctionName, "a function name (%name)");
                ExpectPunct("(");
                inst.Args = ValueList(")");
                break;
            case InstFormat.CallIndirect:
                var callee = ExpectValue();
                ExpectPunct("(");
                inst.Args = [callee, .. ValueList(")")];
                break;
            case InstFormat.Guard:
            case InstFormat.Return when Peek.Kind == TokenKind.Word && Peek.Text.StartsWith('v'):
                inst.Args = [ExpectValue()];
                break;
            case InstFormat.Jump:
                inst.Targets = [ExpectBlockCall()];
                break;
            case InstFormat.Brif:
                inst.Args = [ExpectValue()];
                ExpectPunct(",");
                var then = ExpectBlockCall();
                ExpectPunct(",");
                inst.Targets = [then, ExpectBlockCall()];
                break;
            case InstFormat.Switch:
            {
                inst.Args = [ExpectValue()];
                ExpectPunct(",");
                var targets = new List<BlockCall> { new(ExpectBlock()) };
                ExpectPunct(",");
                ExpectPunct("[");
                if (!TryPunct("]"))
                {
                    do targets.Add(new BlockCall(ExpectBlock())); while (TryPunct(","));
                    ExpectPunct("]");
                }
                inst.Targets = targets.ToArray();
                break;
            }
            case InstFormat.Trap:
            {
                var token = Next();
                if (!ConditionNames.TryParseTrap(token.Text, out var code)) throw Error("expected a trap code", token);
                inst.TrapCode = code;
                if (code == TrapCode.User) inst.Imm = ExpectInteger();
                break;
            }
        }
    }

    ValueId[] Operands(int count)
    {
        var operands = new ValueId[count];
        for (int i = 0; i < count; i++)
        {
            if (i > 0) ExpectPunct(",");
            operands[i] = ExpectValue();
        }
        return operands;
    }

    ValueId ExpectAddress(Instruction inst)
    {
        ExpectPunct("[");
        var pointer = ExpectValue();
        if (TryPunct("+")) inst.Offset = ExpectInt32();
        else if (Peek.Kind == TokenKind.Number && Peek.Text.StartsWith('-')) inst.Offset = ExpectInt32();
        ExpectPunct("]");
        return pointer;
    }

    AliasClass OptionalAlias()
    {
        if (TryPrefixedIndex(Peek, "alias", out int id))
        {
            Next();
            return new AliasClass(id);
        }
        return AliasClass.Any;
    }

    long ExpectFloatBits(IrType type)
    {
        var token = Next();
        if (token.Kind != TokenKind.Number) throw Error("expected a float", token);
        if (token.Text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && TryParseInteger(token.Text, out long bits))
        {
            return type == IrType.F32 ? (int)bits : bits;
        }
        if (!double.TryParse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)) throw Error("expected a float", token);
        return type == IrType.F32
            ? BitConverter.SingleToInt32Bits(float.Parse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture))
            : BitConverter.DoubleToInt64Bits(value);
    }
}
