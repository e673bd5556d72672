using Acornima;
using Acornima.Ast;

namespace Flywheel.Engine.Compiler;

internal sealed partial class BytecodeCompiler
{
    /// <summary>Short-circuit target of the innermost optional chain.</summary>
    Label? chainNull;

    void VisitExpression(Expression e)
    {
        // Deeply nested source must end in a RangeError (Realm.Compile), not a stack overflow.
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        switch (e)
        {
            case NumericLiteral n: EmitNumber(n.Value); break;
            case StringLiteral s: B.Emit(Opcode.LdaConstant, StrIdx(s.Value)); break;
            case BooleanLiteral b: B.Emit(b.Value ? Opcode.LdaTrue : Opcode.LdaFalse); break;
            case NullLiteral: B.Emit(Opcode.LdaNull); break;
            case RegExpLiteral re: B.Emit(Opcode.CreateRegExp, StrIdx(re.RegExp.Pattern), StrIdx(re.RegExp.Flags)); break;
            case BigIntLiteral: throw Error(e, "BigInt is not supported yet");
            case Identifier id:
                if (id.Name == "undefined" && ResolveDynamic("undefined") is { Var: null, Checks: null }) B.Emit(Opcode.LdaUndefined);
                else EmitLoadVar(id.Name, id);
                break;
            case ThisExpression: EmitThis(e); break;
            case TemplateLiteral tl: VisitTemplate(tl); break;
            case TaggedTemplateExpression tt: VisitTaggedTemplate(tt); break;
            case ArrayExpression ae: VisitArray(ae); break;
            case ObjectExpression oe: VisitObject(oe); break;
            case FunctionExpression fe: EmitFunction(fe, fe.Id?.Name ?? ""); break;
            case ArrowFunctionExpression af: EmitFunction(af, ""); break;
            case ClassExpression ce: VisitClass(ce.Id?.Name ?? "", ce.SuperClass, ce.Body, ce, bindName: ce.Id != null); break;
            case UpdateExpression ue: VisitUpdate(ue); break;
            case UnaryExpression ue: VisitUnary(ue); break;
            case LogicalExpression le: VisitLogical(le); break;
            case BinaryExpression be: VisitBinary(be); break;
            case AssignmentExpression ae: VisitAssignment(ae); break;
            case ConditionalExpression ce:
                {
                    var elseL = new Label(); var end = new Label();
                    VisitCondition(ce.Test, elseL, false);
                    VisitExpression(ce.Consequent);
                    B.EmitJump(Opcode.Jump, end);
                    B.Bind(elseL);
                    VisitExpression(ce.Alternate);
                    B.Bind(end);
                    break;
                }
            case SequenceExpression se: foreach (var x in se.Expressions) VisitExpression(x); break;
            case ParenthesizedExpression pe: VisitExpression(pe.Expression); break;
            case CallExpression ce: VisitCall(ce); break;
            case NewExpression ne: VisitNew(ne); break;
            case MemberExpression me: VisitMember(me, -1); break;
            case ChainExpression ch:
                {
                    var saved = chainNull;
                    chainNull = new Label();
                    var end = new Label();
                    VisitExpression(ch.Expression);
                    B.EmitJump(Opcode.Jump, end);
                    B.Bind(chainNull);
                    B.Emit(Opcode.LdaUndefined);
                    B.Bind(end);
                    chainNull = saved;
                    break;
                }
            case MetaProperty mp:
                if (mp.Meta.Name == "new")
                {
                    if (Resolve("new.target").Var != null) EmitLoadVar("new.target", mp); else B.Emit(Opcode.LdaNewTarget);
                }
                else throw Error(e, "import.meta is not supported");
                break;
            case YieldExpression ye: VisitYield(ye); break;
            case AwaitExpression aw:
                if (!fn.IsAsync) throw Error(e, "await is only valid in async functions and the top level bodies of modules");
                VisitExpression(aw.Argument);
                EmitYieldAndDispatch(aw);
                break;
            case SpreadElement: throw Error(e, "Unexpected spread");
            default: throw Error(e, $"Unsupported expression {e.Type}");
        }
    }

