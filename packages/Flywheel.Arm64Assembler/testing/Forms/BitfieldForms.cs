namespace Flywheel.Arm64.Testing;

/// <summary>Bitfield moves and their aliases, extract, register shifts and one-source bit operations.</summary>
internal static class BitfieldForms
{
    private static InstructionForm F(string name, Func<Gen, (string, Action<Arm64Assembler>)> generate) => new(name, generate);

    public static IEnumerable<InstructionForm> All()
    {
        foreach (var name in new[] { "sbfm", "bfm", "ubfm" })
        {
            yield return F(name, g =>
            {
                var is64 = g.Bool();
                var width = is64 ? 64 : 32;
                Register rd = g.Reg(is64), rn = g.Reg(is64);
                int immr = g.Int(0, width - 1), imms = g.Int(0, width - 1);
                return ($"{name} {rd}, {rn}, #{immr}, #{imms}", a => { if (name == "sbfm") a.Sbfm(rd, rn, immr, imms); else if (name == "bfm") a.Bfm(rd, rn, immr, imms); else a.Ubfm(rd, rn, immr, imms); });
            });
        }
        foreach (var name in new[] { "lsl", "lsr", "asr", "ror" })
        {
            yield return F($"{name} imm", g =>
            {
                var is64 = g.Bool();
                Register rd = g.Reg(is64), rn = g.Reg(is64);
                var shift = g.Int(0, is64 ? 63 : 31);
                Action<Arm64Assembler> emit = name switch
                {
                    "lsl" => a => a.Lsl(rd, rn, shift), "lsr" => a => a.Lsr(rd, rn, shift),
                    "asr" => a => a.Asr(rd, rn, shift), _ => a => a.Ror(rd, rn, shift),
                };
                return ($"{name} {rd}, {rn}, #{shift}", emit);
            });
        }
        foreach (var name in new[] { "ubfx", "sbfx", "ubfiz", "sbfiz", "bfi", "bfxil" })
        {
            yield return F(name, g =>
            {
                var is64 = g.Bool();
                var width = is64 ? 64 : 32;
                Register rd = g.Reg(is64), rn = g.Reg(is64, zero: name is not ("bfi" or "bfxil"));
                var lsb = g.Int(0, width - 1);
                var size = g.Int(1, width - lsb);
                Action<Arm64Assembler> emit = name switch
                {
                    "ubfx" => a => a.Ubfx(rd, rn, lsb, size), "sbfx" => a => a.Sbfx(rd, rn, lsb, size),
                    "ubfiz" => a => a.Ubfiz(rd, rn, lsb, size), "sbfiz" => a => a.Sbfiz(rd, rn, lsb, size),
                    "bfi" => a => a.Bfi(rd, rn, lsb, size), _ => a => a.Bfxil(rd, rn, lsb, size),
                };
                return ($"{name} {rd}, {rn}, #{lsb}, #{size}", emit);
            });
        }
        foreach (var name in new[] { "sxtb", "sxth", "sxtw", "uxtb", "uxth" })
        {
            yield return F(name, g =>
            {
                var is64 = name == "sxtw" || (name.StartsWith('s') && g.Bool());
                Register rd = g.Reg(is64), rn = g.Reg(false);
                Action<Arm64Assembler> emit = name switch
                {
                    "sxtb" => a => a.Sxtb(rd, rn), "sxth" => a => a.Sxth(rd, rn), "sxtw" => a => a.Sxtw(rd, rn),
                    "uxtb" => a => a.Uxtb(rd, rn), _ => a => a.Uxth(rd, rn),
                };
                return ($"{name} {rd}, {rn}", emit);
            });
        }
        yield return F("extr", g =>
        {
            var is64 = g.Bool();
            Register rd = g.Reg(is64), rn = g.Reg(is64), rm = g.Reg(is64);
            var lsb = g.Int(0, is64 ? 63 : 31);
            return ($"extr {rd}, {rn}, {rm}, #{lsb}", a => a.Extr(rd, rn, rm, lsb));
        });
        foreach (var name in new[] { "lslv", "lsrv", "asrv", "rorv" })
        {
            yield return F(name, g =>
            {
                var is64 = g.Bool();
                Register rd = g.Reg(is64), rn = g.Reg(is64), rm = g.Reg(is64);
                Action<Arm64Assembler> emit = name switch
                {
                    "lslv" => a => a.Lsl(rd, rn, rm), "lsrv" => a => a.Lsr(rd, rn, rm),
                    "asrv" => a => a.Asr(rd, rn, rm), _ => a => a.Ror(rd, rn, rm),
                };
                return ($"{name} {rd}, {rn}, {rm}", emit);
            });
        }
        foreach (var name in new[] { "rbit", "rev16", "rev32", "rev", "clz", "cls" })
        {
            yield return F(name, g =>
            {
                var is64 = name == "rev32" || g.Bool();
                Register rd = g.Reg(is64), rn = g.Reg(is64);
                Action<Arm64Assembler> emit = name switch
                {
                    "rbit" => a => a.Rbit(rd, rn), "rev16" => a => a.Rev16(rd, rn), "rev32" => a => a.Rev32(rd, rn),
                    "rev" => a => a.Rev(rd, rn), "clz" => a => a.Clz(rd, rn), _ => a => a.Cls(rd, rn),
                };
                return ($"{name} {rd}, {rn}", emit);
            });
        }
    }
}

