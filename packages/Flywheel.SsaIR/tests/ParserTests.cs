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
