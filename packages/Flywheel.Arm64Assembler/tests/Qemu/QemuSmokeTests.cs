using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace Flywheel.Arm64.Tests.Qemu;

/// <summary>
/// The end-to-end route: the qemu-smoke program is published as a self-contained linux-arm64
/// app and run under qemu-aarch64-static, where our code runs through function pointers and
/// calls back into C#. The publish output is cached under artifacts/qemu-smoke/ by a hash of its
/// inputs, so it is redone only when they change.
/// </summary>
public sealed class QemuSmokeTests
{
    private const string Qemu = "/usr/bin/qemu-aarch64-static";
    private const string Sysroot = "/usr/aarch64-linux-gnu";

    [Fact]
    public void The_smoke_program_runs_our_code_natively_under_qemu()
    {
        Assert.True(File.Exists(Qemu), "qemu-aarch64-static is missing: run eng/install-deps.sh as root (Debian package qemu-user-static).");
        Assert.True(File.Exists(Path.Combine(Sysroot, "lib", "ld-linux-aarch64.so.1")),
            "The arm64 sysroot is missing: run eng/install-deps.sh as root (Debian package libc6-arm64-cross).");
        Assert.True(File.Exists(Path.Combine(Sysroot, "lib", "libstdc++.so.6")),
            "The arm64 C++ runtime that .NET needs is missing: apt-get install libstdc++6-arm64-cross.");

        var program = Publish();
        var (exit, output) = Run(Qemu, $"-L {Sysroot} {program}", TimeSpan.FromMinutes(3));
        Assert.True(exit == 0, $"qemu-smoke exited {exit}:\n{output}");
        foreach (var line in new[] { "mul=49", "callback=44", "callback-count=1", "fmadd=10.5", "fjcvtzs=7", "vector=100", "patch=(1111, 2222)", "flushes>0=True", "qemu-smoke: ok" })
            Assert.Contains(line, output.Split('\n').Select(l => l.Trim()));
    }

    private static string Publish()
    {
        var root = RepositoryRoot();
        var project = Path.Combine(root, "packages", "Flywheel.Arm64Assembler", "qemu-smoke", "Flywheel.Arm64Assembler.QemuSmoke.csproj");
        var cache = Path.Combine(root, "artifacts", "qemu-smoke", InputsHash(root));
        var program = Path.Combine(cache, "out", "Flywheel.Arm64Assembler.QemuSmoke");
        if (File.Exists(program)) return program;

        var temp = cache + ".tmp-" + Environment.ProcessId;
        // A private artifacts path keeps the arm64 publish away from the build the tests run from.
        var (exit, output) = Run("dotnet",
            $"publish \"{project}\" -r linux-arm64 --self-contained -p:InvariantGlobalization=true -c Release -o \"{Path.Combine(temp, "out")}\" --artifacts-path \"{Path.Combine(temp, "build")}\" -nologo",
            TimeSpan.FromMinutes(10));
        Assert.True(exit == 0, $"dotnet publish -r linux-arm64 failed ({exit}); the linux-arm64 runtime pack must be restorable:\n{output}");
        Directory.Delete(Path.Combine(temp, "build"), recursive: true);
        if (!Directory.Exists(cache)) Directory.Move(temp, cache);
        else Directory.Delete(temp, recursive: true);
        // Older publishes (other input hashes) are ~70 MB each and never used again.
        foreach (var stale in Directory.EnumerateDirectories(Path.GetDirectoryName(cache)!).Where(d => d != cache && !d.Contains(".tmp-", StringComparison.Ordinal)))
            Directory.Delete(stale, recursive: true);
        return program;
    }

    // Everything the published program is built from.
    private static string InputsHash(string root)
    {
        var files = new[] { "packages/Flywheel.Arm64Assembler/qemu-smoke", "packages/Flywheel.Arm64Assembler/src", "packages/Flywheel.CodeBuffer/src" }
            .SelectMany(dir => Directory.EnumerateFiles(Path.Combine(root, dir), "*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".csproj", StringComparison.Ordinal))
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .Concat(new[] { "Directory.Build.props", "Directory.Packages.props", "global.json" }.Select(f => Path.Combine(root, f)))
            .Order(StringComparer.Ordinal);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(root, file)));
            hash.AppendData(File.ReadAllBytes(file));
        }
        return Convert.ToHexString(hash.GetHashAndReset())[..16].ToLowerInvariant();
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "global.json"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Cannot find the repository root (global.json).");
    }

    private static (int Exit, string Output) Run(string tool, string arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(tool, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"timed out after {timeout}\n{output.Result}{errors.Result}");
        }
        return (process.ExitCode, output.Result + errors.Result);
    }
}
