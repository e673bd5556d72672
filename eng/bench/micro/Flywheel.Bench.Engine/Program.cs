using BenchmarkDotNet.Running;

// dotnet run -c Release --project eng/bench/micro/Flywheel.Bench.Engine -- --filter '*'
// (add --job short for a quick look)
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