    void EmitNumber(double v)
    {
        if (v == Math.Floor(v) && v >= int.MinValue && v <= int.MaxValue && !(v == 0 && double.IsNegative(v))) B.Emit(Opcode.LdaSmi, (int)v);
        else B.Emit(Opcode.LdaConstant, fn.Constant(JsValue.FromNumber(v)));
    }

    /// <summary>Evaluates a condition and jumps to <paramref name="target"/> when it is <paramref name="jumpIf"/>.</summary>
    void VisitCondition(Expression e, Label target, bool jumpIf)
    {
        switch (e)
        {
            case UnaryExpression { Operator: Operator.LogicalNot } not:
                VisitCondition(not.Argument, target, !jumpIf);
                return;
            case LogicalExpression { Operator: Operator.LogicalAnd } and:
                if (!jumpIf) { VisitCondition(and.Left, target, false); VisitCondition(and.Right, target, false); }
                else { var skip = new Label(); VisitCondition(and.Left, skip, false); VisitCondition(and.Right, target, true); B.Bind(skip); }
                return;
            case LogicalExpression { Operator: Operator.LogicalOr } or:
                if (jumpIf) { VisitCondition(or.Left, target, true); VisitCondition(or.Right, target, true); }
                else { var skip = new Label(); VisitCondition(or.Left, skip, true); VisitCondition(or.Right, target, false); B.Bind(skip); }
                return;
        }
        int m = TempMark;
        VisitExpression(e);
        Release(m);
        B.EmitJump(jumpIf ? Opcode.JumpIfToBooleanTrue : Opcode.JumpIfToBooleanFalse, target);
    }

    void VisitTemplate(TemplateLiteral tl)
    {
        int r = fn.Temp();
        B.Emit(Opcode.LdaConstant, StrIdx(tl.Quasis[0].Value.Cooked ?? ""));
        B.Emit(Opcode.Star, r);
        for (int i = 0; i < tl.Expressions.Count; i++)
        {
            VisitExpression(tl.Expressions[i]);
            B.Emit(Opcode.ToStringOp);
            B.Emit(Opcode.Add, r, B.NewSlot());
            B.Emit(Opcode.Star, r);
            var q = tl.Quasis[i + 1].Value.Cooked ?? "";
            if (q.Length > 0)
            {
                B.Emit(Opcode.LdaConstant, StrIdx(q));
                B.Emit(Opcode.Add, r, B.NewSlot());
                B.Emit(Opcode.Star, r);
            }
        }
        B.Emit(Opcode.Ldar, r);
    }

    void VisitTaggedTemplate(TaggedTemplateExpression tt)
    {
        int callee = fn.Temp(), recv = fn.Temp();
        EmitCallee(tt.Tag, callee, recv);
        var q = tt.Quasi;
        // The template object is built once per site: cooked strings, raw strings, frozen.
        var cooked = realm.NewArray();
        var raw = realm.NewArray();
        for (int i = 0; i < q.Quasis.Count; i++)
        {
            var c = q.Quasis[i].Value.Cooked;
            realm.PutElement(cooked, (uint)i, c == null ? JsValue.Undefined : realm.Str(c));
            realm.PutElement(raw, (uint)i, realm.Str(q.Quasis[i].Value.Raw));
        }
        realm.DefineData(cooked, realm.KRaw, JsValue.FromPtr(raw), PropFlags.None);
        Builtins.ObjectBuiltins.SetIntegrity(realm, raw, true);
        Builtins.ObjectBuiltins.SetIntegrity(realm, cooked, true);
        int args = fn.Temps(q.Expressions.Count + 1);
        B.Emit(Opcode.GetTemplateObject, fn.Constant(JsValue.FromPtr(cooked)));
        B.Emit(Opcode.Star, args);
        for (int i = 0; i < q.Expressions.Count; i++) { VisitExpression(q.Expressions[i]); B.Emit(Opcode.Star, args + 1 + i); }
        Pos(tt);
        B.Emit(Opcode.Call, callee, recv, args, q.Expressions.Count + 1, B.NewSlot());
    }

    void VisitArray(ArrayExpression ae)
    {
        int arr = fn.Temp();
        B.Emit(Opcode.CreateArray);
        B.Emit(Opcode.Star, arr);
        foreach (var el in ae.Elements)
        {
            int m = TempMark;
            if (el == null) B.Emit(Opcode.ArrayPushHole, arr);
            else if (el is SpreadElement sp) EmitSpread(sp, arr);
            else { VisitExpression(el); B.Emit(Opcode.ArrayPush, arr); }
            Release(m);
        }
        B.Emit(Opcode.Ldar, arr);
    }

