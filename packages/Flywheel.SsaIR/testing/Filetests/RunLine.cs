using System.Globalization;
using Flywheel.SsaIR.Interpretation;
using Flywheel.SsaIR.Text;

namespace Flywheel.SsaIR.Testing.Filetests;

/// <summary>
/// One <c>; run: %f(1, 2) == 3</c> line. The expected side is a value, <c>void</c>,
/// <c>trap CODE</c>, <c>deopt N(values)</c> or <c>out of fuel</c>.
/// </summary>
public sealed record RunLine(string Function, string[] Arguments, string Expected)
{
    /// <summary>Parses the text after <c>run:</c>.</summary>
    public static RunLine Parse(string text)
    {
        text = text.Trim();
        int open = text.IndexOf('('), close = text.IndexOf(')'), eq = text.IndexOf("==", StringComparison.Ordinal);
        if (!text.StartsWith('%') || open < 0 || close < open || eq < close) throw new FormatException($"bad run line: {text}");
        var args = text[(open + 1)..close].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new RunLine(text[1..open].Trim(), args, text[(eq + 2)..].Trim());
    }

    /// <summary>Runs the line on <paramref name="module"/>; null on success, else what went wrong.</summary>
    public string? Check(Module module, string executor)
    {
        if (!module.TryGet(Function, out var function)) return $"run: no function %{Function}";
        if (Arguments.Length != function.ParameterTypes.Count) return $"run: %{Function} takes {function.ParameterTypes.Count} arguments";
        var args = Arguments.Select((a, i) => ParseValue(a, function.ParameterTypes[i])).ToArray();
        var interpreter = new Interpreter(module, new InterpreterOptions { Host = StandardHost.Create() });
        var outcome = interpreter.Run(Function, args);
        string actual = Format(outcome, function.ReturnType);
        string expected = Normalize(Expected, function.ReturnType);
        return actual == expected ? null : $"run ({executor}): %{Function}({string.Join(", ", Arguments)}) gave {actual}, expected {Expected}";
    }

    /// <summary>The run-line text of an outcome, with float results printed as floats.</summary>
    public static string Format(ExecutionOutcome outcome, IrType returnType) =>
        outcome.Kind == OutcomeKind.Returned && outcome.Value is { } v && returnType.IsFloat()
            ? IrPrinter.FormatFloat(returnType, v)
            : outcome.ToString();

    /// <summary>Renders an argument for a run line.</summary>
    public static string FormatValue(long bits, IrType type) =>
        type.IsFloat() ? IrPrinter.FormatFloat(type, bits) : bits.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The canonical text of a run line's expected outcome, comparable with <see cref="Format"/>'s:
    /// values are parsed and reprinted (so <c>0x10</c> and <c>16</c>, or <c>2.50</c> and <c>2.5</c>,
    /// agree), and trap/deopt descriptions have their spacing normalized.
    /// </summary>
    public static string Normalize(string expected, IrType returnType)
    {
        if (expected is "void" or "out of fuel" || expected.StartsWith("trap", StringComparison.Ordinal) || expected.StartsWith("deopt", StringComparison.Ordinal))
        {
            return string.Join(' ', expected.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Replace("( ", "(");
        }
        long bits = ParseValue(expected, returnType);
        return returnType.IsFloat() ? IrPrinter.FormatFloat(returnType, bits) : bits.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Parses a literal into canonical bits of <paramref name="type"/>.</summary>
    public static long ParseValue(string text, IrType type)
    {
        if (type.IsFloat() && !text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            double d = text switch
            {
                "nan" => double.NaN,
                "inf" => double.PositiveInfinity,
                "-inf" => double.NegativeInfinity,
                _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
            };
            return type == IrType.F32 ? BitConverter.SingleToInt32Bits((float)d) : BitConverter.DoubleToInt64Bits(d);
        }
        if (!IrParser.TryParseInteger(text, out long value)) throw new FormatException($"bad value '{text}'");
        return type.Canonicalize(value);
    }
}
