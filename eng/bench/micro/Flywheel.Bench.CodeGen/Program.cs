using BenchmarkDotNet.Running;

// dotnet run -c Release --project eng/bench/micro/Flywheel.Bench.CodeGen -- --filter '*'
// (add --job short for a quick look)
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
