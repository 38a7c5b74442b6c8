using BenchmarkDotNet.Running;
using Gatehouse.Benchmarks;

// dotnet run -c Release --project loadtests/Gatehouse.Benchmarks -- --filter '*'   (BenchmarkDotNet's own options apply)
BenchmarkSwitcher.FromAssembly(typeof(BenchmarkConfig).Assembly).Run(args, new BenchmarkConfig());
