using Acornima;
using Acornima.Ast;

namespace Flywheel.Engine.Compiler;

internal sealed partial class BytecodeCompiler
{
    void VisitMember(MemberExpression me, int objOut)
    {
        if (me.Object is Super)
        {
            EmitKey(me);
            Pos(me);
            B.Emit(Opcode.GetSuper, B.NewSlot());
            return;
        }
        int obj;
        // A local object is read in place when nobody needs it in a register of its own (a call's
        // receiver) and the key cannot assign it.
        if (objOut >= 0 || me.Optional || !TryReadInPlace(me.Object, out obj) || (me.Computed && MayAssign(me.Property)))
        {
            obj = objOut >= 0 ? objOut : fn.Temp();
            VisitExpression(me.Object);
            B.Emit(Opcode.Star, obj);
        }
        if (me.Optional) B.EmitJump(Opcode.JumpIfNullish, chainNull!);
        if (me.Property is PrivateIdentifier pid)
        {
            int args = fn.Temps(2);
            B.Emit(Opcode.Mov, obj, args);
            EmitLoadVar("#" + pid.Name, pid);
            B.Emit(Opcode.Star, args + 1);
            Pos(me);
            EmitRuntime(RuntimeId.PrivateGet, args, 2);
            return;
        }
        Pos(me.Property);
        if (!me.Computed) B.Emit(Opcode.GetNamed, obj, NameIdx(((Identifier)me.Property).Name), B.NewSlot());
        else
        {
            VisitExpression(me.Property);
            Pos(me.Property);
            B.Emit(Opcode.GetKeyed, obj, B.NewSlot());
        }
    }

    /// <summary>Stores the value in register <paramref name="value"/> to a member target; leaves it in the accumulator.</summary>
    void EmitMemberStore(MemberExpression me, int value)
    {
        if (me.Object is Super)
        {
            int key = fn.Temp();
            EmitKey(me);
            B.Emit(Opcode.Star, key);
            B.Emit(Opcode.Ldar, value);
            B.Emit(Opcode.SetSuper, key, B.NewSlot());
            return;
        }
        int obj = fn.Temp();
        VisitExpression(me.Object);
        B.Emit(Opcode.Star, obj);
        EmitStoreToObject(me, obj, value);
    }

    /// <summary>Stores <paramref name="value"/> (-1: the accumulator, for a named property) into a property of <paramref name="obj"/>.</summary>
    void EmitStoreToObject(MemberExpression me, int obj, int value)
    {
        if (me.Property is PrivateIdentifier pid)
        {
            int args = fn.Temps(3);
            B.Emit(Opcode.Mov, obj, args);
            EmitLoadVar("#" + pid.Name, pid);
            B.Emit(Opcode.Star, args + 1);
            B.Emit(Opcode.Mov, value, args + 2);
            Pos(me);
            EmitRuntime(RuntimeId.PrivateSet, args, 3);
            B.Emit(Opcode.Ldar, value);
            return;
        }
        if (!me.Computed)
        {
            if (value >= 0) B.Emit(Opcode.Ldar, value);
            Pos(me.Property);
            B.Emit(Opcode.SetNamed, obj, NameIdx(((Identifier)me.Property).Name), B.NewSlot());
        }
        else
        {
            int key = fn.Temp();
            VisitExpression(me.Property);
            B.Emit(Opcode.ToPropertyKey);
            B.Emit(Opcode.Star, key);
            B.Emit(Opcode.Ldar, value);
            Pos(me.Property);
            B.Emit(Opcode.SetKeyed, obj, key, B.NewSlot());
        }
    }

