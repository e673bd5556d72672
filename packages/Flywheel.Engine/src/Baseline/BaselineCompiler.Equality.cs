using Flywheel.X64;
using Iced.Intel;
using static Iced.Intel.AssemblerRegisters;
using Label = Flywheel.MachineCode.Label;

namespace Flywheel.Engine.Baseline;

/// <summary>
/// <c>===</c> and <c>==</c>, mirroring <see cref="Realm.StrictEquals"/> and <see cref="Realm.LooseEquals"/>
/// for every pair that needs no conversion: identical words, numbers (as doubles), immediates, objects
/// by identity, and strings by their characters (<see cref="EmitStringEqualsRoutine"/>). A pair that
/// needs a conversion (<c>==</c> of a string and a number, of an object and a primitive) or an unflattened
/// rope is the interpreter's.
/// </summary>
internal sealed unsafe partial class BaselineCompiler
{
    Label? stringEqualsRoutine;

    /// <summary>acc = r[left] === acc.</summary>
    void EmitStrictEqual(int pc, int left)
    {
        var bail = SlowPath(pc);
        var different = masm.CreateLabel();
        var someNumber = masm.CreateLabel();
        var isFalse = masm.CreateLabel();
        var done = masm.CreateLabel();
        a.mov(rax, Register(left));
        JumpUnlessIdenticalNotNaN(different);
        masm.Jump(done);

        masm.Bind(different);
        // Different words: an immediate (null, undefined, a boolean) differs from any other
        // non-number, and an object or symbol from any other cell; two strings compare their characters.
        a.mov(rdx, rax);
        a.or(rdx, Acc);
        a.test(rdx, Tag);
        masm.Jump(Condition.NotEqual, someNumber);
        a.test(rdx, (int)JsValue.OtherTag);
        masm.Jump(Condition.NotEqual, isFalse);
        JumpIfBothStrings(bail, isFalse, isFalse);
        masm.Jump(done);

        masm.Bind(someNumber);
        // A number equals only a number (the same value in another encoding: -0 and 0, a double and an int32).
        a.test(rax, Tag);
        masm.Jump(Condition.Equal, isFalse);
        a.test(Acc, Tag);
        masm.Jump(Condition.Equal, isFalse);
        CompareNumbers();
        masm.Jump(done);

        masm.Bind(isFalse);
        LoadImmediate(Acc, JsValue.FalseBits);
        masm.Bind(done);
    }

    /// <summary>acc = r[left] == acc.</summary>
    void EmitLooseEqual(int pc, int left)
    {
        var bail = SlowPath(pc);
        var different = masm.CreateLabel();
        var notBothNumbers = masm.CreateLabel();
        var notNullish = masm.CreateLabel();
        var isFalse = masm.CreateLabel();
        var done = masm.CreateLabel();
        a.mov(rax, Register(left));
        JumpIfBothInt32Compare(different);
        masm.Jump(done);

        masm.Bind(different);
        JumpUnlessIdenticalNotNaN(notBothNumbers);
        masm.Jump(done);

        // The order of LooseEquals: numbers, then null and undefined (equal only to each other), then
        // two strings; two objects are equal only when identical. Anything else converts.
        masm.Bind(notBothNumbers);
        a.test(rax, Tag);
        masm.Jump(Condition.Equal, notNullish);
        a.test(Acc, Tag);
        masm.Jump(Condition.Equal, notNullish);
        CompareNumbers();
        masm.Jump(done);

        masm.Bind(notNullish);
        // r8 = whether the left is nullish, r9 = whether the right is; different words, so both means null == undefined.
        a.mov(rdx, rax);
        a.and(rdx, ~8);
        a.cmp(rdx, (int)JsValue.NullBits);
        a.sete(r8b);
        a.mov(rdx, Acc);
        a.and(rdx, ~8);
        a.cmp(rdx, (int)JsValue.NullBits);
        a.sete(r9b);
        a.mov(dl, r8b);
        a.or(dl, r9b);
        var neitherNullish = masm.CreateLabel();
        masm.Jump(Condition.Equal, neitherNullish);
        a.and(r8b, r9b);
        a.movzx(ecx, r8b);
        a.lea(Acc, __[rcx + (int)JsValue.FalseBits]);
        masm.Jump(done);

        masm.Bind(neitherNullish);
        JumpIfBothStrings(bail, bail, isFalse);
        masm.Jump(done);

        masm.Bind(isFalse);
        LoadImmediate(Acc, JsValue.FalseBits);
        masm.Bind(done);
    }

