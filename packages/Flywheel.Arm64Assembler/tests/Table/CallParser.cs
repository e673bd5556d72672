using System.Globalization;
using System.Reflection;

namespace Flywheel.Arm64.Tests.Table;

/// <summary>
/// Reads the call column of the encoding table — <c>Add(X0, X1, Shift.Lsl, 3)</c>,
/// <c>Ldr(X0, Mem.PreIndex(SP, -16))</c>, <c>Dup(V0.D2, X1)</c> — and invokes it on an assembler.
/// Arguments are register names from <see cref="Registers"/> (with <c>.S4</c>/<c>.D2</c> on vectors),
/// integers, decimals, booleans, <c>Enum.Member</c>, and <c>Mem</c> factory calls.
/// </summary>
internal static class CallParser
{
    private static readonly Type[] s_enums = [typeof(Shift), typeof(Extend), typeof(IndexExtend), typeof(Condition), typeof(BarrierOption), typeof(SystemRegister), typeof(CacheOperation)];

    public static void Invoke(Arm64Assembler asm, string call)
    {
        var (name, args) = SplitCall(call);
        var values = args.Select(Parse).ToArray();
        var method = Resolve(typeof(Arm64Assembler), name, values, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            ?? throw new InvalidOperationException($"No Arm64Assembler.{name} accepts ({string.Join(", ", values.Select(v => v?.GetType().Name))}).");
        Call(method, asm, values);
    }

    private static object? Parse(string text)
    {
        text = text.Trim();
        if (text.StartsWith("Mem.", StringComparison.Ordinal))
        {
            var (name, args) = SplitCall(text[4..]);
            var values = args.Select(Parse).ToArray();
            var factory = Resolve(typeof(Mem), name, values, BindingFlags.Static | BindingFlags.Public)
                ?? throw new InvalidOperationException($"No Mem.{name} for {text}.");
            return Call(factory, null, values);
        }
        if (text is "true" or "false") return text == "true";
        var dot = text.IndexOf('.');
        if (dot > 0 && char.IsLetter(text[0]))
        {
            var (head, tail) = (text[..dot], text[(dot + 1)..]);
            var enumType = s_enums.FirstOrDefault(t => t.Name == head);
            if (enumType is not null) return Enum.Parse(enumType, tail);
            var vector = (VRegister)Field(head)!;
            return tail == "D2" ? vector.D2 : vector.S4;
        }
        if (char.IsLetter(text[0])) return Field(text);
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)) return ulong.Parse(text[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        if (text.Contains('.')) return double.Parse(text, CultureInfo.InvariantCulture);
        return long.Parse(text, CultureInfo.InvariantCulture);
    }

    private static object? Field(string name) =>
        typeof(Registers).GetField(name, BindingFlags.Static | BindingFlags.Public)?.GetValue(null)
        ?? throw new InvalidOperationException($"Unknown register {name}.");

    private static (string Name, List<string> Args) SplitCall(string text)
    {
        var open = text.IndexOf('(');
        var name = text[..open].Trim();
        var inner = text[(open + 1)..text.LastIndexOf(')')];
        var args = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < inner.Length; i++)
        {
            if (inner[i] == '(') depth++;
            else if (inner[i] == ')') depth--;
            else if (inner[i] == ',' && depth == 0) { args.Add(inner[start..i]); start = i + 1; }
        }
        if (inner.Trim().Length > 0) args.Add(inner[start..]);
        return (name, args);
    }

    // The overload whose parameters accept the arguments, preferring exact types over conversions.
    private static MethodInfo? Resolve(Type type, string name, object?[] values, BindingFlags flags) =>
        type.GetMethods(flags)
            .Where(m => m.Name == name)
            .Select(m => (Method: m, Score: Score(m.GetParameters(), values)))
            .Where(c => c.Score >= 0)
            .OrderByDescending(c => c.Score)
            .Select(c => c.Method)
            .FirstOrDefault();

    private static int Score(ParameterInfo[] parameters, object?[] values)
    {
        if (values.Length > parameters.Length || parameters.Skip(values.Length).Any(p => !p.HasDefaultValue)) return -1;
        var score = 0;
        for (var i = 0; i < values.Length; i++)
        {
            var want = Nullable.GetUnderlyingType(parameters[i].ParameterType) ?? parameters[i].ParameterType;
            var value = values[i];
            if (value?.GetType() == want) score += 2;
            else if (value is Register && want == typeof(RegisterOrSp)) score += 1;
            else if (value is long or ulong && (want == typeof(int) || want == typeof(long) || want == typeof(ulong) || want == typeof(uint))) score += 1;
            else if (value is double && want == typeof(double)) score += 2;
            else return -1;
        }
        return score;
    }

    private static object? Call(MethodInfo method, object? target, object?[] values)
    {
        var parameters = method.GetParameters();
        var args = new object?[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            if (i >= values.Length) { args[i] = parameters[i].DefaultValue; continue; }
            var want = Nullable.GetUnderlyingType(parameters[i].ParameterType) ?? parameters[i].ParameterType;
            args[i] = values[i] switch
            {
                Register r when want == typeof(RegisterOrSp) => (RegisterOrSp)r,
                long or ulong when want == typeof(int) => Convert.ToInt32(values[i], CultureInfo.InvariantCulture),
                long or ulong when want == typeof(uint) => Convert.ToUInt32(values[i], CultureInfo.InvariantCulture),
                long l when want == typeof(ulong) => unchecked((ulong)l),
                ulong u when want == typeof(long) => unchecked((long)u),
                var v => v,
            };
        }
        return method.Invoke(target, args);
    }
}
