using System.Runtime.InteropServices;

namespace Flywheel.Engine.Interpreter;

/// <summary>
/// String concatenation and conversion for baseline code: <c>Add</c> with a string operand,
/// <c>ToStringOp</c> (template literals) and <c>ToNumeric</c> (<c>+s</c>) of primitives that its inline
/// paths leave over (BaselineCompiler.Strings: a number to convert, a short concatenation when the
/// inline one cannot allocate, a string to parse) are made by <see cref="StringStub"/>, which is the
/// interpreter's own conversion (<see cref="Realm.Add"/>, <see cref="Realm.ToStringValue"/>,
/// <see cref="Realm.ToNumber"/>, with the type feedback the interpreter records) without the generic
/// single-step machinery.
/// </summary>
internal sealed unsafe partial class Interp
{
    /// <summary>Calls of <see cref="StringStub"/> by opcode (statistics: what the inline string paths leave over).</summary>
    public readonly long[] StringStubCalls = new long[256];

    /// <summary>The address of <see cref="StringStub"/>, which baseline code calls.</summary>
    public static nint StringStubAddress => (nint)(delegate* unmanaged<nint, ulong*, int, ulong, ulong>)&StringStub;

    /// <summary>
    /// <c>Add r</c>, <c>ToStringOp</c> or <c>ToNumeric</c> at <paramref name="pc"/> of frame <paramref name="fp"/> with
    /// accumulator <paramref name="acc"/> when no operand is an object (whose conversion may run
    /// script): the new accumulator, or 0 when an operand is an object or the operation threw (a
    /// symbol, a string past the maximum length); then nothing happened and the interpreter runs the
    /// instruction, raising the error. Allocates but never collects; an allocation that made a
    /// collection due has the code exit before its next safepoint (<see cref="NoteStubAllocation"/>).
    /// </summary>
    [UnmanagedCallersOnly]
    static ulong StringStub(nint runtime, ulong* fp, int pc, ulong acc)
    {
        try
        {
            var interp = (Interp)GCHandle.FromIntPtr(runtime).Target!;
            var t = interp.FrameTemplate(fp);
            byte* ip = t.Code + pc;
            var right = new JsValue(acc);
            if (Realm.IsObject(right)) return 0;
            JsValue result;
            if ((Opcode)(*ip) == Opcode.Add)
            {
                var left = Operand(fp, ip, 1);
                if (Realm.IsObject(left)) return 0;
                // The type feedback the interpreter's Add records (baseline code's inline concatenation
                // comes here until the site's feedback says String).
                interp.RecordOperands(t, *(int*)(ip + 3), left, right);
                result = interp.realm.Add(left, right);
            }
            else if ((Opcode)(*ip) == Opcode.ToNumeric)
            {
                result = JsValue.FromNumber(interp.realm.ToNumber(right));
            }
            else
            {
                result = interp.realm.ToStringValue(right);
            }
            interp.StringStubCalls[*ip]++;
            interp.NoteStubAllocation();
            return result.Bits;
        }
#pragma warning disable CA1031 // Any exception: nothing happened, the interpreter repeats the instruction and raises it.
        catch (Exception)
#pragma warning restore CA1031
        {
            return 0;
        }
    }
}
