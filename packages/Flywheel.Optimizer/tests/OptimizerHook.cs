using Flywheel.SsaIR;

namespace Flywheel.Optimizer.Tests;

/// <summary>How filetests and differential tests run the optimizer: named passes, or <c>O1</c>/<c>O2</c> for whole pipelines, verifying after every pass.</summary>
static class OptimizerHook
{
    public static IReadOnlyList<string> Expand(IEnumerable<string> names) => names.SelectMany(n => n switch
    {
        "O1" => Pipelines.For(OptLevel.Fast),
        "O2" => Pipelines.For(OptLevel.Full),
        _ => [n],
    }).ToList();

    public static Module Optimize(Module module, IReadOnlyList<string> passes)
    {
        var manager = PassManager.FromNames(Expand(passes));
        manager = new PassManager(manager.Passes) { VerifyAfterEachPass = true };
        manager.Run(module);
        return module;
    }
}
