using Flywheel.SsaIR.Text;

namespace Flywheel.SsaIR.Tests;

public sealed class ParserTests
{
    [Theory]
    [InlineData("function %f() {\nblock0:\n    v0 = iadd v1, v2\n}", 3, "needs a type suffix")]
    [InlineData("function %f() {\nblock0:\n    v0 = frobnicate.i32 v1\n}", 3, "unknown opcode")]
    [InlineData("function %f() {\nblock0:\n    guard v1\n}", 4, "needs a frame state")]
    [InlineData("function %f() {\nblock0:\n    return\nblock0:\n    return\n}", 4, "defined twice")]
    [InlineData("function %f() {\nblock0:\n    v1 = iconst.i32 1\n    v1 = iconst.i32 2\n    return\n}", 4, "defined twice")]
    [InlineData("function %f() {\nblock0:\n    iconst.i32 1\n}", 3, "must be named")]
    [InlineData("function %f() {\nblock0:\n    v0 = icmp.i8 eq v1, v2\n}", 3, "no type suffix")]
    [InlineData("function %f() {\nblock0:\n    v0 = load.i32 v1\n}", 3, "expected '['")]
    [InlineData("function %f() {\n    ss0 = stack_slot 9999999999\nblock0:\n    return\n}", 2, "out of 32-bit range")]
    [InlineData("function %f() {\nblock0:\n    return\nblock400000000:\n    return\n}", 4, "unknown opcode")]
    public void ErrorsNameTheLine(string text, int line, string message)
    {
        var error = Assert.Throws<IrParseException>(() => IrParser.ParseModule(text));
        Assert.Equal(line, error.Line);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void CommentsAndSpacingAreIgnoredAndNamesKept()
    {
        const string text = "; leading comment\nfunction %f(i32) -> i32 { ; trailing\nblock3(v7: i32):\n  v9 = iadd.i32 v7,v7 ; double\n  return v9\n}\n";
        var f = IrParser.ParseFunction(text);
        Assert.Equal("function %f(i32) -> i32 {\nblock3(v7: i32):\n    v9 = iadd.i32 v7, v7\n    return v9\n}\n", f.ToString());
    }
}

public sealed class ParserRobustnessTests
{
    static readonly string[] Splices = ["v999999999999", "block4000000000", "block400000000", "v40000000", "9999999999", "-9999999999", "-", "(", "]", ",", "99999999999999999999", "ss7", "%", "$", ".i32", "deopt", "\n", "0x", "alias-1", "1e999"];

    /// <summary>Mangled text never crashes the parser: it either parses or reports an <see cref="IrParseException"/>.</summary>
    [FsCheck.Xunit.Property(MaxTest = 500)]
    public bool MangledTextFailsCleanly(int seed)
    {
        var random = new Random(seed);
        string text = new Flywheel.SsaIR.Testing.Generation.RandomFunctionGenerator(seed & 0xff).GenerateModule().ToString();
        for (int edits = random.Next(1, 4); edits > 0; edits--)
        {
            int at = random.Next(text.Length);
            text = random.Next(3) switch
            {
                0 => text.Remove(at, Math.Min(random.Next(1, 6), text.Length - at)),
                1 => text.Insert(at, Splices[random.Next(Splices.Length)]),
                _ => text.Insert(at, ((char)random.Next(32, 127)).ToString()),
            };
        }
        try
        {
            var module = IrParser.ParseModule(text);
            // Whatever parses must also verify or be rejected by the verifier, never crash it.
            _ = Flywheel.SsaIR.Verification.Verifier.Verify(module);
            return true;
        }
        catch (IrParseException)
        {
            return true;
        }
    }
}
