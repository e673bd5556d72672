namespace Flywheel.Arm64.Testing;

/// <summary>Load and store forms: every mnemonic in every addressing mode, pairs, literals, exclusives.</summary>
internal static class LoadStoreForms
{
    private static InstructionForm F(string name, Func<Gen, (string, Action<Arm64Assembler>)> generate) => new(name, generate);

    private enum Mode { Scaled, Unscaled, Pre, Post, Register }

    /// <summary>A single-register access: mnemonic, access size, how to pick the register, how to emit.</summary>
    private sealed record Access(string Name, int Bytes, Func<Gen, (string Text, int Code, bool General)> Rt, Action<Arm64Assembler, int, Mem> Emit);

    private static IEnumerable<Access> Accesses()
    {
        Access General(string name, int bytes, bool is64, Action<Arm64Assembler, Register, Mem> emit) =>
            new(name, bytes, g => { var r = g.Reg(is64); return (r.ToString(), r.Code, true); }, (a, code, m) => emit(a, is64 ? Register.FromX(code) : Register.FromW(code), m));
        Access Fp(string name, FpSize size, bool load) =>
            new(name, size switch { FpSize.S => 4, FpSize.D => 8, _ => 16 }, g => { var r = g.Fp(size); return (r.ToString(), r.Code, false); },
                (a, code, m) => { if (load) a.Ldr(FpRegister.From(code, size), m); else a.Str(FpRegister.From(code, size), m); });

        yield return General("ldr", 8, true, (a, r, m) => a.Ldr(r, m));
        yield return General("ldr", 4, false, (a, r, m) => a.Ldr(r, m));
        yield return General("str", 8, true, (a, r, m) => a.Str(r, m));
        yield return General("str", 4, false, (a, r, m) => a.Str(r, m));
        yield return General("ldrb", 1, false, (a, r, m) => a.Ldrb(r, m));
        yield return General("strb", 1, false, (a, r, m) => a.Strb(r, m));
        yield return General("ldrh", 2, false, (a, r, m) => a.Ldrh(r, m));
        yield return General("strh", 2, false, (a, r, m) => a.Strh(r, m));
        yield return General("ldrsb", 1, true, (a, r, m) => a.Ldrsb(r, m));
        yield return General("ldrsb", 1, false, (a, r, m) => a.Ldrsb(r, m));
        yield return General("ldrsh", 2, true, (a, r, m) => a.Ldrsh(r, m));
        yield return General("ldrsh", 2, false, (a, r, m) => a.Ldrsh(r, m));
        yield return General("ldrsw", 4, true, (a, r, m) => a.Ldrsw(r, m));
        foreach (var size in new[] { FpSize.S, FpSize.D, FpSize.Q })
        {
            yield return Fp("ldr", size, true);
            yield return Fp("str", size, false);
        }
    }

    private static (string Text, Mem Mem) Address(Gen g, Mode mode, int bytes, int rt, bool general)
    {
        var @base = g.RegSp(true);
        // Writeback into the transferred register is unpredictable, so the generator avoids it.
        while (general && mode is Mode.Pre or Mode.Post && @base.Code == rt && !@base.IsSp) @base = g.RegSp(true);
        switch (mode)
        {
            case Mode.Scaled:
                var scaled = (long)g.Int(0, 4095) * bytes;
                return ($"[{@base}, #{scaled}]", Mem.At(@base, scaled));
            case Mode.Unscaled:
                long unscaled;
                do unscaled = g.Int(-256, 255); while (unscaled >= 0 && unscaled % bytes == 0);
                return ($"[{@base}, #{unscaled}]", Mem.At(@base, unscaled));
            case Mode.Pre:
                var pre = g.Int(-256, 255);
                return ($"[{@base}, #{pre}]!", Mem.PreIndex(@base, pre));
            case Mode.Post:
                var post = g.Int(-256, 255);
                return ($"[{@base}], #{post}", Mem.PostIndex(@base, post));
            default:
                var extend = g.Pick(IndexExtend.Uxtw, IndexExtend.Lsl, IndexExtend.Sxtw, IndexExtend.Sxtx);
                var index = g.Reg(extend is IndexExtend.Lsl or IndexExtend.Sxtx);
                var scale = g.Bool();
                var amount = System.Numerics.BitOperations.Log2((uint)bytes);
                var name = extend.ToString().ToLowerInvariant();
                var suffix = scale ? $", {name} #{amount}" : extend == IndexExtend.Lsl ? "" : $", {name}";
                return ($"[{@base}, {index}{suffix}]", Mem.Indexed(@base, index, extend, scale));
        }
    }

    public static IEnumerable<InstructionForm> All()
    {
        foreach (var access in Accesses())
        {
            foreach (var mode in Enum.GetValues<Mode>())
            {
                var probe = access.Rt(new Gen(new Random(0))).Text[0];
                yield return F($"{access.Name} {probe}{access.Bytes * 8} [{mode.ToString().ToLowerInvariant()}]", g =>
                {
                    var (text, code, general) = access.Rt(g);
                    var (address, mem) = Address(g, mode, access.Bytes, code, general);
                    return ($"{access.Name} {text}, {address}", a => access.Emit(a, code, mem));
                });
            }
        }

        foreach (var (name, load) in new[] { ("ldur", true), ("stur", false) })
        {
            yield return F($"{name} general", g =>
            {
                var rt = g.Reg(g.Bool());
                var @base = g.RegSp(true);
                var offset = g.Int(-256, 255);
                return ($"{name} {rt}, [{@base}, #{offset}]", a => { if (load) a.Ldur(rt, @base, offset); else a.Stur(rt, @base, offset); });
            });
            yield return F($"{name} fp", g =>
            {
                var rt = g.Fp(g.Pick(FpSize.S, FpSize.D, FpSize.Q));
                var @base = g.RegSp(true);
                var offset = g.Int(-256, 255);
                return ($"{name} {rt}, [{@base}, #{offset}]", a => { if (load) a.Ldur(rt, @base, offset); else a.Stur(rt, @base, offset); });
            });
        }

        foreach (var form in PairForms()) yield return form;
        foreach (var form in LiteralAndExclusiveForms()) yield return form;
    }