    /// <summary>
    /// Appends the values of a spread element to array <paramref name="arr"/>. ArrayPushSpread copies
    /// every iterable but a generator in one go (leaving the hole in the accumulator); a generator is
    /// stepped by a bytecode loop, so a recursive generator resumes in this dispatch loop instead of
    /// nesting a C# frame per level (see <c>Interp.StepGeneratorInLoop</c>).
    /// </summary>
    void EmitSpread(SpreadElement sp, int arr)
    {
        VisitExpression(sp.Argument);
        B.Emit(Opcode.ArrayPushSpread, arr);
        var end = new Label(); var loop = new Label();
        B.EmitJump(Opcode.JumpIfHole, end);
        int it = fn.Temps(2);
        B.Emit(Opcode.GetIterator, it);
        B.Bind(loop);
        B.EmitJump(Opcode.IteratorStep, end, it);
        B.Emit(Opcode.ArrayPush, arr);
        B.EmitJump(Opcode.Jump, loop);
        B.Bind(end);
    }

    void VisitObject(ObjectExpression oe)
    {
        int obj = fn.Temp();
        B.Emit(Opcode.CreateObject);
        B.Emit(Opcode.Star, obj);
        foreach (var p in oe.Properties)
        {
            int m = TempMark;
            if (p is SpreadElement sp)
            {
                VisitExpression(sp.Argument);
                B.Emit(Opcode.CopyDataProperties, obj);
                continue;
            }
            var prop = (Property)p;
            if (!prop.Computed && prop.Kind == PropertyKind.Init && !prop.Shorthand && !prop.Method && PropertyName(prop.Key, false) == "__proto__")
            {
                int args = fn.Temps(2);
                B.Emit(Opcode.Mov, obj, args);
                VisitExpression((Expression)prop.Value);
                B.Emit(Opcode.Star, args + 1);
                EmitRuntime(RuntimeId.SetProtoLiteral, args, 2);
                Release(m);
                continue;
            }
            string? staticName = prop.Computed ? null : PropertyName(prop.Key, false);
            int key = fn.Temp();
            if (staticName != null) B.Emit(Opcode.LdaConstant, StrIdx(staticName));
            else { VisitExpression(prop.Key); B.Emit(Opcode.ToPropertyKey); }
            B.Emit(Opcode.Star, key);
            switch (prop.Kind)
            {
                case PropertyKind.Get:
                case PropertyKind.Set:
                    methodStart = prop.Start;
                    EmitFunction(prop.Value, (prop.Kind == PropertyKind.Get ? "get " : "set ") + (staticName ?? ""), FunctionFlags.Method | FunctionFlags.NotConstructor);
                    EmitMethodSetup(obj, key, staticName == null, prop.Kind == PropertyKind.Get ? "get" : "set");
                    B.Emit(prop.Kind == PropertyKind.Get ? Opcode.DefineGetter : Opcode.DefineSetter, obj, key, 1);
                    break;
                default:
                    if (prop.Method)
                    {
                        methodStart = prop.Start;
                        EmitFunction(prop.Value, staticName ?? "", FunctionFlags.Method | FunctionFlags.NotConstructor);
                        EmitMethodSetup(obj, key, staticName == null, null);
                    }
                    else if (staticName == null && prop.Value is FunctionExpression { Id: null } or ArrowFunctionExpression or ClassExpression { Id: null })
                    {
                        VisitExpression((Expression)prop.Value);
                        EmitMethodSetup(-1, key, true, null);
                    }
                    else VisitNamed((Expression)prop.Value, staticName);
                    if (staticName != null) B.Emit(Opcode.DefineNamed, obj, NameIdx(staticName));
                    else B.Emit(Opcode.DefineKeyed, obj, key, 1);
                    break;
            }
            Release(m);
        }
        B.Emit(Opcode.Ldar, obj);
    }

