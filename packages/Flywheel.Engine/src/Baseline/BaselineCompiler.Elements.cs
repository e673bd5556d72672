using Flywheel.X64;
using Iced.Intel;
using static Iced.Intel.AssemblerRegisters;
using Label = Flywheel.MachineCode.Label;

namespace Flywheel.Engine.Baseline;

/// <summary>
/// Keyed element access: dense arrays (an existing element of a dense array, read or overwritten)
/// and typed arrays (an int32 index within the view's length over a buffer that is not detached),
/// each as the interpreter computes it. Typed-array loads box as <see cref="JsValue.FromNumber"/>
/// does (Float64 NaNs canonical, integral values as int32); stores take int32 values and doubles the
/// element type converts without a call (ToInt32 of a double in int32 range is its truncation).
/// Anything else on an object (holes, out-of-bounds or negative or non-int32 keys, other objects,
/// values that need ToNumber) goes to a runtime stub (Interp.PropertyStubs) that completes loads and
/// stores of data properties, growing dense elements, and otherwise answers 0; that, and primitive
/// receivers, take the slow path (the interpreter runs the instruction) before it has had an effect.
/// </summary>
internal sealed unsafe partial class BaselineCompiler
{
    const ulong TypedArrayHeaderBits = (ulong)ObjClass.TypedArray << 32 | (ulong)CellKind.Object;

    void EmitGetKeyed(int pc, int objectRegister)
    {
        var bail = masm.CreateLabel();
        var notArray = masm.CreateLabel();
        var done = masm.CreateLabel();
        a.mov(rax, Register(objectRegister));
        // A non-cell receiver or a key that is not an int32 misses the typed-array path too.
        LoadDenseElementAddress(Acc, ReadableArrayMask, bail, notArray);
        a.mov(rax, __qword_ptr[rdx + rcx * 8]);
        a.test(rax, rax);
        masm.Jump(Condition.Equal, bail);
        a.mov(Acc, rax);
        masm.Jump(done);

        masm.Bind(notArray);
        TypedElementAddress(Acc, bail, cellAndKeyChecked: true);
        var next = masm.CreateLabel();
        foreach (var kind in LoadKinds)
        {
            a.cmp(edx, (int)kind);
            masm.Jump(Condition.NotEqual, next);
            switch (kind)
            {
                case TypedKind.Float64: a.movsd(xmm0, __qword_ptr[r8 + r9 * 8]); BoxNumber(); break;
                case TypedKind.Float32: a.cvtss2sd(xmm0, __dword_ptr[r8 + r9 * 4]); BoxNumber(); break;
                case TypedKind.Uint32:
                    a.mov(eax, __dword_ptr[r8 + r9 * 4]);
                    a.cvtsi2sd(xmm0, rax);
                    BoxNumber();
                    break;
                default:
                    switch (kind)
                    {
                        case TypedKind.Int32: a.mov(eax, __dword_ptr[r8 + r9 * 4]); break;
                        case TypedKind.Int16: a.movsx(eax, __word_ptr[r8 + r9 * 2]); break;
                        case TypedKind.Uint16: a.movzx(eax, __word_ptr[r8 + r9 * 2]); break;
                        case TypedKind.Int8: a.movsx(eax, __byte_ptr[r8 + r9]); break;
                        default: a.movzx(eax, __byte_ptr[r8 + r9]); break;
                    }
                    a.or(rax, Tag);
                    a.mov(Acc, rax);
                    break;
            }
            masm.Jump(done);
            masm.Bind(next);
            next = masm.CreateLabel();
        }
        masm.Bind(next);
        masm.Bind(bail);
        CallKeyedStub(Interp.GetKeyedStubAddress, pc, objectRegister);
        a.mov(Acc, rax);
        masm.Bind(done);
    }

    // Most frequent first: the chain of kind compares is walked in this order.
    static readonly TypedKind[] LoadKinds =
        [TypedKind.Float64, TypedKind.Int32, TypedKind.Uint8, TypedKind.Uint8Clamped, TypedKind.Float32, TypedKind.Uint32, TypedKind.Int16, TypedKind.Uint16, TypedKind.Int8];

    static readonly TypedKind[] StoreKinds =
        [TypedKind.Float64, TypedKind.Int32, TypedKind.Uint8, TypedKind.Float32, TypedKind.Uint32, TypedKind.Int16, TypedKind.Uint16, TypedKind.Int8, TypedKind.Uint8Clamped];

