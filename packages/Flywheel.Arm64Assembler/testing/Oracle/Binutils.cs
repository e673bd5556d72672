using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Flywheel.Arm64.Testing;

/// <summary>
/// GNU binutils for AArch64 as an outside oracle: <c>aarch64-linux-gnu-as</c> assembles text and
/// <c>aarch64-linux-gnu-objdump</c> disassembles raw bytes. Calls are batched: one process per
/// batch of thousands of instructions.
/// </summary>
public static partial class Binutils
{
    private const string Assembler = "aarch64-linux-gnu-as";
    private const string Objcopy = "aarch64-linux-gnu-objcopy";
    private const string Objdump = "aarch64-linux-gnu-objdump";

    /// <summary>The message for a machine without the tools.</summary>
    public const string MissingMessage =
        "GNU binutils for AArch64 are missing: run eng/install-deps.sh as root (Debian package binutils-aarch64-linux-gnu).";

    /// <summary>Whether the assembler and objdump are on the PATH.</summary>
    public static bool Exists => FindOnPath(Assembler) is not null && FindOnPath(Objdump) is not null && FindOnPath(Objcopy) is not null;

    /// <summary>
    /// Assembles <paramref name="lines"/> (one instruction each) and returns the raw bytes.
    /// ARMv8.5-A is enabled so newer instructions such as <c>fjcvtzs</c> assemble.
    /// </summary>
    /// <exception cref="InvalidOperationException">The assembler rejected a line (the message quotes it).</exception>
    public static byte[] Assemble(IReadOnlyList<string> lines)
    {
        var dir = Directory.CreateTempSubdirectory("flywheel-a64-");
        try
        {
            var source = Path.Combine(dir.FullName, "in.s");
            File.WriteAllText(source, string.Join('\n', lines) + "\n");
            var obj = Path.Combine(dir.FullName, "in.o");
            var bin = Path.Combine(dir.FullName, "in.bin");
            var (code, _, errors) = Run(Assembler, $"-march=armv8.5-a -o {obj} {source}");
            if (code != 0) throw new InvalidOperationException("as failed:\n" + Explain(errors, lines));
            var (copyCode, _, copyErrors) = Run(Objcopy, $"-O binary -j .text {obj} {bin}");
            if (copyCode != 0) throw new InvalidOperationException("objcopy failed: " + copyErrors);
            return File.ReadAllBytes(bin);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Disassembles raw bytes placed at <paramref name="address"/>, one text per 4-byte word, with
    /// objdump's trailing <c>//</c> comments removed.
    /// </summary>
    public static List<string> Disassemble(ReadOnlySpan<byte> code, ulong address)
    {
        var dir = Directory.CreateTempSubdirectory("flywheel-a64-");
        try
        {
            var bin = Path.Combine(dir.FullName, "code.bin");
            File.WriteAllBytes(bin, code.ToArray());
            var (exit, output, errors) = Run(Objdump, $"-b binary -m aarch64 -D --adjust-vma=0x{address:x} {bin}");
            if (exit != 0) throw new InvalidOperationException("objdump failed: " + errors);
            var texts = new List<string>();
            foreach (var line in output.Split('\n'))
            {
                var match = ListingLine().Match(line);
                if (!match.Success) continue;
                texts.Add(Normalize(match.Groups[1].Value));
            }
            return texts;
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>objdump's instruction text without its trailing comment and padding.</summary>
    public static string Normalize(string text)
    {
        var comment = text.IndexOf("//", StringComparison.Ordinal);
        if (comment >= 0) text = text[..comment];
        return text.TrimEnd();
    }

    [GeneratedRegex(@"^\s*[0-9a-f]+:\t[0-9a-f]{8} \t(.*)$")]
    private static partial Regex ListingLine();

    private static string Explain(string errors, IReadOnlyList<string> lines)
    {
        var text = new StringBuilder();
        foreach (var line in errors.Split('\n').Take(20))
        {
            text.AppendLine(line);
            var match = Regex.Match(line, @":(\d+): Error");
            if (match.Success && int.Parse(match.Groups[1].Value) - 1 is var index && index < lines.Count)
                text.AppendLine($"    line {index + 1}: {lines[index]}");
        }
        return text.ToString();
    }

    private static (int Code, string Output, string Errors) Run(string tool, string arguments)
    {
        var start = new ProcessStartInfo(tool, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {tool}.");
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, errors.Result);
    }

    private static string? FindOnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Select(dir => Path.Combine(dir, tool))
            .FirstOrDefault(File.Exists);
}