    /// <summary>
    /// acc = true when rax and the accumulator are the same word and not NaN (the one value not equal to
    /// itself), else a jump to <paramref name="different"/> with both unchanged (clobbers rcx).
    /// </summary>
    void JumpUnlessIdenticalNotNaN(Label different)
    {
        a.cmp(rax, Acc);
        masm.Jump(Condition.NotEqual, different);
        a.mov(rcx, unchecked((long)CanonicalNaNValue));
        a.cmp(rax, rcx);
        SetBooleanAcc(Condition.NotEqual);
    }

    /// <summary>acc = whether rax and the accumulator are equal int32s, when both are int32s; else a jump to <paramref name="notBoth"/> (clobbers rcx, rdx).</summary>
    void JumpIfBothInt32Compare(Label notBoth)
    {
        JumpUnlessBothInt32(notBoth);
        a.cmp(eax, Acc32);
        SetBooleanAcc(Condition.Equal);
    }

    /// <summary>acc = whether the numbers in rax and the accumulator are equal (as doubles: NaN is unequal; clobbers rcx, rdx).</summary>
    void CompareNumbers()
    {
        ToDouble(rax, xmm0);
        ToDouble(Acc, xmm1);
        a.ucomisd(xmm0, xmm1);
        // Equal and ordered: ZF set, PF clear.
        a.setnp(cl);
        a.sete(dl);
        a.and(cl, dl);
        a.movzx(ecx, cl);
        a.lea(Acc, __[rcx + (int)JsValue.FalseBits]);
    }

    /// <summary>
    /// For rax and the accumulator, different words neither of them a number: acc = whether they are
    /// strings with the same characters, when both are strings; jumps to <paramref name="notStrings"/>
    /// when both are objects or both symbols (different ones), to <paramref name="otherCells"/> when
    /// either is an immediate or they are cells of different kinds, and to <paramref name="undecided"/>
    /// for the hole or a rope that was never flattened.
    /// </summary>
    void JumpIfBothStrings(Label undecided, Label otherCells, Label notStrings)
    {
        var leftString = masm.CreateLabel();
        a.test(rax, rax);
        masm.Jump(Condition.Equal, undecided);
        a.test(Acc, Acc);
        masm.Jump(Condition.Equal, undecided);
        a.mov(rdx, unchecked((long)JsValue.NotCellMask));
        a.mov(rcx, rax);
        a.or(rcx, Acc);
        a.test(rcx, rdx);
        masm.Jump(Condition.NotEqual, otherCells);
        a.movzx(ecx, __byte_ptr[rax]);
        a.movzx(edx, __byte_ptr[Acc]);
        a.cmp(ecx, (int)CellKind.String);
        masm.Jump(Condition.Equal, leftString);
        // Two objects (or symbols) are equal only when identical, which they are not; other pairs of kinds convert.
        a.cmp(ecx, edx);
        masm.Jump(Condition.Equal, notStrings);
        masm.Jump(otherCells);
        masm.Bind(leftString);
        a.cmp(edx, (int)CellKind.String);
        masm.Jump(Condition.NotEqual, otherCells);
        stringEqualsRoutine ??= masm.CreateLabel();
        masm.Call(stringEqualsRoutine.Value);
        masm.Jump(Condition.Below, undecided);
        SetBooleanAcc(Condition.Equal);
    }