    void EmitSetKeyed(int pc, int objectRegister, int keyRegister)
    {
        var bail = masm.CreateLabel();
        var notArray = masm.CreateLabel();
        var done = masm.CreateLabel();
        a.mov(r9, Register(keyRegister));
        a.mov(rax, Register(objectRegister));
        // A non-cell receiver or a key that is not an int32 misses the typed-array path too.
        LoadDenseElementAddress(r9, WritableArrayMask, bail, notArray);
        a.cmp(__qword_ptr[rdx + rcx * 8], 0);
        masm.Jump(Condition.Equal, bail);
        a.mov(__qword_ptr[rdx + rcx * 8], Acc);
        masm.Jump(done);

        masm.Bind(notArray);
        TypedElementAddress(r9, bail, cellAndKeyChecked: true);
        var next = masm.CreateLabel();
        foreach (var kind in StoreKinds)
        {
            a.cmp(edx, (int)kind);
            masm.Jump(Condition.NotEqual, next);
            switch (kind)
            {
                case TypedKind.Float64:
                    NumberToDouble(bail);
                    a.movsd(__qword_ptr[r8 + r9 * 8], xmm0);
                    break;
                case TypedKind.Float32:
                    NumberToDouble(bail);
                    a.cvtsd2ss(xmm0, xmm0);
                    a.movss(__dword_ptr[r8 + r9 * 4], xmm0);
                    break;
                case TypedKind.Uint8Clamped:
                    // Only int32 values already in 0..255 (clamping and rounding: the interpreter's).
                    JumpUnlessInt32(Acc, bail);
                    a.cmp(Acc32, 255);
                    masm.Jump(Condition.Above, bail);
                    a.mov(__byte_ptr[r8 + r9], r14b);
                    break;
                default:
                    NumberToInt32(bail);
                    switch (kind)
                    {
                        case TypedKind.Int32 or TypedKind.Uint32: a.mov(__dword_ptr[r8 + r9 * 4], eax); break;
                        case TypedKind.Int16 or TypedKind.Uint16: a.mov(__word_ptr[r8 + r9 * 2], ax); break;
                        default: a.mov(__byte_ptr[r8 + r9], al); break;
                    }
                    break;
            }
            masm.Jump(done);
            masm.Bind(next);
            next = masm.CreateLabel();
        }
        masm.Bind(next);
        masm.Bind(bail);
        CallKeyedStub(Interp.SetKeyedStubAddress, pc, objectRegister);
        masm.Bind(done);
    }

    /// <summary>
    /// The miss path of a keyed access (holes, growing or adding elements, other objects' properties):
    /// the runtime stub when the receiver is an object, the exit to <paramref name="pc"/> otherwise
    /// and when the stub answers 0 (rax = its answer).
    /// </summary>
    void CallKeyedStub(nint stub, int pc, int objectRegister)
    {
        a.mov(rax, Register(objectRegister));
        JumpUnlessCell(SlowPath(pc));
        a.cmp(__byte_ptr[rax], (int)CellKind.Object);
        masm.Jump(Condition.NotEqual, SlowPath(pc));
        CallPropertyStub(stub, pc);
    }

    /// <summary>
    /// For the typed array in rax and the int32 index in <paramref name="key"/>: r8 = the address of
    /// element 0, r9 = the index (zero-extended), edx = the <see cref="TypedKind"/>; jumps to
    /// <paramref name="miss"/> unless rax is a typed array, the key an int32 below its length and
    /// its buffer not detached (clobbers rcx); <paramref name="cellAndKeyChecked"/> when the code before
    /// already checked that rax is a cell and the key an int32.
    /// </summary>
    void TypedElementAddress(AssemblerRegister64 key, Label miss, bool cellAndKeyChecked)
    {
        if (!cellAndKeyChecked)
        {
            JumpUnlessCell(miss);
            JumpUnlessInt32(key, miss);
        }
        a.mov(rdx, __qword_ptr[rax]);
        a.mov(rcx, unchecked((long)ClassAndKindMask));
        a.and(rdx, rcx);
        a.mov(rcx, unchecked((long)TypedArrayHeaderBits));
        a.cmp(rdx, rcx);
        masm.Jump(Condition.NotEqual, miss);
        a.mov(new AssemblerRegister32(ToRegister32(r9)), new AssemblerRegister32(ToRegister32(key)));
        // Unsigned: a negative index is a huge one.
        a.cmp(r9d, __dword_ptr[rax + TypedArrayLayout.LengthSlot]);
        masm.Jump(Condition.AboveOrEqual, miss);
        a.mov(r8, unchecked(-(long)JsValue.DoubleOffset));
        a.add(r8, __qword_ptr[rax + TypedArrayLayout.BufferHeaderSlot]);
        a.mov(r8, __qword_ptr[r8]);
        a.test(r8, r8);
        masm.Jump(Condition.Equal, miss);
        a.movsxd(rdx, __dword_ptr[rax + TypedArrayLayout.ByteOffsetSlot]);
        a.add(r8, rdx);
        a.movzx(edx, __byte_ptr[rax + TypedArrayLayout.KindByte]);
    }

    /// <summary>xmm0 = the number in the accumulator, or a jump to <paramref name="bail"/> when it is not a number (clobbers rcx, rdx).</summary>
    void NumberToDouble(Label bail)
    {
        a.test(Acc, Tag);
        masm.Jump(Condition.Equal, bail);
        ToDouble(Acc, xmm0);
    }

    /// <summary>
    /// eax = ToInt32 of the number in the accumulator when it is an int32 or a double whose
    /// truncation is an int32 other than -2^31 (the value <c>cvttsd2si</c> gives for NaN and
    /// out-of-range doubles); otherwise a jump to <paramref name="bail"/> (clobbers rcx, rdx).
    /// </summary>
    void NumberToInt32(Label bail)
    {
        var isDouble = masm.CreateLabel();
        var done = masm.CreateLabel();
        JumpUnlessInt32(Acc, isDouble);
        a.mov(eax, Acc32);
        masm.Jump(done);
        masm.Bind(isDouble);
        NumberToDouble(bail);
        a.cvttsd2si(eax, xmm0);
        a.cmp(eax, int.MinValue);
        masm.Jump(Condition.Equal, bail);
        masm.Bind(done);
    }
}
