namespace Flywheel.Engine.Interpreter;

internal sealed unsafe partial class Interp
{
    static readonly byte[] Sizes = OpcodeTable.Rows.Select(r => (byte)r.Size).ToArray();

    /// <summary>
    /// The dispatch loop. Runs from frame <paramref name="entryFp"/> (which has the Entry flag) until
    /// that frame returns or, for generators, yields. pc points at the current instruction until it
    /// completes, so a throw is attributed to the right handler-table range and source position.
    /// </summary>
    JsValue Run(ulong* entryFp, int startPc, JsValue startAcc)
    {
        ulong* fp = entryFp;
        var t = FrameTemplate(fp);
        byte* code = t.Code;
        byte* pc = code + startPc;
        JsValue acc = startAcc;
        JsValue* regs = (JsValue*)(fp + JsStack.HeaderSlots);
        while (true)
        {
            try
            {
                while (true)
                {
                    var op = (Opcode)(*pc);
                    switch (op)
                    {
                        case Opcode.Nop: case Opcode.Debugger: break;
                        case Opcode.LdaUndefined: acc = JsValue.Undefined; break;
                        case Opcode.LdaNull: acc = JsValue.Null; break;
                        case Opcode.LdaTrue: acc = JsValue.True; break;
                        case Opcode.LdaFalse: acc = JsValue.False; break;
                        case Opcode.LdaHole: acc = JsValue.Empty; break;
                        case Opcode.LdaZero: acc = JsValue.Zero; break;
                        case Opcode.LdaSmi: acc = JsValue.FromInt(*(int*)(pc + 1)); break;
                        case Opcode.LdaConstant: acc = t.Constants[*(int*)(pc + 1)]; break;
                        case Opcode.Ldar: acc = regs[*(ushort*)(pc + 1)]; break;
                        case Opcode.Star: regs[*(ushort*)(pc + 1)] = acc; break;
                        case Opcode.Mov: regs[*(ushort*)(pc + 3)] = regs[*(ushort*)(pc + 1)]; break;
                        case Opcode.LdaContextSlot:
                            {
                                nint c = (nint)fp[JsStack.ContextSlot];
                                for (int d = *(ushort*)(pc + 1); d > 0; d--) c = Layout.Val(c, Layout.ContextParent).Ptr;
                                acc = Layout.CtxSlot(c, *(ushort*)(pc + 3));
                                break;
                            }
                        case Opcode.StaContextSlot:
                            {
                                nint c = (nint)fp[JsStack.ContextSlot];
                                for (int d = *(ushort*)(pc + 1); d > 0; d--) c = Layout.Val(c, Layout.ContextParent).Ptr;
                                Layout.CtxSlot(c, *(ushort*)(pc + 3)) = acc;
                                break;
                            }
                        case Opcode.LdaCurrentContext: acc = new JsValue(fp[JsStack.ContextSlot]); break;
                        case Opcode.StaCurrentContext: fp[JsStack.ContextSlot] = acc.Bits; break;
                        case Opcode.PushContext:
                            fp[JsStack.ContextSlot] = (ulong)realm.NewContext(*(ushort*)(pc + 1), new JsValue(fp[JsStack.ContextSlot]));
                            break;
                        case Opcode.PopContext:
                            fp[JsStack.ContextSlot] = Layout.Val((nint)fp[JsStack.ContextSlot], Layout.ContextParent).Bits;
                            break;
                        case Opcode.CloneContext:
                            {
                                nint c = (nint)fp[JsStack.ContextSlot];
                                int n = (int)Layout.Aux(c);
                                nint nc = realm.NewContext(n, Layout.Val(c, Layout.ContextParent));
                                for (int i = 0; i < n; i++) Layout.CtxSlot(nc, i) = Layout.CtxSlot(c, i);
                                fp[JsStack.ContextSlot] = (ulong)nc;
                                break;
                            }
                        case Opcode.LdaGlobal: acc = realm.LoadGlobal(t.Constants[*(int*)(pc + 1)], true); break;
                        case Opcode.LdaGlobalOrUndefined: acc = realm.LoadGlobal(t.Constants[*(int*)(pc + 1)], false); break;
                        case Opcode.StaGlobal: realm.StoreGlobal(t.Constants[*(int*)(pc + 1)], acc, true); break;
                        case Opcode.StaGlobalSloppy: realm.StoreGlobal(t.Constants[*(int*)(pc + 1)], acc, false); break;
                        case Opcode.DeclareGlobalVar: realm.DeclareGlobalVar(t.Constants[*(int*)(pc + 1)]); break;
                        case Opcode.DeclareGlobalLexical: realm.DeclareGlobalLexical(t.Constants[*(int*)(pc + 1)], *(ushort*)(pc + 5) != 0); break;
                        case Opcode.InitGlobalLexical: realm.InitGlobalLexical(t.Constants[*(int*)(pc + 1)], acc); break;
                        case Opcode.LdaReceiver: acc = new JsValue(fp[JsStack.ReceiverSlot]); break;
                        case Opcode.LdaFunction: acc = new JsValue(fp[JsStack.CalleeSlot]); break;
                        case Opcode.LdaNewTarget:
                            acc = (new JsValue(fp[JsStack.FlagsSlot]).Int32 & (int)FrameFlags.Generator) != 0 ? JsValue.Undefined : new JsValue(fp[JsStack.NewTargetSlot]);
                            break;
                        case Opcode.CreateArguments: acc = CreateArguments(fp); break;
                        case Opcode.CreateRest:
                            {
                                int argc = new JsValue(fp[JsStack.ArgcSlot]).Int32, start = *(ushort*)(pc + 1);
                                int n = Math.Max(0, argc - start);
                                acc = JsValue.FromPtr(realm.NewArrayFrom(new ReadOnlySpan<JsValue>((JsValue*)(fp - argc + start), n)));
                                break;
                            }
                        case Opcode.ThrowIfHole:
                            if (acc.IsEmpty) throw new JsThrow(realm.MakeError(ErrorKind.ReferenceError, $"Cannot access '{Realm.ToClr(t.Constants[*(int*)(pc + 1)])}' before initialization"));
                            break;
                        case Opcode.ThrowIfThisHole:
                            if (acc.IsEmpty) throw new JsThrow(realm.MakeError(ErrorKind.ReferenceError, "Must call super constructor in derived class before accessing 'this' or returning from derived constructor"));
                            break;
                        case Opcode.ThrowConstAssign: throw new JsThrow(realm.MakeError(ErrorKind.TypeError, "Assignment to constant variable."));
                        case Opcode.GetNamed:
                            {
                                var obj = regs[*(ushort*)(pc + 1)];
                                var key = new PropKey(t.Constants[*(int*)(pc + 3)].Bits);
                                if (obj.IsNullish) throw new JsThrow(realm.MakeError(ErrorKind.TypeError, $"Cannot read properties of {(obj.IsNull ? "null" : "undefined")} (reading '{realm.KeyToClr(key)}')"));
                                acc = realm.Get(obj, key);
                                break;
                            }
                        case Opcode.SetNamed:
                            realm.Set(regs[*(ushort*)(pc + 1)], new PropKey(t.Constants[*(int*)(pc + 3)].Bits), acc, t.IsStrict);
                            break;
                        case Opcode.DefineNamed:
                            realm.DefineData(regs[*(ushort*)(pc + 1)].Ptr, realm.KeyFromString(t.Constants[*(int*)(pc + 3)]), acc);
                            break;
                        case Opcode.GetKeyed: acc = GetKeyed(regs[*(ushort*)(pc + 1)], acc); break;
                        case Opcode.SetKeyed: SetKeyed(regs[*(ushort*)(pc + 1)], regs[*(ushort*)(pc + 3)], acc, t.IsStrict); break;
                        case Opcode.DefineKeyed:
                            realm.DefineData(regs[*(ushort*)(pc + 1)].Ptr, realm.ToPropertyKey(regs[*(ushort*)(pc + 3)]), acc,
                                *(ushort*)(pc + 5) != 0 ? PropFlags.Default : PropFlags.Hidden);
                            break;
                        case Opcode.DefineGetter:
                        case Opcode.DefineSetter:
                            {
                                var k = realm.ToPropertyKey(regs[*(ushort*)(pc + 3)]);
                                var fl = (*(ushort*)(pc + 5) != 0 ? PropFlags.Enumerable : 0) | PropFlags.Configurable;
                                if (op == Opcode.DefineGetter) realm.DefineAccessor(regs[*(ushort*)(pc + 1)].Ptr, k, acc, JsValue.Empty, fl);
                                else realm.DefineAccessor(regs[*(ushort*)(pc + 1)].Ptr, k, JsValue.Empty, acc, fl);
                                break;
                            }
                        case Opcode.DeleteKeyed: acc = DeleteKeyed(regs[*(ushort*)(pc + 1)], acc, t.IsStrict); break;
                        case Opcode.GetSuper: acc = GetSuper(fp, acc); break;
                        case Opcode.SetSuper: SetSuper(fp, regs[*(ushort*)(pc + 1)], acc); break;
                        case Opcode.Add:
                            {
                                var l = regs[*(ushort*)(pc + 1)];
                                if (l.IsInt32 && acc.IsInt32) { long r = (long)l.Int32 + acc.Int32; acc = r == (int)r ? JsValue.FromInt((int)r) : JsValue.FromDoubleRaw(r); }
                                else if (l.IsNumber && acc.IsNumber) acc = JsValue.FromNumber(l.Number + acc.Number);
                                else acc = realm.Add(l, acc);
                                break;
                            }
                        case Opcode.Sub:
                            {
                                var l = regs[*(ushort*)(pc + 1)];
                                if (l.IsInt32 && acc.IsInt32) { long r = (long)l.Int32 - acc.Int32; acc = r == (int)r ? JsValue.FromInt((int)r) : JsValue.FromDoubleRaw(r); }
                                else acc = JsValue.FromNumber(Num(l) - Num(acc));
                                break;
                            }
                        case Opcode.Mul:
                            {
                                var l = regs[*(ushort*)(pc + 1)];
                                if (l.IsInt32 && acc.IsInt32) { long r = (long)l.Int32 * acc.Int32; acc = r == (int)r && !(r == 0 && (l.Int32 < 0 || acc.Int32 < 0)) ? JsValue.FromInt((int)r) : JsValue.FromNumber((double)l.Int32 * acc.Int32); }
                                else acc = JsValue.FromNumber(Num(l) * Num(acc));
                                break;
                            }
                        case Opcode.Div: { var l = regs[*(ushort*)(pc + 1)]; double a = Num(l); acc = JsValue.FromNumber(a / Num(acc)); break; }
                        case Opcode.Mod:
                            {
                                var l = regs[*(ushort*)(pc + 1)];
                                if (l.IsInt32 && acc.IsInt32 && l.Int32 >= 0 && acc.Int32 > 0) acc = JsValue.FromInt(l.Int32 % acc.Int32);
                                else { double a = Num(l); acc = JsValue.FromNumber(Operators.Mod(a, Num(acc))); }
                                break;
                            }
                        case Opcode.Exp: { var l = regs[*(ushort*)(pc + 1)]; double a = Num(l); acc = JsValue.FromNumber(Operators.Pow(a, Num(acc))); break; }
                        case Opcode.BitOr: { var l = regs[*(ushort*)(pc + 1)]; int a = realm.ToInt32(l); acc = JsValue.FromInt(a | realm.ToInt32(acc)); break; }
                        case Opcode.BitXor: { var l = regs[*(ushort*)(pc + 1)]; int a = realm.ToInt32(l); acc = JsValue.FromInt(a ^ realm.ToInt32(acc)); break; }
                        case Opcode.BitAnd: { var l = regs[*(ushort*)(pc + 1)]; int a = realm.ToInt32(l); acc = JsValue.FromInt(a & realm.ToInt32(acc)); break; }
                        case Opcode.Shl: { var l = regs[*(ushort*)(pc + 1)]; int a = realm.ToInt32(l); acc = JsValue.FromInt(a << (realm.ToInt32(acc) & 31)); break; }
                        case Opcode.Sar: { var l = regs[*(ushort*)(pc + 1)]; int a = realm.ToInt32(l); acc = JsValue.FromInt(a >> (realm.ToInt32(acc) & 31)); break; }
                        case Opcode.Shr: { var l = regs[*(ushort*)(pc + 1)]; uint a = (uint)realm.ToInt32(l); acc = JsValue.FromNumber(a >> (realm.ToInt32(acc) & 31)); break; }
                        case Opcode.Inc: acc = acc.IsInt32 && acc.Int32 != int.MaxValue ? JsValue.FromInt(acc.Int32 + 1) : JsValue.FromNumber(Num(acc) + 1); break;
                        case Opcode.Dec: acc = acc.IsInt32 && acc.Int32 != int.MinValue ? JsValue.FromInt(acc.Int32 - 1) : JsValue.FromNumber(Num(acc) - 1); break;
                        case Opcode.Negate: acc = acc.IsInt32 && acc.Int32 != 0 && acc.Int32 != int.MinValue ? JsValue.FromInt(-acc.Int32) : JsValue.FromNumber(-Num(acc)); break;
                        case Opcode.BitNot: acc = JsValue.FromInt(~realm.ToInt32(acc)); break;
                        case Opcode.ToNumeric: if (!acc.IsNumber) acc = JsValue.FromNumber(realm.ToNumber(acc)); break;
                        case Opcode.Not: acc = JsValue.FromBool(!Realm.ToBoolean(acc)); break;
                        case Opcode.TypeOf: acc = JsValue.FromPtr(realm.Intern(realm.TypeOfString(acc))); break;
                        case Opcode.TestEqual: acc = JsValue.FromBool(realm.LooseEquals(regs[*(ushort*)(pc + 1)], acc)); break;
                        case Opcode.TestStrictEqual:
                            {
                                var l = regs[*(ushort*)(pc + 1)];
                                acc = JsValue.FromBool(l.Bits == acc.Bits ? !(l.IsDouble && double.IsNaN(l.Double)) : Realm.StrictEquals(l, acc));
                                break;
                            }
                        case Opcode.TestLessThan:
                            {
                                var l = regs[*(ushort*)(pc + 1)];
                                acc = l.IsInt32 && acc.IsInt32 ? JsValue.FromBool(l.Int32 < acc.Int32) : JsValue.FromBool(realm.LessThan(l, acc) == true);
                                break;
                            }
                        case Opcode.TestGreaterThan:
                            {
                                var l = regs[*(ushort*)(pc + 1)];
                                acc = l.IsInt32 && acc.IsInt32 ? JsValue.FromBool(l.Int32 > acc.Int32) : JsValue.FromBool(realm.LessThan(acc, l, false) == true);
                                break;
                            }
                        case Opcode.TestLessThanOrEqual:
                            {
                                var l = regs[*(ushort*)(pc + 1)];
                                acc = l.IsInt32 && acc.IsInt32 ? JsValue.FromBool(l.Int32 <= acc.Int32) : JsValue.FromBool(realm.LessThan(acc, l, false) == false);
                                break;
                            }
                        case Opcode.TestGreaterThanOrEqual:
                            {
                                var l = regs[*(ushort*)(pc + 1)];
                                acc = l.IsInt32 && acc.IsInt32 ? JsValue.FromBool(l.Int32 >= acc.Int32) : JsValue.FromBool(realm.LessThan(l, acc) == false);
                                break;
                            }
                        case Opcode.TestInstanceOf: acc = JsValue.FromBool(realm.InstanceOf(regs[*(ushort*)(pc + 1)], acc)); break;
                        case Opcode.TestIn:
                            {
                                if (!Realm.IsObject(acc)) throw new JsThrow(realm.MakeError(ErrorKind.TypeError, $"Cannot use 'in' operator to search for '{realm.ToClrString(regs[*(ushort*)(pc + 1)])}' in {realm.ToClrString(acc)}"));
                                acc = JsValue.FromBool(realm.HasProperty(acc.Ptr, realm.ToPropertyKey(regs[*(ushort*)(pc + 1)])));
                                break;
                            }
                        case Opcode.TestPrivateIn:
                            if (!Realm.IsObject(acc)) throw new JsThrow(realm.MakeError(ErrorKind.TypeError, "Cannot use 'in' operator to search for a private field in a non-object"));
                            acc = JsValue.FromBool(realm.GetOwnRaw(acc.Ptr, PropKey.FromCell(regs[*(ushort*)(pc + 1)].Ptr), out _, out _));
                            break;
                        case Opcode.TestNullish: acc = JsValue.FromBool(acc.IsNullish); break;
                        case Opcode.TestUndefined: acc = JsValue.FromBool(acc.IsUndefined); break;
                        case Opcode.ToStringOp: if (!Realm.IsString(acc)) acc = realm.ToStringValue(acc); break;
                        case Opcode.ToPropertyKey:
                            if (!(acc.IsInt32 || Realm.IsString(acc) || Realm.IsSymbol(acc))) { var k = realm.ToPropertyKey(acc); acc = k.IsIndex ? JsValue.FromNumber(k.Index) : JsValue.FromPtr(k.Ptr); }
                            break;
                        case Opcode.Jump: pc += *(int*)(pc + 1); continue;
                        case Opcode.JumpLoop:
                            pc += *(int*)(pc + 1);
                            Safepoint(acc);
                            continue;
                        case Opcode.JumpIfTrue: if (acc.Bits == JsValue.TrueBits) { pc += *(int*)(pc + 1); continue; } break;
                        case Opcode.JumpIfFalse: if (acc.Bits == JsValue.FalseBits) { pc += *(int*)(pc + 1); continue; } break;
                        case Opcode.JumpIfToBooleanTrue: if (Realm.ToBoolean(acc)) { pc += *(int*)(pc + 1); continue; } break;
                        case Opcode.JumpIfToBooleanFalse: if (!Realm.ToBoolean(acc)) { pc += *(int*)(pc + 1); continue; } break;
                        case Opcode.JumpIfNullish: if (acc.IsNullish) { pc += *(int*)(pc + 1); continue; } break;
                        case Opcode.JumpIfNotNullish: if (!acc.IsNullish) { pc += *(int*)(pc + 1); continue; } break;
                        case Opcode.JumpIfUndefined: if (acc.IsUndefined) { pc += *(int*)(pc + 1); continue; } break;
                        case Opcode.JumpIfNotUndefined: if (!acc.IsUndefined) { pc += *(int*)(pc + 1); continue; } break;
                        case Opcode.JumpIfHole: if (acc.IsEmpty) { pc += *(int*)(pc + 1); continue; } break;

                        case Opcode.Call:
                        case Opcode.CallSpread:
                        case Opcode.Construct:
                        case Opcode.ConstructSpread:
                        case Opcode.SuperCall:
                        case Opcode.SuperCallSpread:
                            {
                                CurFp = fp;
                                CurPc = (int)(pc - code);
                                JsValue callee, recv = JsValue.Undefined, newTarget = JsValue.Undefined;
                                JsValue* argv;
                                int argc;
                                ulong* spreadBase = null;
                                switch (op)
                                {
                                    case Opcode.Call:
                                        callee = regs[*(ushort*)(pc + 1)]; recv = regs[*(ushort*)(pc + 3)];
                                        argv = regs + *(ushort*)(pc + 5); argc = *(ushort*)(pc + 7);
                                        break;
                                    case Opcode.CallSpread:
                                        callee = regs[*(ushort*)(pc + 1)]; recv = regs[*(ushort*)(pc + 3)];
                                        spreadBase = SpreadArgs(regs[*(ushort*)(pc + 5)], out argc); argv = (JsValue*)spreadBase;
                                        break;
                                    case Opcode.Construct:
                                        callee = newTarget = regs[*(ushort*)(pc + 1)];
                                        argv = regs + *(ushort*)(pc + 3); argc = *(ushort*)(pc + 5);
                                        break;
                                    case Opcode.ConstructSpread:
                                        callee = newTarget = regs[*(ushort*)(pc + 1)];
                                        spreadBase = SpreadArgs(regs[*(ushort*)(pc + 3)], out argc); argv = (JsValue*)spreadBase;
                                        break;
                                    case Opcode.SuperCall:
                                        callee = SuperConstructor(fp); newTarget = new JsValue(fp[JsStack.NewTargetSlot]);
                                        argv = regs + *(ushort*)(pc + 1); argc = *(ushort*)(pc + 3);
                                        break;
                                    default:
                                        callee = SuperConstructor(fp); newTarget = new JsValue(fp[JsStack.NewTargetSlot]);
                                        spreadBase = SpreadArgs(regs[*(ushort*)(pc + 1)], out argc); argv = (JsValue*)spreadBase;
                                        break;
                                }
                                bool construct = !newTarget.IsUndefined;
                                if (!construct) UnwrapCall(ref callee, ref recv, ref argv, ref argc, ref spreadBase);
                                if (construct ? !Realm.IsConstructor(callee) : !Realm.IsCallable(callee))
                                    throw new JsThrow(realm.MakeError(ErrorKind.TypeError, CallErrorMessage(t, (int)(pc - code), callee, construct)));
                                nint fo = callee.Ptr;
                                FunctionTemplate ct;
                                if (Functions.Kind(fo) == FunctionKind.Bytecode && ((ct = Functions.Template(realm, fo)).Flags & (FunctionFlags.Generator | FunctionFlags.Async)) == 0
                                    && (construct || (ct.Flags & FunctionFlags.ClassConstructor) == 0))
                                {
                                    var thisv = construct ? ConstructReceiver(ct, newTarget) : CoerceThis(ct, recv);
                                    ulong* nargs = spreadBase != null ? spreadBase : Stack.Top;
                                    if (spreadBase == null)
                                    {
                                        if (nargs + argc + 8 + ct.RegisterCount > Stack.Limit) throw StackOverflow();
                                        Buffer.MemoryCopy(argv, nargs, argc * 8, argc * 8);
                                    }
                                    int retPc = (int)(pc - code) + Sizes[(int)op];
                                    fp = PushFrame(callee, ct, thisv, newTarget, nargs, argc, construct ? FrameFlags.Construct : FrameFlags.None, retPc, fp);
                                    t = ct; code = t.Code; pc = code; regs = (JsValue*)(fp + JsStack.HeaderSlots);
                                    Safepoint(JsValue.Undefined);
                                    continue;
                                }
                                try
                                {
                                    acc = InvokeAt(callee, construct ? JsValue.Empty : recv, argv, argc, newTarget);
                                }
                                finally
                                {
                                    if (spreadBase != null) Stack.Top = spreadBase;
                                }
                                break;
                            }
                        case Opcode.CallRuntime:
                            CurFp = fp;
                            CurPc = (int)(pc - code);
                            acc = RuntimeFunctions.Call(realm, fp, (RuntimeId)(*(ushort*)(pc + 1)), regs + *(ushort*)(pc + 3), *(ushort*)(pc + 5));
                            break;
                        case Opcode.Return:
                            {
                                int flags = new JsValue(fp[JsStack.FlagsSlot]).Int32;
                                if ((flags & (int)FrameFlags.Construct) != 0 && !Realm.IsObject(acc)) acc = new JsValue(fp[JsStack.ReceiverSlot]);
                                int argc = new JsValue(fp[JsStack.ArgcSlot]).Int32;
                                int callerIdx = new JsValue(fp[JsStack.CallerFpSlot]).Int32;
                                int retPc = new JsValue(fp[JsStack.ReturnPcSlot]).Int32;
                                if ((flags & (int)FrameFlags.Generator) != 0) Generators.Complete(realm, new JsValue(fp[JsStack.NewTargetSlot]));
                                Stack.Top = fp - argc;
                                Depth--;
                                if ((flags & (int)FrameFlags.Entry) != 0) { Yielded = false; CurFp = callerIdx < 0 ? null : Stack.Base + callerIdx; return acc; }
                                fp = Stack.Base + callerIdx;
                                t = FrameTemplate(fp); code = t.Code; pc = code + retPc; regs = (JsValue*)(fp + JsStack.HeaderSlots);
                                Stack.Top = (ulong*)(regs + t.RegisterCount);
                                Safepoint(acc);
                                continue;
                            }
                        case Opcode.Throw:
                            CurFp = fp; CurPc = (int)(pc - code);
                            throw new JsThrow(acc);
                        case Opcode.ReThrow:
                            throw new JsThrow(acc) { Rethrown = true };
                        case Opcode.CreateClosure:
                            {
                                var child = t.Children[*(int*)(pc + 1)];
                                var home = (child.Flags & FunctionFlags.Arrow) != 0 ? Layout.Internal((nint)fp[JsStack.CalleeSlot], 2) : JsValue.Undefined;
                                acc = JsValue.FromPtr(realm.NewClosure(child, new JsValue(fp[JsStack.ContextSlot]), home));
                                break;
                            }
                        case Opcode.CreateObject: acc = JsValue.FromPtr(realm.NewObject(JsValue.FromPtr(realm.ObjectPrototype))); break;
                        case Opcode.CreateArray: acc = JsValue.FromPtr(realm.NewArray()); break;
                        case Opcode.ArrayPush:
                            {
                                nint a = regs[*(ushort*)(pc + 1)].Ptr;
                                realm.PutElement(a, Realm.ArrayLength(a), acc);
                                break;
                            }
                        case Opcode.ArrayPushHole:
                            {
                                nint a = regs[*(ushort*)(pc + 1)].Ptr;
                                Realm.SetArrayLengthRaw(a, Realm.ArrayLength(a) + 1);
                                break;
                            }
                        case Opcode.ArrayPushSpread: ArrayPushSpread(regs[*(ushort*)(pc + 1)].Ptr, acc); break;
                        case Opcode.CreateRegExp:
                            acc = Builtins.RegExpBuiltins.Create(realm, t.Constants[*(int*)(pc + 1)], t.Constants[*(int*)(pc + 5)]);
                            break;
                        case Opcode.CopyDataProperties:
                            Builtins.ObjectBuiltins.CopyDataProperties(realm, regs[*(ushort*)(pc + 1)].Ptr, acc, default);
                            break;
                        case Opcode.GetTemplateObject: acc = t.Constants[*(int*)(pc + 1)]; break;
                        case Opcode.GetIterator: GetIterator(acc, regs + *(ushort*)(pc + 1)); break;
                        case Opcode.IteratorStep:
                            {
                                CurFp = fp; CurPc = (int)(pc - code);
                                if (!IteratorStep(regs + *(ushort*)(pc + 1), out acc)) { pc += *(int*)(pc + 3); continue; }
                                break;
                            }
                        case Opcode.IteratorClose: IteratorClose(regs[*(ushort*)(pc + 1)]); break;
                        case Opcode.ForInPrepare: regs[*(ushort*)(pc + 1)] = ForInPrepare(acc); break;
                        case Opcode.ForInNext:
                            if (!ForInNext(regs[*(ushort*)(pc + 1)], out acc)) { pc += *(int*)(pc + 3); continue; }
                            break;
                        case Opcode.Yield:
                            {
                                var gen = new JsValue(fp[JsStack.NewTargetSlot]);
                                int resume = (int)(pc - code) + Sizes[(int)op];
                                Generators.Suspend(realm, gen, fp, t, resume, *(ushort*)(pc + 1));
                                int argc = new JsValue(fp[JsStack.ArgcSlot]).Int32;
                                Stack.Top = fp - argc;
                                Depth--;
                                Yielded = true;
                                int yCaller = new JsValue(fp[JsStack.CallerFpSlot]).Int32;
                                CurFp = yCaller < 0 ? null : Stack.Base + yCaller;
                                return acc;
                            }
                        case Opcode.Await: throw new JsThrow(realm.MakeError(ErrorKind.SyntaxError, "await is not supported yet"));
                        default: throw new InvalidOperationException($"unknown opcode {op}");
                    }
                    pc += Sizes[(int)op];
                }
            }
            catch (JsThrow e)
            {
                if (!HandleThrow(e, entryFp, ref fp, ref pc, ref acc)) throw;
                t = FrameTemplate(fp); code = t.Code; regs = (JsValue*)(fp + JsStack.HeaderSlots);
            }
        }
    }

    /// <summary>Set when the last Run ended by a generator yield rather than a return.</summary>
    public bool Yielded;

    double Num(JsValue v) => v.IsNumber ? v.Number : realm.ToNumber(v);
}