    private static IEnumerable<InstructionForm> PairForms()
    {
        foreach (var kind in new[] { "ldp x", "ldp w", "stp x", "stp w", "ldpsw", "ldp fp", "stp fp" })
        {
            foreach (var mode in new[] { AddressingMode.Offset, AddressingMode.PreIndex, AddressingMode.PostIndex })
            {
                yield return F($"{kind} [{mode.ToString().ToLowerInvariant()}]", g =>
                {
                    var load = kind.StartsWith("ld");
                    var fp = kind.EndsWith("fp");
                    var size = fp ? g.Pick(FpSize.S, FpSize.D, FpSize.Q) : FpSize.D;
                    var is64 = kind.EndsWith('x') || kind == "ldpsw";
                    var bytes = fp ? size switch { FpSize.S => 4, FpSize.D => 8, _ => 16 } : kind == "ldpsw" ? 4 : is64 ? 8 : 4;
                    int rt1, rt2;
                    RegisterOrSp @base;
                    do
                    {
                        (rt1, rt2) = (g.Int(0, 31), g.Int(0, 31));
                        @base = g.RegSp(true);
                    }
                    while ((load && rt1 == rt2) || (!fp && mode != AddressingMode.Offset && !@base.IsSp && (@base.Code == rt1 || @base.Code == rt2)));
                    var offset = (long)g.Int(-64, 63) * bytes;
                    var (text, mem) = mode switch
                    {
                        AddressingMode.Offset => ($"[{@base}, #{offset}]", Mem.At(@base, offset)),
                        AddressingMode.PreIndex => ($"[{@base}, #{offset}]!", Mem.PreIndex(@base, offset)),
                        _ => ($"[{@base}], #{offset}", Mem.PostIndex(@base, offset)),
                    };
                    var mnemonic = kind.Split(' ')[0];
                    if (fp)
                    {
                        FpRegister f1 = FpRegister.From(rt1, size), f2 = FpRegister.From(rt2, size);
                        return ($"{mnemonic} {f1}, {f2}, {text}", a => { if (load) a.Ldp(f1, f2, mem); else a.Stp(f1, f2, mem); });
                    }
                    Register r1 = is64 ? Register.FromX(rt1) : Register.FromW(rt1), r2 = is64 ? Register.FromX(rt2) : Register.FromW(rt2);
                    return ($"{mnemonic} {r1}, {r2}, {text}", a => { if (kind == "ldpsw") a.Ldpsw(r1, r2, mem); else if (load) a.Ldp(r1, r2, mem); else a.Stp(r1, r2, mem); });
                });
            }
        }
    }

    private static IEnumerable<InstructionForm> LiteralAndExclusiveForms()
    {
        foreach (var (kind, opcode) in new[] { ("ldr x", 0x58000000u), ("ldr w", 0x18000000u), ("ldrsw", 0x98000000u), ("ldr s", 0x1C000000u), ("ldr d", 0x5C000000u), ("ldr q", 0x9C000000u) })
        {
            yield return F($"{kind} literal", g =>
            {
                var rt = g.Int(0, 31);
                var offset = g.Displacement(19);
                var register = kind switch
                {
                    "ldr x" or "ldrsw" => Register.FromX(rt).ToString(),
                    "ldr w" => Register.FromW(rt).ToString(),
                    _ => $"{kind[4]}{rt}",
                };
                var mnemonic = kind == "ldrsw" ? "ldrsw" : "ldr";
                return ($"{mnemonic} {register}, {Gen.Dot(offset)}", a => a.LiteralOffset(opcode, rt, offset));
            });
        }
        foreach (var name in new[] { "ldxr", "ldaxr", "ldar", "stlr", "ldarb", "ldarh", "stlrb", "stlrh" })
        {
            yield return F(name, g =>
            {
                var rt = g.Reg(!name.EndsWith('b') && !name.EndsWith('h') && g.Bool());
                var rn = g.RegSp(true);
                Action<Arm64Assembler> emit = name switch
                {
                    "ldxr" => a => a.Ldxr(rt, rn), "ldaxr" => a => a.Ldaxr(rt, rn), "ldar" => a => a.Ldar(rt, rn), "stlr" => a => a.Stlr(rt, rn),
                    "ldarb" => a => a.Ldarb(rt, rn), "ldarh" => a => a.Ldarh(rt, rn), "stlrb" => a => a.Stlrb(rt, rn), _ => a => a.Stlrh(rt, rn),
                };
                return ($"{name} {rt}, [{rn}]", emit);
            });
        }
        foreach (var name in new[] { "stxr", "stlxr" })
        {
            yield return F(name, g =>
            {
                var rt = g.Reg(g.Bool());
                var rn = g.RegSp(true);
                Register status;
                do status = g.Reg(false); while (status.Code == rt.Code || (status.Code == rn.Code && !rn.IsSp));
                return ($"{name} {status}, {rt}, [{rn}]", a => { if (name == "stxr") a.Stxr(status, rt, rn); else a.Stlxr(status, rt, rn); });
            });
        }
    }
}
