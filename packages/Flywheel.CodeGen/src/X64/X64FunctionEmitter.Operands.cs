using Flywheel.CodeGen.RegAlloc;
using Flywheel.SsaIR;
using Iced.Intel;
using Instruction = Iced.Intel.Instruction;
using IrInst = Flywheel.SsaIR.Instruction;
using static Flywheel.CodeGen.X64.X64Registers;

namespace Flywheel.CodeGen.X64;

/// <summary>An instruction operand after allocation: a register, a memory slot or an immediate.</summary>
internal readonly record struct Operand(OperandKind Kind, Register Register, MemoryOperand Memory, long Immediate)
{
    public bool IsImm32 => Kind == OperandKind.Immediate && Immediate is >= int.MinValue and <= int.MaxValue;
}

/// <summary>Kinds of <see cref="Operand"/>.</summary>
internal enum OperandKind : byte { Register, Memory, Immediate }

internal sealed partial class X64FunctionEmitter
{
    /// <summary>Where an operand is: its register, its spill slot, or its constant bits.</summary>
    Operand Read(ValueId value)
    {
        // A load the selector folded into its (only) user: its address, with rax and r10 as the
        // scratch registers for a spilled base or index (no allocatable register, and no
        // arithmetic user needs them for anything else while it reads this operand).
        if (plan.IsCovered(value) && function.DefiningInst(value) is { Opcode: Opcode.Load } load)
        {
            return new Operand(OperandKind.Memory, Register.None, Address(load.Args[0], load.Offset, Register.R10, Register.RAX), 0);
        }
        var location = LocationOf(value);
        return location.Kind switch
        {
            LocationKind.Gpr => new Operand(OperandKind.Register, R64(location.Index), default, 0),
            LocationKind.Float => new Operand(OperandKind.Register, Xmm(location.Index), default, 0),
            LocationKind.Constant => new Operand(OperandKind.Immediate, Register.None, default, location.Payload),
            LocationKind.Spill => new Operand(OperandKind.Memory, Register.None, SpillMemory(location.Index), 0),
            _ => throw new InvalidOperationException($"{value} has no location in %{function.Name}"),
        };
    }

    /// <summary>A 64-bit register holding <paramref name="value"/>: its own, or <paramref name="scratch"/> loaded with it.</summary>
    Register Gpr(ValueId value, Register scratch)
    {
        var operand = Read(value);
        switch (operand.Kind)
        {
            case OperandKind.Register: return operand.Register;
            case OperandKind.Immediate: LoadImmediate(scratch, operand.Immediate); return scratch;
            default: Add(Instruction.Create(Code.Mov_r64_rm64, scratch, operand.Memory)); return scratch;
        }
    }

    /// <summary>An XMM register holding <paramref name="value"/>: its own, or <paramref name="scratch"/> (constants pass through r10).</summary>
    Register Fpr(ValueId value, Register scratch)
    {
        var operand = Read(value);
        switch (operand.Kind)
        {
            case OperandKind.Register: return operand.Register;
            case OperandKind.Immediate: LoadFloatBits(scratch, operand.Immediate); return scratch;
            default: Add(Instruction.Create(Code.Movsd_xmm_xmmm64, scratch, operand.Memory)); return scratch;
        }
    }

    /// <summary>Loads raw bits into an XMM register: zero by <c>xorps</c>, anything else from the constant pool.</summary>
    void LoadFloatBits(Register xmm, long bits)
    {
        if (bits == 0) { Add(Instruction.Create(Code.Xorps_xmm_xmmm128, xmm, xmm)); return; }
        masm.EmitRipRelative(Instruction.Create(Code.Movsd_xmm_xmmm64, xmm, new MemoryOperand(Register.RIP)), masm.Buffer.AddConstant64(unchecked((ulong)bits)));
    }

    /// <summary>Loads a constant with <c>mov</c> only, so flags survive (no <c>xor</c> zeroing idiom).</summary>
    void LoadImmediate(Register destination64, long value)
    {
        if (value is >= 0 and <= uint.MaxValue) Add(Instruction.Create(Code.Mov_r32_imm32, R32(Number(destination64)), (uint)value));
        else if (value is >= int.MinValue and < 0) Add(Instruction.Create(Code.Mov_rm64_imm32, destination64, (int)value));
        else Add(Instruction.Create(Code.Mov_r64_imm64, destination64, value));
    }

    /// <summary>The register a result should be computed in: its own, or <paramref name="scratch"/> when it lives in a spill slot.</summary>
    Register Destination(ValueId result, Register scratch)
    {
        var location = LocationOf(result);
        return location.Kind switch
        {
            LocationKind.Gpr => R64(location.Index),
            LocationKind.Float => Xmm(location.Index),
            _ => scratch,
        };
    }

