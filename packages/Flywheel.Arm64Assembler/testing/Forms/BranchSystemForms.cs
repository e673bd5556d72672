namespace Flywheel.Arm64.Testing;

/// <summary>Branch and system forms. Label branches are checked through their raw-offset encoders, which the label fixups share.</summary>
internal static class BranchSystemForms
{
    private static InstructionForm F(string name, Func<Gen, (string, Action<Arm64Assembler>)> generate) => new(name, generate);

    public static IEnumerable<InstructionForm> All()
    {
        yield return F("b", g => { var o = g.Displacement(26); return ($"b {Gen.Dot(o)}", a => a.BranchOffset(false, o)); });
        yield return F("bl", g => { var o = g.Displacement(26); return ($"bl {Gen.Dot(o)}", a => a.BranchOffset(true, o)); });
        yield return F("b.cond", g =>
        {
            var o = g.Displacement(19);
            var c = g.Cond();
            return ($"b.{c.Name()} {Gen.Dot(o)}", a => a.BranchOffset(c, o));
        });
        foreach (var name in new[] { "cbz", "cbnz" })
        {
            yield return F(name, g =>
            {
                var o = g.Displacement(19);
                var rt = g.Reg(g.Bool());
                return ($"{name} {rt}, {Gen.Dot(o)}", a => a.CompareBranchOffset(name == "cbnz", rt, o));
            });
        }
        foreach (var name in new[] { "tbz", "tbnz" })
        {
            yield return F(name, g =>
            {
                var o = g.Displacement(14);
                var is64 = g.Bool();
                var rt = g.Reg(is64);
                var bit = g.Int(0, is64 ? 63 : 31);
                return ($"{name} {rt}, #{bit}, {Gen.Dot(o)}", a => a.TestBranchOffset(name == "tbnz", rt, bit, o));
            });
        }
        yield return F("adr", g =>
        {
            var o = g.Random.NextInt64(-(1L << 20), 1L << 20);
            var rd = g.Reg(true);
            return ($"adr {rd}, {Gen.Dot(o)}", a => a.AdrOffset(rd, o));
        });
        yield return F("br", g => { var r = g.Reg(true); return ($"br {r}", a => a.Br(r)); });
        yield return F("blr", g => { var r = g.Reg(true); return ($"blr {r}", a => a.Blr(r)); });
        yield return F("ret", g => { var r = g.Reg(true); return ($"ret {r}", a => a.Ret(r)); });

        yield return F("nop", _ => ("nop", a => a.Nop()));
        yield return F("hint", g => { var i = g.Int(0, 127); return ($"hint #{i}", a => a.Hint(i)); });
        yield return F("dmb", g => { var o = g.Pick(Enum.GetValues<BarrierOption>()); return ($"dmb {o.ToString().ToLowerInvariant()}", a => a.Dmb(o)); });
        yield return F("dsb", g => { var o = g.Pick(Enum.GetValues<BarrierOption>()); return ($"dsb {o.ToString().ToLowerInvariant()}", a => a.Dsb(o)); });
        yield return F("isb", _ => ("isb", a => a.Isb()));
        yield return F("brk", g => { var i = g.Int(0, 0xFFFF); return ($"brk #{i}", a => a.Brk(i)); });
        yield return F("udf", g => { var i = g.Int(0, 0xFFFF); return ($"udf #{i}", a => a.Udf(i)); });
        yield return F("mrs", g =>
        {
            var r = g.Reg(true);
            var s = g.Pick(Enum.GetValues<SystemRegister>());
            return ($"mrs {r}, {SystemName(s)}", a => a.Mrs(r, s));
        });
        yield return F("msr", g =>
        {
            var r = g.Reg(true);
            var s = g.Pick(SystemRegister.Nzcv, SystemRegister.Fpcr, SystemRegister.Fpsr, SystemRegister.TpidrEl0);
            return ($"msr {SystemName(s)}, {r}", a => a.Msr(s, r));
        });
        yield return F("dc cvau", g => { var r = g.Reg(true); return ($"dc cvau, {r}", a => a.CacheMaintenance(CacheOperation.DcCvau, r)); });
        yield return F("ic ivau", g => { var r = g.Reg(true); return ($"ic ivau, {r}", a => a.CacheMaintenance(CacheOperation.IcIvau, r)); });
    }

    private static string SystemName(SystemRegister register) => register switch
    {
        SystemRegister.CtrEl0 => "ctr_el0",
        SystemRegister.TpidrEl0 => "tpidr_el0",
        SystemRegister.CntvctEl0 => "cntvct_el0",
        _ => register.ToString().ToLowerInvariant(),
    };
}