    void VisitAssignment(AssignmentExpression ae)
    {
        var op = ae.Operator;
        if (op == Operator.Assignment)
        {
            switch (ae.Left)
            {
                case Identifier id:
                    VisitNamed(ae.Right, id.Name);
                    EmitStoreVar(id.Name, id);
                    return;
                case MemberExpression me:
                    {
                        if (me.Object is Super) { int v0 = fn.Temp(); VisitExpression(ae.Right); B.Emit(Opcode.Star, v0); EmitMemberStore(me, v0); B.Emit(Opcode.Ldar, v0); return; }
                        // Locals are read in place when nothing evaluated after them can assign them.
                        bool keyed = me.Computed && me.Property is not PrivateIdentifier;
                        if (!TryReadInPlace(me.Object, out int obj) || MayAssign(ae.Right) || keyed && MayAssign(me.Property))
                        {
                            obj = fn.Temp();
                            VisitExpression(me.Object);
                            B.Emit(Opcode.Star, obj);
                        }
                        int key = -1;
                        // The key stays unconverted: PutValue runs ToPropertyKey after the right-hand side,
                        // and SetKeyed converts it.
                        if (keyed && (!TryReadInPlace(me.Property, out key) || MayAssign(ae.Right)))
                        {
                            key = fn.Temp();
                            VisitExpression(me.Property);
                            B.Emit(Opcode.Star, key);
                        }
                        VisitExpression(ae.Right);
                        // SetKeyed and SetNamed leave the value in the accumulator; only a private store needs a copy.
                        int v = -1;
                        if (me.Property is PrivateIdentifier) { v = fn.Temp(); B.Emit(Opcode.Star, v); }
                        if (keyed) { Pos(me.Property); B.Emit(Opcode.SetKeyed, obj, key, B.NewSlot()); }
                        else EmitStoreToObject(me, obj, v);
                        return;
                    }
                default:
                    {
                        int v = fn.Temp();
                        VisitExpression(ae.Right);
                        B.Emit(Opcode.Star, v);
                        BindPattern(ae.Left, BindMode.Assign);
                        B.Emit(Opcode.Ldar, v);
                        return;
                    }
            }
        }
        bool logical = op is Operator.LogicalAndAssignment or Operator.LogicalOrAssignment or Operator.NullishCoalescingAssignment;
        // `j += i` on a local: the operator reads the local in place when the right side cannot assign it.
        if (!logical && ae.Left is Identifier local && TryReadInPlace(local, out int localReg) && !MayAssign(ae.Right))
        {
            VisitExpression(ae.Right);
            Pos(ae);
            B.Emit(BinaryOpcode(op), localReg, B.NewSlot());
            EmitStoreVar(local.Name, local);
            return;
        }
        // Reference evaluation: object and key registers for member targets.
        int o = -1, k = -1;
        var target = ae.Left;
        if (target is MemberExpression tm && tm.Object is not Super)
        {
            o = fn.Temp();
            VisitExpression(tm.Object);
            B.Emit(Opcode.Star, o);
            if (tm.Computed) { k = fn.Temp(); VisitExpression(tm.Property); B.Emit(Opcode.ToPropertyKey); B.Emit(Opcode.Star, k); }
        }
        EmitLoadTarget(target, o, k);
        var end = new Label();
        if (logical)
        {
            B.EmitJump(op switch
            {
                Operator.LogicalAndAssignment => Opcode.JumpIfToBooleanFalse,
                Operator.LogicalOrAssignment => Opcode.JumpIfToBooleanTrue,
                _ => Opcode.JumpIfNotNullish,
            }, end);
            VisitNamed(ae.Right, target is Identifier tid ? tid.Name : null);
        }
        else
        {
            int left = fn.Temp();
            B.Emit(Opcode.Star, left);
            VisitExpression(ae.Right);
            Pos(ae);
            B.Emit(BinaryOpcode(op), left, B.NewSlot());
        }
        EmitStoreTarget(target, o, k);
        B.Bind(end);
    }

    void EmitLoadTarget(Node target, int o, int k)
    {
        switch (target)
        {
            case Identifier id: EmitLoadVar(id.Name, id); break;
            case MemberExpression me when me.Object is Super: VisitMember(me, -1); break;
            case MemberExpression me when me.Property is PrivateIdentifier pid:
                {
                    int args = fn.Temps(2);
                    B.Emit(Opcode.Mov, o, args);
                    EmitLoadVar("#" + pid.Name, pid);
                    B.Emit(Opcode.Star, args + 1);
                    EmitRuntime(RuntimeId.PrivateGet, args, 2);
                    break;
                }
            case MemberExpression me:
                Pos(me.Property);
                if (k >= 0) { B.Emit(Opcode.Ldar, k); B.Emit(Opcode.GetKeyed, o, B.NewSlot()); }
                else B.Emit(Opcode.GetNamed, o, NameIdx(((Identifier)me.Property).Name), B.NewSlot());
                break;
            default: throw Error(target, "Invalid left-hand side in assignment");
        }
    }

