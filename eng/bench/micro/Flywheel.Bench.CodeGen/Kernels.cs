using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Flywheel.CodeGen;
using Flywheel.MachineCode;
using Flywheel.Optimizer;
using Flywheel.SsaIR;
using Flywheel.SsaIR.Text;
using Flywheel.SsaIR.Verification;

namespace Flywheel.Bench.CodeGen;

/// <summary>
/// Code quality: each kernel written in the IR (Kernels.ir), optimized by Flywheel.Optimizer's
/// full pipeline (<c>OptLevel.Full</c>) and compiled by Flywheel.CodeGen (<c>...IR</c>), against
/// the same kernel in C# compiled by RyuJIT (the baseline of its category), and against the IR
/// compiled without optimization (<c>...IRUnoptimized</c>), in one run. All work on the same
/// native buffers; setup checks that they compute the same results.
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public unsafe class Kernels
{
    const long ArrayLength = 4096, MatrixSize = 32, SieveSize = 8192, FibSteps = 1000, InputLength = 4096;

    ExecutableMemory heap = null!;
    InstalledModule installed = null!, unoptimized = null!;
    long* longs;
    double* left, right, a, b, c;
    byte* flags;
    sbyte* input;
    delegate* unmanaged<long*, long, long> sum;
    delegate* unmanaged<double*, double*, long, double> dot;
    delegate* unmanaged<double*, double*, double*, long, void> matmul;
    delegate* unmanaged<byte*, long, long> sieve;
    delegate* unmanaged<long, long> fib;
    delegate* unmanaged<sbyte*, long, long> machine;
    delegate* unmanaged<long*, long, long> sum0;
    delegate* unmanaged<double*, double*, long, double> dot0;
    delegate* unmanaged<double*, double*, double*, long, void> matmul0;
    delegate* unmanaged<byte*, long, long> sieve0;
    delegate* unmanaged<long, long> fib0;
    delegate* unmanaged<sbyte*, long, long> machine0;

    public static Module LoadKernels()
    {
        using var stream = typeof(Kernels).Assembly.GetManifestResourceStream("Kernels.ir")!;
        var module = IrParser.ParseModule(new StreamReader(stream).ReadToEnd());
        foreach (var f in module.Functions) Verifier.VerifyOrThrow(f, module);
        return module;
    }

    /// <summary>The kernels after the optimizer's full pipeline (verified after every pass).</summary>
    public static Module OptimizedKernels()
    {
        var module = LoadKernels();
        new PassManager(PassManager.ForLevel(OptLevel.Full).Passes) { VerifyAfterEachPass = true }.Run(module);
        return module;
    }

    [GlobalSetup]
    public void Setup()
    {
        heap = new ExecutableMemory();
        installed = CodeGenerator.Compile(OptimizedKernels(), BenchRuntime.Options).Install(heap);
        unoptimized = CodeGenerator.Compile(LoadKernels(), BenchRuntime.Options).Install(heap);
        sum0 = (delegate* unmanaged<long*, long, long>)unoptimized.AddressOf("sum");
        dot0 = (delegate* unmanaged<double*, double*, long, double>)unoptimized.AddressOf("dot");
        matmul0 = (delegate* unmanaged<double*, double*, double*, long, void>)unoptimized.AddressOf("matmul");
        sieve0 = (delegate* unmanaged<byte*, long, long>)unoptimized.AddressOf("sieve");
        fib0 = (delegate* unmanaged<long, long>)unoptimized.AddressOf("fib");
        machine0 = (delegate* unmanaged<sbyte*, long, long>)unoptimized.AddressOf("machine");
        sum = (delegate* unmanaged<long*, long, long>)installed.AddressOf("sum");
        dot = (delegate* unmanaged<double*, double*, long, double>)installed.AddressOf("dot");
        matmul = (delegate* unmanaged<double*, double*, double*, long, void>)installed.AddressOf("matmul");
        sieve = (delegate* unmanaged<byte*, long, long>)installed.AddressOf("sieve");
        fib = (delegate* unmanaged<long, long>)installed.AddressOf("fib");
        machine = (delegate* unmanaged<sbyte*, long, long>)installed.AddressOf("machine");

        var random = new Random(42);
        longs = Alloc<long>(ArrayLength);
        left = Alloc<double>(ArrayLength);
        right = Alloc<double>(ArrayLength);
        for (int i = 0; i < ArrayLength; i++) { longs[i] = random.Next(-1000, 1000); left[i] = random.NextDouble(); right[i] = random.NextDouble(); }
        a = Alloc<double>(MatrixSize * MatrixSize);
        b = Alloc<double>(MatrixSize * MatrixSize);
        c = Alloc<double>(MatrixSize * MatrixSize);
        for (int i = 0; i < MatrixSize * MatrixSize; i++) { a[i] = random.NextDouble(); b[i] = random.NextDouble(); }
        flags = Alloc<byte>(SieveSize);
        input = Alloc<sbyte>(InputLength);
        for (int i = 0; i < InputLength; i++) input[i] = (sbyte)random.Next(-128, 128);

        Check("sum", SumIR(), SumCSharp());
        Check("sum (unoptimized)", SumIRUnoptimized(), SumCSharp());
        Check("dot", BitConverter.DoubleToInt64Bits(DotIR()), BitConverter.DoubleToInt64Bits(DotCSharp()));
        Check("dot (unoptimized)", BitConverter.DoubleToInt64Bits(DotIRUnoptimized()), BitConverter.DoubleToInt64Bits(DotCSharp()));
        MatMulCSharp();
        long corner = BitConverter.DoubleToInt64Bits(c[MatrixSize * MatrixSize - 1]);
        MatMulIR();
        Check("matmul", BitConverter.DoubleToInt64Bits(c[MatrixSize * MatrixSize - 1]), corner);
        MatMulIRUnoptimized();
        Check("matmul (unoptimized)", BitConverter.DoubleToInt64Bits(c[MatrixSize * MatrixSize - 1]), corner);
        Check("sieve", SieveIR(), SieveCSharp());
        Check("sieve (unoptimized)", SieveIRUnoptimized(), SieveCSharp());
        Check("fib", FibIR(), FibCSharp());
        Check("fib (unoptimized)", FibIRUnoptimized(), FibCSharp());
        Check("machine", MachineIR(), MachineCSharp());
        Check("machine (unoptimized)", MachineIRUnoptimized(), MachineCSharp());
    }

    static T* Alloc<T>(long count) where T : unmanaged => (T*)NativeMemory.AlignedAlloc((nuint)(count * sizeof(T)), 64);

    static void Check(string kernel, long ir, long csharp)
    {
        if (ir != csharp) throw new InvalidOperationException($"{kernel}: compiled IR gave {ir}, C# gave {csharp}");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        installed.Dispose();
        unoptimized.Dispose();
        heap.Dispose();
    }

    [BenchmarkCategory("sum"), Benchmark(Baseline = true)] public long SumCSharp() => CSharpKernels.Sum(longs, ArrayLength);
    [BenchmarkCategory("sum"), Benchmark] public long SumIR() => sum(longs, ArrayLength);
    [BenchmarkCategory("dot"), Benchmark(Baseline = true)] public double DotCSharp() => CSharpKernels.Dot(left, right, ArrayLength);
    [BenchmarkCategory("dot"), Benchmark] public double DotIR() => dot(left, right, ArrayLength);
    [BenchmarkCategory("matmul"), Benchmark(Baseline = true)] public void MatMulCSharp() => CSharpKernels.MatMul(a, b, c, MatrixSize);
    [BenchmarkCategory("matmul"), Benchmark] public void MatMulIR() => matmul(a, b, c, MatrixSize);
    [BenchmarkCategory("sieve"), Benchmark(Baseline = true)] public long SieveCSharp() => CSharpKernels.Sieve(flags, SieveSize);
    [BenchmarkCategory("sieve"), Benchmark] public long SieveIR() => sieve(flags, SieveSize);
    [BenchmarkCategory("fib"), Benchmark(Baseline = true)] public long FibCSharp() => CSharpKernels.Fib(FibSteps);
    [BenchmarkCategory("fib"), Benchmark] public long FibIR() => fib(FibSteps);
    [BenchmarkCategory("machine"), Benchmark(Baseline = true)] public long MachineCSharp() => CSharpKernels.Machine(input, InputLength);
    [BenchmarkCategory("machine"), Benchmark] public long MachineIR() => machine(input, InputLength);

    [BenchmarkCategory("sum"), Benchmark] public long SumIRUnoptimized() => sum0(longs, ArrayLength);
    [BenchmarkCategory("dot"), Benchmark] public double DotIRUnoptimized() => dot0(left, right, ArrayLength);
    [BenchmarkCategory("matmul"), Benchmark] public void MatMulIRUnoptimized() => matmul0(a, b, c, MatrixSize);
    [BenchmarkCategory("sieve"), Benchmark] public long SieveIRUnoptimized() => sieve0(flags, SieveSize);
    [BenchmarkCategory("fib"), Benchmark] public long FibIRUnoptimized() => fib0(FibSteps);
    [BenchmarkCategory("machine"), Benchmark] public long MachineIRUnoptimized() => machine0(input, InputLength);
}
