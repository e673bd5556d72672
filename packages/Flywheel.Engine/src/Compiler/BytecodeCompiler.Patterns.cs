using Acornima.Ast;

namespace Flywheel.Engine.Compiler;

internal enum BindMode { Init, Assign }

internal sealed partial class BytecodeCompiler
{
    /// <summary>Binds the value in the accumulator to a pattern (identifier, member target, array/object destructuring).</summary>
    void BindPattern(Node target, BindMode mode)
    {
        int mark = TempMark;
        switch (target)
        {
            case Identifier id:
                EmitStoreVar(id.Name, id, mode == BindMode.Init);
                break;
            case MemberExpression me:
                {
                    int v = fn.Temp();
                    B.Emit(Opcode.Star, v);
                    EmitMemberStore(me, v);
                    break;
                }
            case AssignmentPattern ap:
                {
                    var has = new Label();
                    B.EmitJump(Opcode.JumpIfNotUndefined, has);
                    VisitNamed(ap.Right, ap.Left is Identifier lid ? lid.Name : null);
                    B.Bind(has);
                    BindPattern(ap.Left, mode);
                    break;
                }
            case ObjectPattern op: BindObjectPattern(op, mode); break;
            case ArrayPattern ap: BindArrayPattern(ap, mode); break;
            case ParenthesizedExpression pe: BindPattern(pe.Expression, mode); break;
            default: throw Error(target, "Invalid destructuring assignment target");
        }
        Release(mark);
    }

    void BindObjectPattern(ObjectPattern op, BindMode mode)
    {
        int src = fn.Temp();
        B.Emit(Opcode.Star, src);
        // Destructuring null/undefined throws.
        var ok = new Label();
        B.EmitJump(Opcode.JumpIfNotNullish, ok);
        Pos(op);
        EmitRuntime(RuntimeId.ThrowDestructureNullish, src, 1);
        B.Bind(ok);
        var keyRegs = new List<int>();
        foreach (var p in op.Properties)
        {
            int m = TempMark;
            if (p is RestElement re)
            {
                // rest = CopyDataProperties({}, src, excluded keys)
                int args = fn.Temps(keyRegs.Count + 1);
                B.Emit(Opcode.Mov, src, args);
                for (int i = 0; i < keyRegs.Count; i++) B.Emit(Opcode.Mov, keyRegs[i], args + 1 + i);
                EmitRuntime(RuntimeId.ObjectRest, args, keyRegs.Count + 1);
                BindPattern(re.Argument, mode);
                continue;
            }
            var prop = (Property)p;
            int key = fn.Temp();
            keyRegs.Add(key);
            if (prop.Computed)
            {
                VisitExpression(prop.Key);
                B.Emit(Opcode.ToPropertyKey);
            }
            else B.Emit(Opcode.LdaConstant, StrIdx(PropertyName(prop.Key, false)));
            B.Emit(Opcode.Star, key);
            B.Emit(Opcode.Ldar, key);
            B.Emit(Opcode.GetKeyed, src, B.NewSlot());
            BindPattern(prop.Value, mode);
        }
    }

    void BindArrayPattern(ArrayPattern ap, BindMode mode)
    {
        int it = fn.Temps(2);
        B.Emit(Opcode.GetIterator, it);
        int done = fn.Temp();
        B.Emit(Opcode.LdaFalse);
        B.Emit(Opcode.Star, done);
        int ctx = fn.Temp();
        B.Emit(Opcode.LdaCurrentContext);
        B.Emit(Opcode.Star, ctx);
        int start = B.Offset;
        foreach (var el in ap.Elements)
        {
            if (el is RestElement re)
            {
                int arr = fn.Temp();
                B.Emit(Opcode.CreateArray);
                B.Emit(Opcode.Star, arr);
                var loop = new Label(); var end = new Label();
                B.Emit(Opcode.Ldar, done);
                B.EmitJump(Opcode.JumpIfTrue, end);
                B.Bind(loop);
                var fin = new Label();
                B.EmitJump(Opcode.IteratorStep, fin, it);
                B.Emit(Opcode.ArrayPush, arr);
                B.EmitJump(Opcode.Jump, loop);
                B.Bind(fin);
                B.Emit(Opcode.LdaTrue);
                B.Emit(Opcode.Star, done);
                B.Bind(end);
                B.Emit(Opcode.Ldar, arr);
                BindPattern(re.Argument, mode);
                continue;
            }
            // value = done ? undefined : step()
            var exhausted = new Label(); var have = new Label();
            B.Emit(Opcode.Ldar, done);
            B.EmitJump(Opcode.JumpIfTrue, exhausted);
            B.EmitJump(Opcode.IteratorStep, exhausted, it);
            B.EmitJump(Opcode.Jump, have);
            B.Bind(exhausted);
            B.Emit(Opcode.LdaTrue);
            B.Emit(Opcode.Star, done);
            B.Emit(Opcode.LdaUndefined);
            B.Bind(have);
            if (el != null) BindPattern(el, mode);
        }
        int end2 = B.Offset;
        var close = new Label();
        B.Emit(Opcode.Ldar, done);
        B.EmitJump(Opcode.JumpIfTrue, close);
        B.Emit(Opcode.IteratorClose, it);
        B.Bind(close);
        var after = new Label();
        B.EmitJump(Opcode.Jump, after);
        int handler = B.Offset;
        int ex = fn.Temp();
        B.Emit(Opcode.Star, ex);
        B.Emit(Opcode.Ldar, done);
        var skip = new Label();
        B.EmitJump(Opcode.JumpIfTrue, skip);
        EmitRuntime(RuntimeId.IteratorCloseQuiet, it, 1);
        B.Bind(skip);
        B.Emit(Opcode.Ldar, ex);
        B.Emit(Opcode.ReThrow);
        fn.Handlers.Add(new HandlerEntry(start, end2, handler, ctx));
        B.Bind(after);
    }
}
