namespace Flywheel.Deopt.Tests;

/// <summary>Random, valid frame descriptions: duplicated objects only refer to objects already described.</summary>
internal static class RandomFrames
{
    public static List<FrameDescription> Generate(Random random)
    {
        var objects = 0;
        return Enumerable.Range(0, random.Next(1, 4))
            .Select(_ => new FrameDescription(random.Next(0, 5000), random.Next(0, 100_000),
                Enumerable.Range(0, random.Next(0, 12)).Select(_ => Value(random, 3, ref objects)).ToList()))
            .ToList();
    }

    private static ValueLocation Value(Random random, int depth, ref int objects)
    {
        var representation = (ValueRepresentation)random.Next(7);
        switch (random.Next(depth > 0 ? 7 : 5))
        {
            case 0: return new RegisterLocation(random.Next(32), representation);
            case 1: return new FloatRegisterLocation(random.Next(32), random.Next(2) == 0 ? ValueRepresentation.Float64 : ValueRepresentation.Float32);
            case 2: return new StackSlotLocation(random.Next(-4096, 4096) * 8, representation);
            case 3: return new LiteralLocation(random.Next(2) == 0 ? (ulong)random.NextInt64() : (ulong)random.Next(100), representation);
            case 4: return OptimizedOutLocation.Instance;
            case 5 when objects > 0: return new DuplicatedObjectLocation(random.Next(objects));
            default:
                var type = random.Next(50);
                objects++;
                var fields = new List<ValueLocation>();
                for (var i = random.Next(0, 5); i > 0; i--) fields.Add(Value(random, depth - 1, ref objects));
                return new CapturedObjectLocation(type, fields);
        }
    }
}