    /// <summary>Makes the result's location hold <paramref name="computed"/> (stores it to its spill slot, or moves it to its register).</summary>
    void Commit(ValueId result, Register computed)
    {
        var location = LocationOf(result);
        bool isXmm = computed.IsXMM();
        switch (location.Kind)
        {
            case LocationKind.Gpr when computed != R64(location.Index):
                Add(isXmm ? Instruction.Create(Code.Movq_rm64_xmm, R64(location.Index), computed) : Instruction.Create(Code.Mov_r64_rm64, R64(location.Index), computed));
                break;
            case LocationKind.Float when computed != Xmm(location.Index):
                Add(isXmm ? Instruction.Create(Code.Movaps_xmm_xmmm128, Xmm(location.Index), computed) : Instruction.Create(Code.Movq_xmm_rm64, Xmm(location.Index), computed));
                break;
            case LocationKind.Spill:
                Add(isXmm ? Instruction.Create(Code.Movsd_xmmm64_xmm, SpillMemory(location.Index), computed) : Instruction.Create(Code.Mov_rm64_r64, SpillMemory(location.Index), computed));
                break;
        }
    }

    /// <summary>Sign-extends the low <paramref name="bits"/> of a register in place, restoring canonical form after narrow arithmetic.</summary>
    void Canonicalize(Register register64, int bits)
    {
        int n = Number(register64);
        switch (bits)
        {
            case 8: Add(Instruction.Create(Code.Movsx_r64_rm8, register64, R8(n))); break;
            case 16: Add(Instruction.Create(Code.Movsx_r64_rm16, register64, R16(n))); break;
            case 32: Add(Instruction.Create(Code.Movsxd_r64_rm32, register64, R32(n))); break;
        }
    }

    /// <summary>Zero-extends the low <paramref name="bits"/> of <paramref name="source64"/> into <paramref name="destination64"/>: the unsigned view of a canonical value.</summary>
    void ZeroExtend(Register destination64, Register source64, int bits)
    {
        int d = Number(destination64), s = Number(source64);
        switch (bits)
        {
            case 8: Add(Instruction.Create(Code.Movzx_r32_rm8, R32(d), R8(s))); break;
            case 16: Add(Instruction.Create(Code.Movzx_r32_rm16, R32(d), R16(s))); break;
            case 32: Add(Instruction.Create(Code.Mov_r32_rm32, R32(d), R32(s))); break;
            default: if (d != s) Add(Instruction.Create(Code.Mov_r64_rm64, destination64, source64)); break;
        }
    }

    /// <summary>Copies a value between any two locations (64 bits; memory-to-memory through r10).</summary>
    void EmitMove(Location source, Location destination)
    {
        if (source == destination) return;
        switch (destination.Kind)
        {
            case LocationKind.Gpr:
            {
                var d = R64(destination.Index);
                switch (source.Kind)
                {
                    case LocationKind.Gpr: Add(Instruction.Create(Code.Mov_r64_rm64, d, R64(source.Index))); break;
                    case LocationKind.Float: Add(Instruction.Create(Code.Movq_rm64_xmm, d, Xmm(source.Index))); break;
                    case LocationKind.Constant: LoadImmediate(d, source.Payload); break;
                    default: Add(Instruction.Create(Code.Mov_r64_rm64, d, MemoryOf(source))); break;
                }
                break;
            }
            case LocationKind.Float:
            {
                var d = Xmm(destination.Index);
                switch (source.Kind)
                {
                    case LocationKind.Float: Add(Instruction.Create(Code.Movaps_xmm_xmmm128, d, Xmm(source.Index))); break;
                    case LocationKind.Gpr: Add(Instruction.Create(Code.Movq_xmm_rm64, d, R64(source.Index))); break;
                    case LocationKind.Constant: LoadFloatBits(d, source.Payload); break;
                    default: Add(Instruction.Create(Code.Movsd_xmm_xmmm64, d, MemoryOf(source))); break;
                }
                break;
            }
            default:
            {
                var memory = MemoryOf(destination);
                switch (source.Kind)
                {
                    case LocationKind.Gpr: Add(Instruction.Create(Code.Mov_rm64_r64, memory, R64(source.Index))); break;
                    case LocationKind.Float: Add(Instruction.Create(Code.Movsd_xmmm64_xmm, memory, Xmm(source.Index))); break;
                    case LocationKind.Constant when source.Payload is >= int.MinValue and <= int.MaxValue:
                        Add(Instruction.Create(Code.Mov_rm64_imm32, memory, (int)source.Payload));
                        break;
                    case LocationKind.Constant:
                        LoadImmediate(Register.R10, source.Payload);
                        Add(Instruction.Create(Code.Mov_rm64_r64, memory, Register.R10));
                        break;
                    default:
                        Add(Instruction.Create(Code.Mov_r64_rm64, Register.R10, MemoryOf(source)));
                        Add(Instruction.Create(Code.Mov_rm64_r64, memory, Register.R10));
                        break;
                }
                break;
            }
        }
    }

    /// <summary>Performs a parallel copy: r11 and xmm15's role-mate break cycles (see <see cref="ParallelMoves"/>).</summary>
    void EmitParallelMoves(List<Move> moves)
    {
        foreach (var move in ParallelMoves.Sequence(moves, Location.Gpr(R11), Location.Float(module.FloatScratchA)))
        {
            EmitMove(move.Source, move.Destination);
        }
    }
}