    /// <summary>With a fresh method closure in the accumulator: set its home object and (for computed keys) its name.</summary>
    void EmitMethodSetup(int home, int key, bool computedName, string? prefix)
    {
        int args = fn.Temps(4);
        B.Emit(Opcode.Star, args);
        if (home >= 0) B.Emit(Opcode.Mov, home, args + 1); else { B.Emit(Opcode.LdaUndefined); B.Emit(Opcode.Star, args + 1); }
        if (computedName) B.Emit(Opcode.Mov, key, args + 2); else { B.Emit(Opcode.LdaUndefined); B.Emit(Opcode.Star, args + 2); }
        if (prefix != null) B.Emit(Opcode.LdaConstant, StrIdx(prefix)); else B.Emit(Opcode.LdaUndefined);
        B.Emit(Opcode.Star, args + 3);
        EmitRuntime(RuntimeId.SetupMethod, args, 4);
    }

    void VisitUnary(UnaryExpression ue)
    {
        switch (ue.Operator)
        {
            case Operator.TypeOf:
                if (ue.Argument is Identifier id) EmitLoadVar(id.Name, id, typeofMode: true);
                else VisitExpression(ue.Argument);
                B.Emit(Opcode.TypeOf);
                return;
            case Operator.Delete:
                VisitDelete(ue.Argument);
                return;
        }
        VisitExpression(ue.Argument);
        switch (ue.Operator)
        {
            case Operator.UnaryNegation: B.Emit(Opcode.Negate, B.NewSlot()); break;
            case Operator.UnaryPlus: B.Emit(Opcode.ToNumeric, B.NewSlot()); break;
            case Operator.LogicalNot: B.Emit(Opcode.Not); break;
            case Operator.BitwiseNot: B.Emit(Opcode.BitNot, B.NewSlot()); break;
            case Operator.Void: B.Emit(Opcode.LdaUndefined); break;
            default: throw Error(ue, $"Unsupported unary operator {ue.Operator}");
        }
    }

    void VisitDelete(Expression arg)
    {
        switch (arg)
        {
            case MemberExpression me when me.Object is not Super:
                {
                    int obj = fn.Temp();
                    VisitExpression(me.Object);
                    B.Emit(Opcode.Star, obj);
                    if (me.Optional) B.EmitJump(Opcode.JumpIfNullish, chainNull!);
                    EmitKey(me);
                    Pos(me);
                    B.Emit(Opcode.DeleteKeyed, obj);
                    return;
                }
            case Identifier id:
                {
                    var (dv, _, checks) = ResolveDynamic(id.Name);
                    void Static()
                    {
                        if (dv is { Location: not VarLocation.Global }) { B.Emit(Opcode.LdaFalse); return; }
                        int r = fn.Temp();
                        B.Emit(Opcode.LdaConstant, StrIdx(id.Name));
                        B.Emit(Opcode.Star, r);
                        EmitRuntime(RuntimeId.DeleteGlobal, r, 1);
                    }
                    if (checks != null) EmitDynamicDelete(id.Name, checks, Static); else Static();
                    return;
                }
            case ChainExpression ch:
                {
                    // delete a?.b: true when the chain short-circuits.
                    var saved = chainNull;
                    chainNull = new Label();
                    var end = new Label();
                    VisitDelete(ch.Expression);
                    B.EmitJump(Opcode.Jump, end);
                    B.Bind(chainNull);
                    B.Emit(Opcode.LdaTrue);
                    B.Bind(end);
                    chainNull = saved;
                    return;
                }
            default:
                VisitExpression(arg);
                B.Emit(Opcode.LdaTrue);
                return;
        }
    }

    /// <summary>Loads a member expression's key into the accumulator (a string constant for non-computed keys).</summary>
    void EmitKey(MemberExpression me)
    {
        if (me.Computed) VisitExpression(me.Property);
        else B.Emit(Opcode.LdaConstant, StrIdx(((Identifier)me.Property).Name));
    }

