using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Flywheel.X64.Tests.Binutils;

/// <summary>
/// Runs GNU <c>as</c> and <c>objdump</c> for x86-64 — an encoder and decoder written
/// independently of Iced — on whole batches, so thousands of instructions cost two process starts.
/// </summary>
internal static partial class GnuTools
{
    public static bool Available => Which("as") && Which("objdump");

    /// <summary>Assembles Intel-syntax lines, one instruction each, and returns each one's bytes.</summary>
    public static List<byte[]> Assemble(IReadOnlyList<string> lines)
    {
        using var dir = new TempDir();
        var source = Path.Combine(dir.Path, "intent.s");
        File.WriteAllText(source, ".intel_syntax noprefix\n" + string.Join('\n', lines) + "\n");
        var obj = Path.Combine(dir.Path, "intent.o");
        Run("as", $"--64 -o {obj} {source}");
        return Disassemble(Run("objdump", $"-d -M intel --insn-width=16 {obj}")).Select(i => i.Bytes).ToList();
    }

    /// <summary>Decodes raw x86-64 bytes into (bytes, text) per instruction.</summary>
    public static List<(byte[] Bytes, string Text)> Decode(byte[] code)
    {
        using var dir = new TempDir();
        var bin = Path.Combine(dir.Path, "code.bin");
        File.WriteAllBytes(bin, code);
        return Disassemble(Run("objdump", $"-D -b binary -m i386:x86-64 -M intel --insn-width=16 {bin}"));
    }

    private static List<(byte[] Bytes, string Text)> Disassemble(string listing)
    {
        var result = new List<(byte[], string)>();
        foreach (Match m in InstructionLine().Matches(listing))
        {
            var bytes = Convert.FromHexString(m.Groups["bytes"].Value.Replace(" ", ""));
            result.Add((bytes, Regex.Replace(m.Groups["text"].Value.Trim(), @"\s+", " ")));
        }
        return result;
    }

    private static string Run(string tool, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{tool} {arguments} failed: {error}");
        return output.Result;
    }

    private static bool Which(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => File.Exists(Path.Combine(d, tool)));

    [GeneratedRegex(@"^\s*[0-9a-f]+:\t(?<bytes>[0-9a-f ]+?)\s*\t(?<text>[^\n]*)$", RegexOptions.Multiline)]
    private static partial Regex InstructionLine();

    private sealed class TempDir : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("flywheel-binutils-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
