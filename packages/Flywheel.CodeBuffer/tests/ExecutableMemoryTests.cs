using System.Runtime.InteropServices;
using FsCheck.Xunit;

namespace Flywheel.MachineCode.Tests;

public unsafe class ExecutableMemoryTests
{
    private static bool HostIsX64 => RuntimeInformation.ProcessArchitecture == Architecture.X64;

    // mov eax, imm32; ret
    private static byte[] ReturnConstant(int value) =>
        [0xB8, (byte)value, (byte)(value >> 8), (byte)(value >> 16), (byte)(value >> 24), 0xC3];

    [Fact]
    public void Installed_code_runs_and_patching_changes_what_it_returns()
    {
        Assert.True(HostIsX64, "these tests run x86-64 code on the host");
        using var heap = new ExecutableMemory();
        var buffer = new CodeBuffer();
        buffer.EmitBytes(ReturnConstant(42));
        var site = buffer.AddPatchSite("value", 1, 4);
        using var code = heap.Install(buffer.Finish());

        var function = (delegate* unmanaged<int>)code.Address;
        Assert.Equal(42, function());

        code.Patch(site, BitConverter.GetBytes(-7));
        Assert.Equal(-7, function());
    }

    [Fact]
    public void No_mapping_is_writable_and_executable_while_code_is_installed_or_patched()
    {
        Assert.True(OperatingSystem.IsLinux(), "/proc/self/maps is Linux's");
        using var heap = new ExecutableMemory();
        var installed = Enumerable.Range(0, 50).Select(i => heap.Install(ReturnConstant(i))).ToList();
        installed[3].Patch(1, BitConverter.GetBytes(99));
        installed[7].Free();
        heap.Install(ReturnConstant(1));

        var executable = ExecutableRegions();
        Assert.All(installed.Where(c => !c.IsFreed), c => Assert.Contains(executable, r => r.Start <= c.Address && c.Address < r.End));
        Assert.Empty(WritableAndExecutable());
        Assert.Equal(99, ((delegate* unmanaged<int>)installed[3].Address)());
    }

    [Fact]
    public void The_code_space_limit_fails_cleanly_and_the_heap_stays_usable()
    {
        using var heap = new ExecutableMemory(new ExecutableMemoryOptions { CodeSpaceLimit = 64 << 10, ChunkSize = 16 << 10 });
        var live = new List<InstalledCode>();
        void FillUp()
        {
            while (true) live.Add(heap.Install(new byte[1000]));
        }
        var error = Assert.Throws<CodeSpaceExhaustedException>(FillUp);
        Assert.Equal(64 << 10, error.LimitBytes);
        Assert.True(heap.Statistics.ReservedBytes <= 64 << 10);
        Assert.Equal(live.Count, heap.Statistics.LiveAllocations);

        live[0].Free();
        using var again = heap.Install(ReturnConstant(5));
        Assert.Equal(5, ((delegate* unmanaged<int>)again.Address)());
    }

    [Fact]
    public void Code_larger_than_a_chunk_gets_its_own_mapping()
    {
        using var heap = new ExecutableMemory(new ExecutableMemoryOptions { ChunkSize = 4096 });
        var big = new byte[20_000];
        ReturnConstant(11).CopyTo(big, 0);
        using var code = heap.Install(big);
        Assert.Equal(11, ((delegate* unmanaged<int>)code.Address)());
        Assert.True(heap.Statistics.ReservedBytes >= 20_000);
    }

    /// <summary>
    /// Random install/free sequences: live code never overlaps, keeps its bytes, and the
    /// statistics add up; freeing everything returns all but one chunk.
    /// </summary>
    [Property(MaxTest = 40)]
    public bool Random_install_and_free_keeps_code_intact(ushort[] script)
    {
        using var heap = new ExecutableMemory(new ExecutableMemoryOptions { ChunkSize = 8192 });
        var live = new List<(InstalledCode Code, byte Tag)>();
        foreach (var op in script)
        {
            if (op % 3 == 0 && live.Count > 0)
            {
                var victim = op / 3 % live.Count;
                live[victim].Code.Free();
                live.RemoveAt(victim);
            }
            else
            {
                var tag = (byte)op;
                live.Add((heap.Install(Enumerable.Repeat(tag, op % 3000 + 1).ToArray()), tag));
            }
        }

        var ordered = live.OrderBy(l => l.Code.Address).ToList();
        for (var i = 1; i < ordered.Count; i++)
            if (ordered[i - 1].Code.Address + ordered[i - 1].Code.Size > ordered[i].Code.Address) return false;
        if (!live.All(l => l.Code.Bytes.IndexOfAnyExcept(l.Tag) < 0)) return false;

        var stats = heap.Statistics;
        if (stats.LiveAllocations != live.Count) return false;
        if (stats.UsedBytes < live.Sum(l => (long)l.Code.Size)) return false;

        foreach (var (code, _) in live) code.Free();
        stats = heap.Statistics;
        return stats.LiveAllocations == 0 && stats.UsedBytes == 0 && stats.Chunks <= 1;
    }

    [Fact]
    public void Freed_code_is_overwritten_with_traps()
    {
        using var heap = new ExecutableMemory();
        var keep = heap.Install(ReturnConstant(1));
        var freed = heap.Install(ReturnConstant(2));
        var address = freed.Address;
        freed.Free();
        Assert.True(freed.IsFreed);
        Assert.All(new ReadOnlySpan<byte>((void*)address, 6).ToArray(), b => Assert.Equal(0xCC, b));
        Assert.Throws<ObjectDisposedException>(() => freed.Patch(0, [0x90]));
        keep.Free();
    }

    private static List<(nint Start, nint End, string Permissions)> Mappings() =>
        File.ReadAllLines("/proc/self/maps").Select(line =>
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var range = parts[0].Split('-');
            return ((nint)Convert.ToInt64(range[0], 16), (nint)Convert.ToInt64(range[1], 16), parts[1]);
        }).ToList();

    private static List<(nint Start, nint End, string Permissions)> ExecutableRegions() =>
        Mappings().Where(m => m.Permissions[2] == 'x').ToList();

    private static List<(nint Start, nint End, string Permissions)> WritableAndExecutable() =>
        Mappings().Where(m => m.Permissions[1] == 'w' && m.Permissions[2] == 'x').ToList();
}
