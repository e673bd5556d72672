namespace Flywheel.CodeGen.RegAlloc;

/// <summary>The two register files the allocator hands out.</summary>
internal enum RegisterClass : byte
{
    /// <summary>Integers, pointers and tagged words.</summary>
    Gpr,
    /// <summary>f32 and f64.</summary>
    Float,
}

/// <summary>
/// What a target tells the allocator about its registers: which it may hand out per class (in
/// preference order) and which of those survive calls. Scratch and fixed-purpose registers (the
/// ones instruction sequences clobber) are simply absent, so the allocator never sees them.
/// </summary>
internal sealed class RegisterInfo(int[] gprs, int[] floats, Func<RegisterClass, int, bool> isCalleeSaved)
{
    public IReadOnlyList<int> Allocatable(RegisterClass cls) => cls == RegisterClass.Gpr ? gprs : floats;

    public bool IsCalleeSaved(RegisterClass cls, int register) => isCalleeSaved(cls, register);

    public static RegisterClass ClassOf(SsaIR.IrType type) => SsaIR.IrTypeExtensions.IsFloat(type) ? RegisterClass.Float : RegisterClass.Gpr;

    public static Location InRegister(RegisterClass cls, int register) => cls == RegisterClass.Gpr ? Location.Gpr(register) : Location.Float(register);
}
