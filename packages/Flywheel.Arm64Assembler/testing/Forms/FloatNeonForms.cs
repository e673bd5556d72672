using System.Globalization;

namespace Flywheel.Arm64.Testing;

/// <summary>Scalar floating-point and NEON forms.</summary>
internal static class FloatNeonForms
{
    private static InstructionForm F(string name, Func<Gen, (string, Action<Arm64Assembler>)> generate) => new(name, generate);

    public static IEnumerable<InstructionForm> All()
    {
        var two = new (string, Action<Arm64Assembler, FpRegister, FpRegister, FpRegister>)[]
        {
            ("fadd", (a, d, n, m) => a.Fadd(d, n, m)), ("fsub", (a, d, n, m) => a.Fsub(d, n, m)), ("fmul", (a, d, n, m) => a.Fmul(d, n, m)),
            ("fdiv", (a, d, n, m) => a.Fdiv(d, n, m)), ("fmax", (a, d, n, m) => a.Fmax(d, n, m)), ("fmin", (a, d, n, m) => a.Fmin(d, n, m)),
            ("fmaxnm", (a, d, n, m) => a.Fmaxnm(d, n, m)), ("fminnm", (a, d, n, m) => a.Fminnm(d, n, m)), ("fnmul", (a, d, n, m) => a.Fnmul(d, n, m)),
        };
        foreach (var (name, emit) in two)
        {
            yield return F(name, g =>
            {
                var size = g.SOrD();
                FpRegister d = g.Fp(size), n = g.Fp(size), m = g.Fp(size);
                return ($"{name} {d}, {n}, {m}", a => emit(a, d, n, m));
            });
        }
        var one = new (string, Action<Arm64Assembler, FpRegister, FpRegister>)[]
        {
            ("fmov", (a, d, n) => a.Fmov(d, n)), ("fabs", (a, d, n) => a.Fabs(d, n)), ("fneg", (a, d, n) => a.Fneg(d, n)),
            ("fsqrt", (a, d, n) => a.Fsqrt(d, n)), ("frintn", (a, d, n) => a.Frintn(d, n)), ("frintp", (a, d, n) => a.Frintp(d, n)),
            ("frintm", (a, d, n) => a.Frintm(d, n)), ("frintz", (a, d, n) => a.Frintz(d, n)), ("frinta", (a, d, n) => a.Frinta(d, n)),
        };
        foreach (var (name, emit) in one)
        {
            yield return F(name, g =>
            {
                var size = g.SOrD();
                FpRegister d = g.Fp(size), n = g.Fp(size);
                return ($"{name} {d}, {n}", a => emit(a, d, n));
            });
        }
        yield return F("fcvt", g =>
        {
            var toDouble = g.Bool();
            FpRegister d = g.Fp(toDouble ? FpSize.D : FpSize.S), n = g.Fp(toDouble ? FpSize.S : FpSize.D);
            return ($"fcvt {d}, {n}", a => a.Fcvt(d, n));
        });
        var three = new (string, Action<Arm64Assembler, FpRegister, FpRegister, FpRegister, FpRegister>)[]
        {
            ("fmadd", (a, d, n, m, r) => a.Fmadd(d, n, m, r)), ("fmsub", (a, d, n, m, r) => a.Fmsub(d, n, m, r)),
            ("fnmadd", (a, d, n, m, r) => a.Fnmadd(d, n, m, r)), ("fnmsub", (a, d, n, m, r) => a.Fnmsub(d, n, m, r)),
        };
        foreach (var (name, emit) in three)
        {
            yield return F(name, g =>
            {
                var size = g.SOrD();
                FpRegister d = g.Fp(size), n = g.Fp(size), m = g.Fp(size), r = g.Fp(size);
                return ($"{name} {d}, {n}, {m}, {r}", a => emit(a, d, n, m, r));
            });
        }
        yield return F("fcmp", g => { var s = g.SOrD(); FpRegister n = g.Fp(s), m = g.Fp(s); return ($"fcmp {n}, {m}", a => a.Fcmp(n, m)); });
        yield return F("fcmpe", g => { var s = g.SOrD(); FpRegister n = g.Fp(s), m = g.Fp(s); return ($"fcmpe {n}, {m}", a => a.Fcmpe(n, m)); });
        yield return F("fcmp zero", g => { var n = g.Fp(g.SOrD()); return ($"fcmp {n}, #0.0", a => a.FcmpZero(n)); });
        yield return F("fcsel", g =>
        {
            var s = g.SOrD();
            FpRegister d = g.Fp(s), n = g.Fp(s), m = g.Fp(s);
            var c = g.Cond();
            return ($"fcsel {d}, {n}, {m}, {c.Name()}", a => a.Fcsel(d, n, m, c));
        });
        yield return F("fmov imm", g =>
        {
            var d = g.Fp(g.SOrD());
            var value = FpImmediate.Decode((byte)g.Int(0, 255));
            return ($"fmov {d}, #{value.ToString("R", CultureInfo.InvariantCulture)}", a => a.Fmov(d, value));
        });
        yield return F("fmov to fp", g =>
        {
            var is64 = g.Bool();
            var d = g.Fp(is64 ? FpSize.D : FpSize.S);
            var n = g.Reg(is64);
            return ($"fmov {d}, {n}", a => a.Fmov(d, n));
        });
        yield return F("fmov to general", g =>
        {
            var is64 = g.Bool();
            var d = g.Reg(is64);
            var n = g.Fp(is64 ? FpSize.D : FpSize.S);
            return ($"fmov {d}, {n}", a => a.Fmov(d, n));
        });
        yield return F("scvtf", g => { var d = g.Fp(g.SOrD()); var n = g.Reg(g.Bool()); return ($"scvtf {d}, {n}", a => a.Scvtf(d, n)); });
        yield return F("ucvtf", g => { var d = g.Fp(g.SOrD()); var n = g.Reg(g.Bool()); return ($"ucvtf {d}, {n}", a => a.Ucvtf(d, n)); });
        var toInt = new (string, Action<Arm64Assembler, Register, FpRegister>)[]
        {
            ("fcvtzs", (a, d, n) => a.Fcvtzs(d, n)), ("fcvtzu", (a, d, n) => a.Fcvtzu(d, n)), ("fcvtms", (a, d, n) => a.Fcvtms(d, n)),
            ("fcvtps", (a, d, n) => a.Fcvtps(d, n)), ("fcvtns", (a, d, n) => a.Fcvtns(d, n)),
        };
        foreach (var (name, emit) in toInt)
        {
            yield return F(name, g => { var d = g.Reg(g.Bool()); var n = g.Fp(g.SOrD()); return ($"{name} {d}, {n}", a => emit(a, d, n)); });
        }
        yield return F("fjcvtzs", g => { var d = g.Reg(false); var n = g.Fp(FpSize.D); return ($"fjcvtzs {d}, {n}", a => a.Fjcvtzs(d, n)); });

        foreach (var form in NeonForms()) yield return form;
    }