    static Opcode BinaryOpcode(Operator op) => op switch
    {
        Operator.Addition or Operator.AdditionAssignment => Opcode.Add,
        Operator.Subtraction or Operator.SubtractionAssignment => Opcode.Sub,
        Operator.Multiplication or Operator.MultiplicationAssignment => Opcode.Mul,
        Operator.Division or Operator.DivisionAssignment => Opcode.Div,
        Operator.Remainder or Operator.RemainderAssignment => Opcode.Mod,
        Operator.Exponentiation or Operator.ExponentiationAssignment => Opcode.Exp,
        Operator.BitwiseOr or Operator.BitwiseOrAssignment => Opcode.BitOr,
        Operator.BitwiseXor or Operator.BitwiseXorAssignment => Opcode.BitXor,
        Operator.BitwiseAnd or Operator.BitwiseAndAssignment => Opcode.BitAnd,
        Operator.LeftShift or Operator.LeftShiftAssignment => Opcode.Shl,
        Operator.RightShift or Operator.RightShiftAssignment => Opcode.Sar,
        Operator.UnsignedRightShift or Operator.UnsignedRightShiftAssignment => Opcode.Shr,
        Operator.Equality or Operator.Inequality => Opcode.TestEqual,
        Operator.StrictEquality or Operator.StrictInequality => Opcode.TestStrictEqual,
        Operator.LessThan => Opcode.TestLessThan,
        Operator.GreaterThan => Opcode.TestGreaterThan,
        Operator.LessThanOrEqual => Opcode.TestLessThanOrEqual,
        Operator.GreaterThanOrEqual => Opcode.TestGreaterThanOrEqual,
        Operator.InstanceOf => Opcode.TestInstanceOf,
        Operator.In => Opcode.TestIn,
        _ => throw new InvalidOperationException(op.ToString()),
    };

    void VisitBinary(BinaryExpression be)
    {
        if (be.Operator == Operator.In && be.Left is PrivateIdentifier pid)
        {
            int sym = fn.Temp();
            EmitLoadVar("#" + pid.Name, pid);
            B.Emit(Opcode.Star, sym);
            VisitExpression(be.Right);
            B.Emit(Opcode.TestPrivateIn, sym);
            return;
        }
        int mark = TempMark;
        var op = BinaryOpcode(be.Operator);
        // `2 * x`, `a * b * x`: when the left side always yields a number (so converting it has no
        // effects whose order could be seen) and the operator commutes, the left side is evaluated
        // into the accumulator and the local on the right read in place, after it as the spec reads it.
        if (IsCommutative(be.Operator) && IsNumberValued(be.Left) && TryReadInPlace(be.Right, out int r))
            VisitExpression(be.Left);
        else
        {
            // A local on the left is read in place when the right side cannot assign it.
            if (!TryReadInPlace(be.Left, out r) || MayAssign(be.Right))
            {
                r = fn.Temp();
                VisitExpression(be.Left);
                B.Emit(Opcode.Star, r);
            }
            VisitExpression(be.Right);
        }
        if (OpcodeTable.Get(op).Flags.HasFlag(OpFlags.Throws)) Pos(be);
        B.Emit(op, r, B.NewSlot());
        if (be.Operator is Operator.Inequality or Operator.StrictInequality) B.Emit(Opcode.Not);
        Release(mark);
    }

    /// <summary>Whether <paramref name="e"/> always evaluates to a Number (there is no BigInt).</summary>
    static bool IsNumberValued(Expression e) => e switch
    {
        NumericLiteral => true,
        UpdateExpression => true,
        UnaryExpression u => u.Operator is Operator.UnaryNegation or Operator.UnaryPlus or Operator.BitwiseNot,
        BinaryExpression b => b.Operator is Operator.Subtraction or Operator.Multiplication or Operator.Division
            or Operator.Remainder or Operator.Exponentiation or Operator.BitwiseAnd or Operator.BitwiseOr
            or Operator.BitwiseXor or Operator.LeftShift or Operator.RightShift or Operator.UnsignedRightShift,
        _ => false,
    };

    static bool IsCommutative(Operator op) => op is Operator.Multiplication or Operator.BitwiseAnd or Operator.BitwiseOr
        or Operator.BitwiseXor or Operator.StrictEquality or Operator.StrictInequality;

    void VisitLogical(LogicalExpression le)
    {
        var end = new Label();
        VisitExpression(le.Left);
        switch (le.Operator)
        {
            case Operator.LogicalAnd: B.EmitJump(Opcode.JumpIfToBooleanFalse, end); break;
            case Operator.LogicalOr: B.EmitJump(Opcode.JumpIfToBooleanTrue, end); break;
            default: B.EmitJump(Opcode.JumpIfNotNullish, end); break;
        }
        VisitExpression(le.Right);
        B.Bind(end);
    }