    /// <summary>
    /// The routine behind <see cref="JumpIfBothStrings"/>: for two string cells in rax and the accumulator
    /// (different cells), carry set when it cannot decide (a rope not flattened yet), else zero set when
    /// they have the same characters, as <see cref="Realm.StringEquals"/>: lengths, then both hashes when
    /// both are computed, then the characters four at a time. Clobbers rcx, rdx, r8–r10.
    /// </summary>
    void EmitStringEqualsRoutine()
    {
        if (stringEqualsRoutine == null) return;
        var unequal = masm.CreateLabel();
        var equal = masm.CreateLabel();
        var fail = masm.CreateLabel();
        var compare = masm.CreateLabel();
        var quads = masm.CreateLabel();
        var tail = masm.CreateLabel();
        var units = masm.CreateLabel();
        masm.Bind(stringEqualsRoutine.Value);
        masm.Annotate("string equality routine: carry when undecided (a rope), else zero when the strings in rax and acc are equal");
        a.mov(ecx, __dword_ptr[rax + 4]);
        a.cmp(ecx, __dword_ptr[Acc + 4]);
        masm.Jump(Condition.NotEqual, unequal);
        FlatChars(rax, r8, fail);
        FlatChars(Acc, r9, fail);
        a.mov(edx, __dword_ptr[r8 + 8]);
        a.test(edx, edx);
        masm.Jump(Condition.Equal, compare);
        a.mov(r10d, __dword_ptr[r9 + 8]);
        a.test(r10d, r10d);
        masm.Jump(Condition.Equal, compare);
        a.cmp(edx, r10d);
        masm.Jump(Condition.NotEqual, unequal);
        masm.Bind(compare);
        a.add(r8, Layout.StringChars);
        a.add(r9, Layout.StringChars);
        a.xor(edx, edx);
        a.sub(ecx, 4);
        masm.Jump(Condition.Less, tail);
        masm.Bind(quads);
        a.mov(r10, __qword_ptr[r8 + rdx * 2]);
        a.cmp(r10, __qword_ptr[r9 + rdx * 2]);
        masm.Jump(Condition.NotEqual, unequal);
        a.add(edx, 4);
        a.sub(ecx, 4);
        masm.Jump(Condition.GreaterOrEqual, quads);
        masm.Bind(tail);
        a.add(ecx, 4);
        masm.Jump(Condition.Equal, equal);
        masm.Bind(units);
        a.movzx(r10d, __word_ptr[r8 + rdx * 2]);
        a.cmp(r10w, __word_ptr[r9 + rdx * 2]);
        masm.Jump(Condition.NotEqual, unequal);
        a.inc(edx);
        a.dec(ecx);
        masm.Jump(Condition.NotEqual, units);
        masm.Bind(equal);
        // xor: zero set, carry clear.
        a.xor(edx, edx);
        a.ret();
        masm.Bind(unequal);
        // test of a non-zero register: zero and carry clear.
        a.test(rsp, rsp);
        a.ret();
        masm.Bind(fail);
        a.stc();
        a.ret();
    }

    /// <summary>
    /// <paramref name="flat"/> = the flat string holding the characters of the string cell in
    /// <paramref name="cell"/>: itself, or a flattened rope's left child; a rope not flattened yet jumps
    /// to <paramref name="rope"/> (Realm.FlatIfReady).
    /// </summary>
    void FlatChars(AssemblerRegister64 cell, AssemblerRegister64 flat, Label rope)
    {
        var done = masm.CreateLabel();
        a.mov(flat, cell);
        a.test(__byte_ptr[cell + 3], (int)CellFlags.Rope);
        masm.Jump(Condition.Equal, done);
        a.cmp(__qword_ptr[cell + Layout.RopeRight], 0);
        masm.Jump(Condition.NotEqual, rope);
        a.mov(flat, __qword_ptr[cell + Layout.RopeLeft]);
        masm.Bind(done);
    }
}
