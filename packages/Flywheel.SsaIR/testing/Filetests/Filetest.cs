using Flywheel.SsaIR.Text;

namespace Flywheel.SsaIR.Testing.Filetests;

/// <summary>The directives that follow one function in a filetest.</summary>
public sealed class FunctionDirectives
{
    /// <summary>The parsed function.</summary>
    public required ParsedFunction Parsed { get; init; }

    /// <summary><c>; run:</c> lines.</summary>
    public List<RunLine> Runs { get; } = [];

    /// <summary><c>; check:</c> substrings that must appear in order in the output.</summary>
    public List<string> Checks { get; } = [];

    /// <summary><c>; not:</c> substrings that must not appear in the output.</summary>
    public List<string> Nots { get; } = [];

    /// <summary><c>; error:</c> substrings the verifier must report.</summary>
    public List<string> Errors { get; } = [];

    /// <summary>The exact expected output after <c>; expect:</c>, or null when absent.</summary>
    public List<string>? Expect { get; set; }

    /// <summary>0-based line index of the <c>; expect:</c> line and how many lines its block spans (for bless).</summary>
    public (int Line, int Length) ExpectSpan { get; set; }
}

/// <summary>
/// A parsed <c>.ir</c> filetest: <c>test</c> command lines at the top, functions, and after each
/// function its directives in comments:
/// <code>
/// test optimize const-fold dce
/// test run
/// function %f(i32) -> i32 { ... }
/// ; run: %f(1) == 2
/// ; check: iadd
/// ; not: imul
/// ; error: not dominated
/// ; expect:
/// ; function %f(i32) -> i32 {
/// ; ...
/// </code>
/// </summary>
public sealed class Filetest
{
    static readonly string[] DirectivePrefixes = ["; run:", "; check:", "; not:", "; error:", "; expect:"];

    Filetest(string[] lines, List<string[]> commands, Module module, List<FunctionDirectives> functions)
    {
        Lines = lines;
        Commands = commands;
        Module = module;
        Functions = functions;
    }

    /// <summary>The file's lines.</summary>
    public string[] Lines { get; }

    /// <summary>Each <c>test</c> line split into words (without <c>test</c>).</summary>
    public List<string[]> Commands { get; }

    /// <summary>All functions of the file.</summary>
    public Module Module { get; }

    /// <summary>Each function with its directives, in file order.</summary>
    public List<FunctionDirectives> Functions { get; }

    /// <summary>Parses filetest text.</summary>
    public static Filetest Parse(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var commands = lines.Where(l => l.StartsWith("test ", StringComparison.Ordinal))
            .Select(l => l[5..].Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        // `test` lines are not IR: blank them (keeping line numbers) before parsing.
        var irText = string.Join('\n', lines.Select(l => l.StartsWith("test ", StringComparison.Ordinal) ? "" : l));
        var parsed = IrParser.ParseWithSpans(irText);
        var module = new Module();
        var functions = new List<FunctionDirectives>();
        for (int f = 0; f < parsed.Count; f++)
        {
            module.Add(parsed[f].Function);
            var directives = new FunctionDirectives { Parsed = parsed[f] };
            int end = f + 1 < parsed.Count ? parsed[f + 1].FirstLine - 1 : lines.Length;
            for (int i = parsed[f].LastLine; i < end; i++)
            {
                string line = lines[i].TrimEnd();
                if (line.StartsWith("; run:", StringComparison.Ordinal)) directives.Runs.Add(RunLine.Parse(line[6..]));
                else if (line.StartsWith("; check:", StringComparison.Ordinal)) directives.Checks.Add(line[8..].Trim());
                else if (line.StartsWith("; not:", StringComparison.Ordinal)) directives.Nots.Add(line[6..].Trim());
                else if (line.StartsWith("; error:", StringComparison.Ordinal)) directives.Errors.Add(line[8..].Trim());
                else if (line.StartsWith("; expect:", StringComparison.Ordinal))
                {
                    var block = new List<string>();
                    int j = i + 1;
                    while (j < end && lines[j].StartsWith(';') && !DirectivePrefixes.Any(p => lines[j].StartsWith(p, StringComparison.Ordinal)))
                    {
                        block.Add(lines[j].Length > 2 ? lines[j][2..].TrimEnd() : "");
                        j++;
                    }
                    directives.Expect = block;
                    directives.ExpectSpan = (i, j - i);
                    i = j - 1;
                }
            }
            functions.Add(directives);
        }
        return new Filetest(lines, commands, module, functions);
    }
}
