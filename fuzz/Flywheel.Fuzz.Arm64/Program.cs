// Fuzz target: random operands for every A64 instruction form, encoded by Flywheel.Arm64Assembler
// and by GNU as, disassembled by us and by objdump. Exits 0 when every batch agrees; otherwise
// prints each diverging instruction as a ready-to-commit table row and exits 1.
//
//   dotnet run --project fuzz/Flywheel.Fuzz.Arm64 -c Release -- --seconds N [--seed S] [--batch B]
//   … -- --list-forms    prints the instruction forms it draws from
using System.Diagnostics;
using Flywheel.Arm64;
using Flywheel.Arm64.Testing;

if (args.Contains("--list-forms"))
{
    foreach (var form in InstructionForms.All) Console.WriteLine(form.Name);
    Console.WriteLine($"{InstructionForms.All.Count} forms");
    return 0;
}

var seconds = 60;
var seed = Environment.TickCount;
var batch = 4000;
for (var i = 0; i < args.Length - 1; i++)
{
    switch (args[i])
    {
        case "--seconds": seconds = int.Parse(args[++i]); break;
        case "--seed": seed = int.Parse(args[++i]); break;
        case "--batch": batch = int.Parse(args[++i]); break;
    }
}

if (!Binutils.Exists)
{
    Console.Error.WriteLine($"fuzz arm64: {Binutils.MissingMessage}");
    return 2;
}

var random = new Random(seed);
var forms = InstructionForms.All;
var clock = Stopwatch.StartNew();
long checkedCount = 0;
var batches = 0;
do
{
    var samples = new List<Sample>(batch);
    for (var i = 0; i < batch; i++) samples.Add(forms[random.Next(forms.Count)].Sample(random));
    List<Divergence> divergences;
    try
    {
        divergences = CrossCheck.Run(samples);
    }
    catch (Exception e)
    {
        Console.WriteLine($"fuzz arm64: seed {seed}, batch {batches}: {e.Message}");
        return 1;
    }
    if (divergences.Count > 0)
    {
        Console.WriteLine($"fuzz arm64: seed {seed}, batch {batches}: {divergences.Count} divergence(s) from binutils");
        foreach (var d in divergences.Take(50))
        {
            Console.WriteLine(d);
            // The expected row for tests/Data/encodings.txt, taking binutils as the truth.
            Console.WriteLine($"    row: {d.Sample.Source} | {d.Theirs:x8} | {Arm64Disassembler.Disassemble(d.Theirs, CrossCheck.BaseAddress)}");
        }
        return 1;
    }
    checkedCount += samples.Count;
    batches++;
}
while (clock.Elapsed.TotalSeconds < seconds);

Console.WriteLine($"fuzz arm64: seed {seed}: {checkedCount} instructions over {forms.Count} forms in {batches} batches agree with binutils ({clock.Elapsed.TotalSeconds:F1} s)");
return 0;