    private static string Arr(Arrangement arrangement) => arrangement == Arrangement.S4 ? "4s" : "2d";

    private static IEnumerable<InstructionForm> NeonForms()
    {
        var three = new (string, bool FloatOnly, Action<Arm64Assembler, VRegister, VRegister, VRegister>)[]
        {
            ("add", false, (a, d, n, m) => a.Add(d, n, m)), ("sub", false, (a, d, n, m) => a.Sub(d, n, m)),
            ("fadd", true, (a, d, n, m) => a.Fadd(d, n, m)), ("fsub", true, (a, d, n, m) => a.Fsub(d, n, m)),
            ("fmul", true, (a, d, n, m) => a.Fmul(d, n, m)), ("fdiv", true, (a, d, n, m) => a.Fdiv(d, n, m)),
            ("fmla", true, (a, d, n, m) => a.Fmla(d, n, m)), ("fmls", true, (a, d, n, m) => a.Fmls(d, n, m)),
        };
        foreach (var (name, _, emit) in three)
        {
            yield return F($"{name} vector", g =>
            {
                var arrangement = g.Arr();
                VRegister d = g.V(arrangement), n = g.V(arrangement), m = g.V(arrangement);
                return ($"{name} {d}, {n}, {m}", a => emit(a, d, n, m));
            });
        }
        yield return F("mul vector", g =>
        {
            VRegister d = g.V(Arrangement.S4), n = g.V(Arrangement.S4), m = g.V(Arrangement.S4);
            return ($"mul {d}, {n}, {m}", a => a.Mul(d, n, m));
        });
        yield return F("mov vector", g =>
        {
            VRegister d = g.V(Arrangement.S4), n = g.V(Arrangement.S4);
            return ($"mov v{d.Code}.16b, v{n.Code}.16b", a => a.Mov(d, n));
        });
        yield return F("dup general", g =>
        {
            var arrangement = g.Arr();
            var d = g.V(arrangement);
            var n = g.Reg(arrangement == Arrangement.D2);
            return ($"dup {d}, {n}", a => a.Dup(d, n));
        });
        yield return F("dup element", g =>
        {
            var arrangement = g.Arr();
            VRegister d = g.V(arrangement), n = g.V(arrangement);
            var index = g.Int(0, arrangement == Arrangement.S4 ? 3 : 1);
            return ($"dup {d}, v{n.Code}.{(arrangement == Arrangement.S4 ? 's' : 'd')}[{index}]", a => a.Dup(d, n, index));
        });
        foreach (var (name, post) in new[] { ("ld1", false), ("st1", false), ("ld1", true), ("st1", true) })
        {
            yield return F($"{name}{(post ? " post" : "")}", g =>
            {
                var arrangement = g.Arr();
                var first = g.V(arrangement);
                var count = g.Int(1, 4);
                var rn = g.RegSp(true);
                var list = string.Join(", ", Enumerable.Range(0, count).Select(i => $"v{(first.Code + i) % 32}.{Arr(arrangement)}"));
                var text = $"{name} {{{list}}}, [{rn}]{(post ? $", #{16 * count}" : "")}";
                return (text, a =>
                {
                    if (name == "ld1") { if (post) a.Ld1PostIndex(first, count, rn); else a.Ld1(first, count, rn); }
                    else { if (post) a.St1PostIndex(first, count, rn); else a.St1(first, count, rn); }
                });
            });
        }
    }
}