    /// <summary>Stores the accumulator to an already-evaluated reference; the value stays in the accumulator.</summary>
    void EmitStoreTarget(Node target, int o, int k)
    {
        switch (target)
        {
            case Identifier id: EmitStoreVar(id.Name, id); break;
            case MemberExpression me when me.Object is Super:
                {
                    int v = fn.Temp();
                    B.Emit(Opcode.Star, v);
                    EmitMemberStore(me, v);
                    B.Emit(Opcode.Ldar, v);
                    break;
                }
            case MemberExpression me when me.Property is PrivateIdentifier:
                {
                    int v = fn.Temp();
                    B.Emit(Opcode.Star, v);
                    EmitStoreToObject(me, o, v);
                    break;
                }
            case MemberExpression me:
                Pos(me.Property);
                if (k >= 0) B.Emit(Opcode.SetKeyed, o, k, B.NewSlot());
                else B.Emit(Opcode.SetNamed, o, NameIdx(((Identifier)me.Property).Name), B.NewSlot());
                break;
        }
    }

    /// <summary>
    /// Evaluates an expression whose value nobody reads (an expression statement, a for-loop update):
    /// `i++` there needs neither the old value nor its ToNumeric, which Inc does itself.
    /// </summary>
    void VisitEffect(Expression e)
    {
        switch (e)
        {
            case UpdateExpression ue: VisitUpdate(ue, valueUsed: false); break;
            case SequenceExpression se:
                foreach (var item in se.Expressions) VisitEffect(item);
                break;
            default: VisitExpression(e); break;
        }
    }

    void VisitUpdate(UpdateExpression ue, bool valueUsed = true)
    {
        int o = -1, k = -1;
        var target = ue.Argument;
        if (target is MemberExpression tm && tm.Object is not Super)
        {
            o = fn.Temp();
            VisitExpression(tm.Object);
            B.Emit(Opcode.Star, o);
            if (tm.Computed) { k = fn.Temp(); VisitExpression(tm.Property); B.Emit(Opcode.ToPropertyKey); B.Emit(Opcode.Star, k); }
        }
        else if (target is not Identifier and not MemberExpression) throw Error(ue, "Invalid left-hand side expression in postfix operation");
        EmitLoadTarget(target, o, k);
        int old = -1;
        if (valueUsed)
        {
            B.Emit(Opcode.ToNumeric, B.NewSlot());
            if (!ue.Prefix) { old = fn.Temp(); B.Emit(Opcode.Star, old); }
        }
        B.Emit(ue.Operator == Operator.Increment ? Opcode.Inc : Opcode.Dec, B.NewSlot());
        EmitStoreTarget(target, o, k);
        if (old >= 0) B.Emit(Opcode.Ldar, old);
    }

    /// <summary>Evaluates a call target into callee and receiver registers.</summary>
    void EmitCallee(Expression callee, int calleeReg, int recvReg)
    {
        switch (callee)
        {
            case MemberExpression me when me.Object is Super:
                EmitThis(me);
                B.Emit(Opcode.Star, recvReg);
                VisitMember(me, -1);
                B.Emit(Opcode.Star, calleeReg);
                return;
            case MemberExpression me:
                VisitMember(me, recvReg);
                B.Emit(Opcode.Star, calleeReg);
                return;
            case ParenthesizedExpression { Expression: MemberExpression or ChainExpression { Expression: MemberExpression } } pe:
                EmitCallee(pe.Expression, calleeReg, recvReg);
                return;
            case ChainExpression { Expression: MemberExpression cm }:
                {
                    // (a?.b)(): the reference keeps its base, so `this` is a; a short-circuit calls undefined.
                    var saved = chainNull;
                    chainNull = new Label();
                    var end = new Label();
                    VisitMember(cm, recvReg);
                    B.Emit(Opcode.Star, calleeReg);
                    B.EmitJump(Opcode.Jump, end);
                    B.Bind(chainNull);
                    B.Emit(Opcode.LdaUndefined);
                    B.Emit(Opcode.Star, calleeReg);
                    B.Emit(Opcode.Star, recvReg);
                    B.Bind(end);
                    chainNull = saved;
                    return;
                }
            case Identifier id:
                // Inside `with`, a function found on the object is called with the object as `this`.
                B.Emit(Opcode.LdaUndefined);
                B.Emit(Opcode.Star, recvReg);
                EmitLoadVar(id.Name, id, receiverReg: recvReg);
                B.Emit(Opcode.Star, calleeReg);
                return;
            default:
                VisitExpression(callee);
                B.Emit(Opcode.Star, calleeReg);
                B.Emit(Opcode.LdaUndefined);
                B.Emit(Opcode.Star, recvReg);
                return;
        }
    }

