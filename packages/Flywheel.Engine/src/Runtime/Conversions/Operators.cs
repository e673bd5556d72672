namespace Flywheel.Engine.Runtime;

/// <summary>Numeric operator semantics where IEEE and .NET differ from ECMAScript.</summary>
internal static class Operators
{
    /// <summary>Number::remainder: the sign follows the dividend; matches C# % (fmod) including -0.</summary>
    public static double Mod(double a, double b) => a % b;

    /// <summary>Number::exponentiate: differs from Math.Pow for NaN exponents and |base| = 1 with infinite exponents.</summary>
    public static double Pow(double a, double b)
    {
        if (double.IsNaN(b)) return double.NaN;
        if (b == 0) return 1;
        if ((a == 1 || a == -1) && double.IsInfinity(b)) return double.NaN;
        return Math.Pow(a, b);
    }
}
