using BenchmarkDotNet.Running;

// dotnet run -c Release --project eng/bench/micro/Flywheel.Bench.CodeGen -- --filter '*'
// (add --job short for a quick look; on a loaded machine add --inProcess, as BenchmarkDotNet's
// own build of the benchmark project may hit its two-minute timeout)
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
