namespace Flywheel.SsaIR.Verification;

sealed partial class FunctionChecker
{
    IrType T(ValueId value) => function.IsDefined(value) ? function.TypeOf(value) : IrType.None;

    void Expect(Instruction inst, bool condition, string message)
    {
        if (!condition) Fail(inst, message);
    }

    void CheckTypes(Instruction inst)
    {
        if (inst.Args.Any(a => !function.IsDefined(a))) return; // already reported
        var type = inst.Type;
        var a = inst.Args;
        switch (inst.Opcode)
        {
            case Opcode.Iconst:
                Expect(inst, type.IsIntLike(), "iconst needs an integer, ptr or tagged type");
                Expect(inst, type.Canonicalize(inst.Imm) == inst.Imm, $"constant does not fit {type.Name()}");
                break;
            case Opcode.Fconst:
                Expect(inst, type.IsFloat(), "fconst needs a float type");
                Expect(inst, type.Canonicalize(inst.Imm) == inst.Imm, "bit pattern does not fit f32");
                break;
            case Opcode.Iadd or Opcode.Isub:
                Expect(inst, (type.IsInt() || type == IrType.Ptr) && T(a[0]) == type && T(a[1]) == type, "operands and result must share one integer or ptr type");
                break;
            case Opcode.Imul or Opcode.Sdiv or Opcode.Udiv or Opcode.Srem or Opcode.Urem or Opcode.Band or Opcode.Bor or Opcode.Bxor
                or Opcode.Ishl or Opcode.Ushr or Opcode.Sshr or Opcode.CheckedIadd or Opcode.CheckedIsub or Opcode.CheckedImul:
                Expect(inst, type.IsInt() && T(a[0]) == type && T(a[1]) == type, "operands and result must share one integer type");
                break;
            case Opcode.Ineg or Opcode.Bnot:
                Expect(inst, type.IsInt() && T(a[0]) == type, "operand and result must share one integer type");
                break;
            case Opcode.Fadd or Opcode.Fsub or Opcode.Fmul or Opcode.Fdiv:
                Expect(inst, type.IsFloat() && T(a[0]) == type && T(a[1]) == type, "operands and result must share one float type");
                break;
            case Opcode.Fneg or Opcode.Fabs or Opcode.Fsqrt:
                Expect(inst, type.IsFloat() && T(a[0]) == type, "operand and result must share one float type");
                break;
            case Opcode.Icmp:
                Expect(inst, T(a[0]).IsIntLike() && T(a[0]) == T(a[1]), "icmp compares two values of one integer, ptr or tagged type");
                break;
            case Opcode.Fcmp:
                Expect(inst, T(a[0]).IsFloat() && T(a[0]) == T(a[1]), "fcmp compares two values of one float type");
                break;
            case Opcode.Select:
                Expect(inst, T(a[0]).IsInt() && T(a[1]) == type && T(a[2]) == type, "select takes an integer condition and two values of the result type");
                break;
            case Opcode.Sextend or Opcode.Uextend:
                Expect(inst, type.IsInt() && T(a[0]).IsInt() && T(a[0]).Bits() < type.Bits(), "extension widens an integer");
                break;
            case Opcode.Ireduce:
                Expect(inst, type.IsInt() && T(a[0]).IsInt() && T(a[0]).Bits() > type.Bits(), "ireduce narrows an integer");
                break;
            case Opcode.Fpromote:
                Expect(inst, type == IrType.F64 && T(a[0]) == IrType.F32, "fpromote turns f32 into f64");
                break;
            case Opcode.Fdemote:
                Expect(inst, type == IrType.F32 && T(a[0]) == IrType.F64, "fdemote turns f64 into f32");
                break;
            case Opcode.FcvtToSintSat:
                Expect(inst, type.IsInt() && T(a[0]).IsFloat(), "fcvt_to_sint_sat turns a float into an integer");
                break;
            case Opcode.FcvtFromSint:
                Expect(inst, type.IsFloat() && T(a[0]).IsInt(), "fcvt_from_sint turns an integer into a float");
                break;
            case Opcode.Bitcast:
                Expect(inst, type.Bits() == T(a[0]).Bits(), "bitcast keeps the width");
                break;
            case Opcode.Load:
                Expect(inst, T(a[0]) == IrType.Ptr, "address must be ptr");
                break;
            case Opcode.Store:
                Expect(inst, T(a[1]) == IrType.Ptr, "address must be ptr");
                break;
            case Opcode.StackAddr:
                Expect(inst, inst.Slot.Index >= 0 && inst.Slot.Index < function.StackSlots.Count, $"{inst.Slot} does not exist");
                break;
            case Opcode.Alloc:
                Expect(inst, inst.Imm > 0 && inst.Imm <= int.MaxValue, "alloc size must be positive");
                break;
            case Opcode.FuncAddr:
                Expect(inst, module is null || module.TryGet(inst.Callee ?? "", out _), $"%{inst.Callee} is not in the module");
                break;
            case Opcode.Call:
                CheckDirectCall(inst);
                break;
            case Opcode.CallIndirect:
                Expect(inst, T(a[0]) == IrType.Ptr, "callee address must be ptr");
                break;
            case Opcode.Guard or Opcode.Brif or Opcode.Switch:
                Expect(inst, T(a[0]).IsInt(), "condition must be an integer");
                break;
            case Opcode.Return:
                Expect(inst, a.Length == 0 || T(a[0]) == function.ReturnType, $"return value must be {function.ReturnType.Name()}");
                break;
        }
    }

    void CheckDirectCall(Instruction inst)
    {
        if (module is null) return;
        if (!module.TryGet(inst.Callee ?? "", out var callee))
        {
            Fail(inst, $"%{inst.Callee} is not in the module");
            return;
        }
        Expect(inst, inst.Args.Select(T).SequenceEqual(callee.ParameterTypes), $"arguments do not match %{callee.Name}'s parameters");
        Expect(inst, inst.Type == callee.ReturnType, $"result type does not match %{callee.Name}'s return type");
    }
}