/// <summary>Multiply, divide and conditional select forms.</summary>
internal static class MultiplySelectForms
{
    private static InstructionForm F(string name, Func<Gen, (string, Action<Arm64Assembler>)> generate) => new(name, generate);

    public static IEnumerable<InstructionForm> All()
    {
        foreach (var name in new[] { "madd", "msub" })
        {
            yield return F(name, g =>
            {
                var is64 = g.Bool();
                Register rd = g.Reg(is64), rn = g.Reg(is64), rm = g.Reg(is64), ra = g.Reg(is64);
                return ($"{name} {rd}, {rn}, {rm}, {ra}", a => { if (name == "madd") a.Madd(rd, rn, rm, ra); else a.Msub(rd, rn, rm, ra); });
            });
        }
        foreach (var name in new[] { "mul", "mneg", "sdiv", "udiv" })
        {
            yield return F(name, g =>
            {
                var is64 = g.Bool();
                Register rd = g.Reg(is64), rn = g.Reg(is64), rm = g.Reg(is64);
                Action<Arm64Assembler> emit = name switch
                {
                    "mul" => a => a.Mul(rd, rn, rm), "mneg" => a => a.Mneg(rd, rn, rm),
                    "sdiv" => a => a.Sdiv(rd, rn, rm), _ => a => a.Udiv(rd, rn, rm),
                };
                return ($"{name} {rd}, {rn}, {rm}", emit);
            });
        }
        foreach (var name in new[] { "smulh", "umulh" })
        {
            yield return F(name, g =>
            {
                Register rd = g.Reg(true), rn = g.Reg(true), rm = g.Reg(true);
                return ($"{name} {rd}, {rn}, {rm}", a => { if (name == "smulh") a.Smulh(rd, rn, rm); else a.Umulh(rd, rn, rm); });
            });
        }
        foreach (var name in new[] { "smaddl", "umaddl", "smsubl", "umsubl" })
        {
            yield return F(name, g =>
            {
                Register rd = g.Reg(true), rn = g.Reg(false), rm = g.Reg(false), ra = g.Reg(true);
                Action<Arm64Assembler> emit = name switch
                {
                    "smaddl" => a => a.Smaddl(rd, rn, rm, ra), "umaddl" => a => a.Umaddl(rd, rn, rm, ra),
                    "smsubl" => a => a.Smsubl(rd, rn, rm, ra), _ => a => a.Umsubl(rd, rn, rm, ra),
                };
                return ($"{name} {rd}, {rn}, {rm}, {ra}", emit);
            });
        }
        foreach (var name in new[] { "smull", "umull" })
        {
            yield return F(name, g =>
            {
                Register rd = g.Reg(true), rn = g.Reg(false), rm = g.Reg(false);
                return ($"{name} {rd}, {rn}, {rm}", a => { if (name == "smull") a.Smull(rd, rn, rm); else a.Umull(rd, rn, rm); });
            });
        }
        foreach (var name in new[] { "csel", "csinc", "csinv", "csneg" })
        {
            yield return F(name, g =>
            {
                var is64 = g.Bool();
                Register rd = g.Reg(is64), rn = g.Reg(is64), rm = g.Bool() ? rn : g.Reg(is64);
                var cond = g.Cond();
                Action<Arm64Assembler> emit = name switch
                {
                    "csel" => a => a.Csel(rd, rn, rm, cond), "csinc" => a => a.Csinc(rd, rn, rm, cond),
                    "csinv" => a => a.Csinv(rd, rn, rm, cond), _ => a => a.Csneg(rd, rn, rm, cond),
                };
                return ($"{name} {rd}, {rn}, {rm}, {cond.Name()}", emit);
            });
        }
        foreach (var name in new[] { "cset", "csetm" })
        {
            yield return F(name, g =>
            {
                var rd = g.Reg(g.Bool());
                var cond = g.InvertibleCond();
                return ($"{name} {rd}, {cond.Name()}", a => { if (name == "cset") a.Cset(rd, cond); else a.Csetm(rd, cond); });
            });
        }
        foreach (var name in new[] { "cinc", "cinv", "cneg" })
        {
            yield return F(name, g =>
            {
                var is64 = g.Bool();
                Register rd = g.Reg(is64), rn = g.Reg(is64);
                var cond = g.InvertibleCond();
                Action<Arm64Assembler> emit = name switch
                {
                    "cinc" => a => a.Cinc(rd, rn, cond), "cinv" => a => a.Cinv(rd, rn, cond), _ => a => a.Cneg(rd, rn, cond),
                };
                return ($"{name} {rd}, {rn}, {cond.Name()}", emit);
            });
        }
    }
}
