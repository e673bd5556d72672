namespace Flywheel.Arm64.Testing;

/// <summary>Integer data-processing forms.</summary>
internal static class IntegerForms
{
    private static InstructionForm F(string name, Func<Gen, (string, Action<Arm64Assembler>)> generate) => new(name, generate);

    private static readonly string[] s_shifts = ["lsl", "lsr", "asr", "ror"];

    private static string ShiftText(Shift shift, int amount) => shift == Shift.Lsl && amount == 0 ? "" : $", {s_shifts[(int)shift]} #{amount}";

    private static long AddImm(Gen g) => g.Bool() ? g.Int(0, 4095) : (long)g.Int(1, 4095) << 12;

    private static string ImmText(long imm) => imm > 4095 ? $"#{imm >> 12}, lsl #12" : $"#{imm}";

    public static IEnumerable<InstructionForm> All()
    {
        // add/sub immediate
        foreach (var (name, sub, flags) in new[] { ("add", false, false), ("sub", true, false), ("adds", false, true), ("subs", true, true) })
        {
            yield return F($"{name} imm", g =>
            {
                var is64 = g.Bool();
                var rn = g.RegSp(is64);
                var imm = AddImm(g);
                if (flags)
                {
                    var rd = g.Reg(is64);
                    return ($"{name} {rd}, {rn}, {ImmText(imm)}", a => { if (sub) a.Subs(rd, rn, imm); else a.Adds(rd, rn, imm); });
                }
                var rdSp = g.RegSp(is64);
                return ($"{name} {rdSp}, {rn}, {ImmText(imm)}", a => { if (sub) a.Sub(rdSp, rn, imm); else a.Add(rdSp, rn, imm); });
            });
        }
        yield return F("cmp imm", g => { var rn = g.RegSp(g.Bool()); var imm = AddImm(g); return ($"cmp {rn}, {ImmText(imm)}", a => a.Cmp(rn, imm)); });
        yield return F("cmn imm", g => { var rn = g.RegSp(g.Bool()); var imm = AddImm(g); return ($"cmn {rn}, {ImmText(imm)}", a => a.Cmn(rn, imm)); });
        yield return F("mov sp", g =>
        {
            var is64 = g.Bool();
            var toSp = g.Bool();
            RegisterOrSp sp = is64 ? Registers.SP : Registers.WSP, other = g.Reg(is64, zero: false);
            var (rd, rn) = toSp ? (sp, other) : (other, sp);
            return ($"mov {rd}, {rn}", a => a.Mov(rd, rn));
        });

        // add/sub shifted register
        foreach (var name in new[] { "add", "sub", "adds", "subs", "cmp", "cmn", "neg", "negs" })
        {
            yield return F($"{name} shifted", g =>
            {
                var is64 = g.Bool();
                Register rd = g.Reg(is64), rn = g.Reg(is64), rm = g.Reg(is64);
                var shift = g.Pick(Shift.Lsl, Shift.Lsr, Shift.Asr);
                var amount = g.Bool() ? 0 : g.Int(0, is64 ? 63 : 31);
                var s = ShiftText(shift, amount);
                return name switch
                {
                    "add" => ($"add {rd}, {rn}, {rm}{s}", a => a.Add(rd, rn, rm, shift, amount)),
                    "sub" => ($"sub {rd}, {rn}, {rm}{s}", a => a.Sub(rd, rn, rm, shift, amount)),
                    "adds" => ($"adds {rd}, {rn}, {rm}{s}", a => a.Adds(rd, rn, rm, shift, amount)),
                    "subs" => ($"subs {rd}, {rn}, {rm}{s}", a => a.Subs(rd, rn, rm, shift, amount)),
                    "cmp" => ($"cmp {rn}, {rm}{s}", a => a.Cmp(rn, rm, shift, amount)),
                    "cmn" => ($"cmn {rn}, {rm}{s}", a => a.Cmn(rn, rm, shift, amount)),
                    "neg" => ($"neg {rd}, {rm}{s}", a => a.Neg(rd, rm, shift, amount)),
                    _ => ($"negs {rd}, {rm}{s}", a => a.Negs(rd, rm, shift, amount)),
                };
            });
        }

        // add/sub extended register
        foreach (var name in new[] { "add", "sub", "adds", "subs" })
        {
            yield return F($"{name} extended", g =>
            {
                var is64 = g.Bool();
                var extend = (Extend)g.Int(0, 7);
                var rmIs64 = is64 && extend is Extend.Uxtx or Extend.Sxtx;
                var rm = g.Reg(rmIs64);
                var amount = g.Int(0, 4);
                var rn = g.RegSp(is64);
                var ext = $", {extend.ToString().ToLowerInvariant()} #{amount}";
                var flags = name.EndsWith('s');
                var sub = name.StartsWith("sub");
                if (flags)
                {
                    var rd = g.Reg(is64);
                    return ($"{name} {rd}, {rn}, {rm}{ext}", a => { if (sub) a.Subs(rd, rn, rm, extend, amount); else a.Adds(rd, rn, rm, extend, amount); });
                }
                var rdSp = g.RegSp(is64);
                return ($"{name} {rdSp}, {rn}, {rm}{ext}", a => { if (sub) a.Sub(rdSp, rn, rm, extend, amount); else a.Add(rdSp, rn, rm, extend, amount); });
            });
        }

        foreach (var name in new[] { "adc", "adcs", "sbc", "sbcs" })
        {
            yield return F(name, g =>
            {
                var is64 = g.Bool();
                Register rd = g.Reg(is64), rn = g.Reg(is64), rm = g.Reg(is64);
                return ($"{name} {rd}, {rn}, {rm}", a =>
                {
                    switch (name) { case "adc": a.Adc(rd, rn, rm); break; case "adcs": a.Adcs(rd, rn, rm); break; case "sbc": a.Sbc(rd, rn, rm); break; default: a.Sbcs(rd, rn, rm); break; }
                });
            });
        }

        foreach (var name in new[] { "ccmp", "ccmn" })
        {
            yield return F($"{name} imm", g =>
            {
                var rn = g.Reg(g.Bool());
                int imm = g.Int(0, 31), nzcv = g.Int(0, 15);
                var cond = g.Cond();
                return ($"{name} {rn}, #{imm}, #{nzcv}, {cond.Name()}", a => { if (name == "ccmp") a.Ccmp(rn, imm, nzcv, cond); else a.Ccmn(rn, imm, nzcv, cond); });
            });
            yield return F($"{name} reg", g =>
            {
                var is64 = g.Bool();
                Register rn = g.Reg(is64), rm = g.Reg(is64);
                var nzcv = g.Int(0, 15);
                var cond = g.Cond();
                return ($"{name} {rn}, {rm}, #{nzcv}, {cond.Name()}", a => { if (name == "ccmp") a.Ccmp(rn, rm, nzcv, cond); else a.Ccmn(rn, rm, nzcv, cond); });
            });
        }

        // logical shifted register
        foreach (var name in new[] { "and", "bic", "orr", "orn", "eor", "eon", "ands", "bics", "tst", "mvn" })
        {
            yield return F($"{name} shifted", g =>
            {
                var is64 = g.Bool();
                Register rd = g.Reg(is64), rn = g.Reg(is64), rm = g.Reg(is64);
                var shift = (Shift)g.Int(0, 3);
                var amount = g.Bool() ? 0 : g.Int(0, is64 ? 63 : 31);
                var s = ShiftText(shift, amount);
                Action<Arm64Assembler> emit = name switch
                {
                    "and" => a => a.And(rd, rn, rm, shift, amount),
                    "bic" => a => a.Bic(rd, rn, rm, shift, amount),
                    "orr" => a => a.Orr(rd, rn, rm, shift, amount),
                    "orn" => a => a.Orn(rd, rn, rm, shift, amount),
                    "eor" => a => a.Eor(rd, rn, rm, shift, amount),
                    "eon" => a => a.Eon(rd, rn, rm, shift, amount),
                    "ands" => a => a.Ands(rd, rn, rm, shift, amount),
                    "bics" => a => a.Bics(rd, rn, rm, shift, amount),
                    "tst" => a => a.Tst(rn, rm, shift, amount),
                    _ => a => a.Mvn(rd, rm, shift, amount),
                };
                var text = name switch { "tst" => $"tst {rn}, {rm}{s}", "mvn" => $"mvn {rd}, {rm}{s}", _ => $"{name} {rd}, {rn}, {rm}{s}" };
                return (text, emit);
            });
        }
        yield return F("mov reg", g => { var is64 = g.Bool(); Register rd = g.Reg(is64), rm = g.Reg(is64); return ($"mov {rd}, {rm}", a => a.Mov(rd, rm)); });

        // logical immediate
        foreach (var name in new[] { "and", "orr", "eor", "ands", "tst" })
        {
            yield return F($"{name} imm", g =>
            {
                var is64 = g.Bool();
                var imm = g.Bitmask(is64 ? 64 : 32);
                var rn = g.Reg(is64);
                var hex = $"#0x{imm:x}";
                switch (name)
                {
                    case "ands": { var rd = g.Reg(is64); return ($"ands {rd}, {rn}, {hex}", a => a.Ands(rd, rn, imm)); }
                    case "tst": return ($"tst {rn}, {hex}", a => a.Tst(rn, imm));
                    default:
                        var rdSp = g.RegSp(is64);
                        return ($"{name} {rdSp}, {rn}, {hex}", a => { if (name == "and") a.And(rdSp, rn, imm); else if (name == "orr") a.Orr(rdSp, rn, imm); else a.Eor(rdSp, rn, imm); });
                }
            });
        }

        // move wide
        foreach (var name in new[] { "movz", "movn", "movk" })
        {
            yield return F(name, g =>
            {
                var is64 = g.Bool();
                var rd = g.Reg(is64);
                var imm = g.Pick(0, 0xFFFF, g.Int(0, 0xFFFF));
                var shift = 16 * g.Int(0, is64 ? 3 : 1);
                return ($"{name} {rd}, #{imm}, lsl #{shift}", a => { if (name == "movz") a.Movz(rd, imm, shift); else if (name == "movn") a.Movn(rd, imm, shift); else a.Movk(rd, imm, shift); });
            });
        }

        foreach (var form in BitfieldForms.All()) yield return form;
        foreach (var form in MultiplySelectForms.All()) yield return form;
    }
}
