namespace Flywheel.Engine.Interpreter;

/// <summary>Scope operations the compiler cannot resolve statically: mapped arguments, direct eval, with and eval-declared vars.</summary>
internal sealed unsafe partial class Interp
{
    /// <summary>
    /// The arguments object of a sloppy function with simple parameters: <paramref name="slots"/>[i]
    /// holds the Smi context slot of parameter i in the current (function) context, or -1.
    /// </summary>
    public JsValue CreateMappedArguments(ulong* fp, JsValue* slots, int count)
    {
        var args = CreateArguments(fp);
        int argc = new JsValue(fp[JsStack.ArgcSlot]).Int32;
        Span<int> map = stackalloc int[count];
        for (int i = 0; i < count; i++) map[i] = slots[i].Int32;
        return JsValue.FromPtr(realm.NewMappedArguments(args.Ptr, (nint)fp[JsStack.ContextSlot], map, argc));
    }
}