    /// <summary>Evaluates arguments into consecutive registers, or into an array register when any is spread.</summary>
    (int First, int Count, bool Spread) EmitArgs(in NodeList<Expression> args)
    {
        bool spread = false;
        foreach (var a in args) if (a is SpreadElement) spread = true;
        if (spread)
        {
            int arr = fn.Temp();
            B.Emit(Opcode.CreateArray);
            B.Emit(Opcode.Star, arr);
            foreach (var a in args)
            {
                int m = TempMark;
                if (a is SpreadElement sp) EmitSpread(sp, arr);
                else { VisitExpression(a); B.Emit(Opcode.ArrayPush, arr); }
                Release(m);
            }
            return (arr, 0, true);
        }
        int first = fn.Temps(args.Count);
        for (int i = 0; i < args.Count; i++)
        {
            int m = TempMark;
            VisitExpression(args[i]);
            B.Emit(Opcode.Star, first + i);
            Release(m);
        }
        return (first, args.Count, false);
    }

    void VisitCall(CallExpression ce)
    {
        if (ce.Callee is Super)
        {
            var (f0, n0, sp0) = EmitArgs(ce.Arguments);
            Pos(ce);
            if (sp0) B.Emit(Opcode.SuperCallSpread, f0, B.NewSlot());
            else B.Emit(Opcode.SuperCall, f0, n0, B.NewSlot());
            EmitStoreVar("this", ce, init: true);
            int self = fn.Temp();
            B.Emit(Opcode.Star, self);
            EmitRuntime(RuntimeId.SetReceiver, self, 1);
            if (fn.IsDerivedCtor && ((FunctionFlags)fn.Template.Flags & FunctionFlags.HasFields) != 0) EmitRuntime(RuntimeId.RunFieldInit, self, 1);
            B.Emit(Opcode.Ldar, self);
            return;
        }
        if (ce.Callee is Identifier { Name: "eval" } && !ce.Optional && !ce.Arguments.Any(a => a is SpreadElement)) { EmitDirectEvalCall(ce); return; }
        int callee = fn.Temp(), recv = fn.Temp();
        EmitCallee(ce.Callee, callee, recv);
        if (ce.Optional)
        {
            B.Emit(Opcode.Ldar, callee);
            B.EmitJump(Opcode.JumpIfNullish, chainNull!);
        }
        var (first, count, spread) = EmitArgs(ce.Arguments);
        Pos(ce);
        fn.Template.CallSiteText[B.Offset] = SourceOf(ce.Callee);
        if (spread) B.Emit(Opcode.CallSpread, callee, recv, first, B.NewSlot());
        else B.Emit(Opcode.Call, callee, recv, first, count, B.NewSlot());
    }

    string SourceOf(Node n) => n.Start >= 0 && n.End <= source.Length && n.End - n.Start < 80 ? source[n.Start..n.End] : "expression";

    void VisitNew(NewExpression ne)
    {
        int callee = fn.Temp();
        VisitExpression(ne.Callee);
        B.Emit(Opcode.Star, callee);
        var (first, count, spread) = EmitArgs(ne.Arguments);
        Pos(ne);
        fn.Template.CallSiteText[B.Offset] = SourceOf(ne.Callee);
        if (spread) B.Emit(Opcode.ConstructSpread, callee, first, B.NewSlot());
        else B.Emit(Opcode.Construct, callee, first, count, B.NewSlot());
    }
}