    void VisitYield(YieldExpression ye)
    {
        if (ye.Delegate) { VisitYieldStar(ye); return; }
        if (ye.Argument != null) VisitExpression(ye.Argument); else B.Emit(Opcode.LdaUndefined);
        EmitYieldAndDispatch(ye);
    }

    /// <summary>Suspends with the accumulator as the yielded value; on resume handles throw (mode 1) and return (mode 2).</summary>
    void EmitYieldAndDispatch(Node at)
    {
        int mode = fn.GeneratorModeReg;
        Pos(at);
        B.Emit(Opcode.Yield, mode);
        int v = fn.Temp();
        B.Emit(Opcode.Star, v);
        var notThrow = new Label(); var notReturn = new Label();
        B.Emit(Opcode.LdaSmi, 1);
        B.Emit(Opcode.TestStrictEqual, mode, B.NewSlot());
        B.EmitJump(Opcode.JumpIfFalse, notThrow);
        B.Emit(Opcode.Ldar, v);
        B.Emit(Opcode.Throw);
        B.Bind(notThrow);
        B.Emit(Opcode.LdaSmi, 2);
        B.Emit(Opcode.TestStrictEqual, mode, B.NewSlot());
        B.EmitJump(Opcode.JumpIfFalse, notReturn);
        B.Emit(Opcode.Ldar, v);
        EmitReturn(at);
        B.Bind(notReturn);
        B.Emit(Opcode.Ldar, v);
    }

    void VisitYieldStar(YieldExpression ye)
    {
        int mode = fn.GeneratorModeReg;
        VisitExpression(ye.Argument!);
        int regs = fn.Temps(4); // iterator, next, mode, received
        B.Emit(Opcode.GetIterator, regs);
        B.Emit(Opcode.LdaZero); B.Emit(Opcode.Star, regs + 2);
        B.Emit(Opcode.LdaUndefined); B.Emit(Opcode.Star, regs + 3);
        var loop = new Label(); var done = new Label();
        B.Bind(loop);
        // next(received) is an ordinary call, so a generator being delegated to resumes in the same
        // dispatch loop (no C# recursion per yield* level); throw/return go through the runtime.
        var viaRuntime = new Label(); var stepped = new Label();
        int res = fn.Temp();
        B.Emit(Opcode.LdaZero);
        B.Emit(Opcode.TestStrictEqual, regs + 2, B.NewSlot());
        B.EmitJump(Opcode.JumpIfFalse, viaRuntime);
        Pos(ye);
        B.Emit(Opcode.Call, regs + 1, regs, regs + 3, 1, B.NewSlot());
        B.Emit(Opcode.Star, res);
        EmitRuntime(RuntimeId.CheckIterResult, res, 1);
        B.EmitJump(Opcode.Jump, stepped);
        B.Bind(viaRuntime);
        EmitRuntime(RuntimeId.YieldStarStep, regs, 4);
        B.Emit(Opcode.Star, res);
        B.Bind(stepped);
        B.Emit(Opcode.GetNamed, res, NameIdx("done"), B.NewSlot());
        B.EmitJump(Opcode.JumpIfToBooleanTrue, done);
        B.Emit(Opcode.GetNamed, res, NameIdx("value"), B.NewSlot());
        Pos(ye);
        B.Emit(Opcode.Yield, mode);
        B.Emit(Opcode.Star, regs + 3);
        B.Emit(Opcode.Mov, mode, regs + 2);
        B.EmitJump(Opcode.Jump, loop);
        B.Bind(done);
        B.Emit(Opcode.GetNamed, res, NameIdx("value"), B.NewSlot());
        var normal = new Label();
        int v = fn.Temp();
        B.Emit(Opcode.Star, v);
        B.Emit(Opcode.LdaSmi, 2);
        B.Emit(Opcode.TestStrictEqual, regs + 2, B.NewSlot());
        B.EmitJump(Opcode.JumpIfFalse, normal);
        B.Emit(Opcode.Ldar, v);
        EmitReturn(ye);
        B.Bind(normal);
        B.Emit(Opcode.Ldar, v);
    }
}
