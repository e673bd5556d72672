using Acornima.Ast;

namespace Flywheel.Engine.Compiler;

internal sealed partial class BytecodeCompiler
{
    BytecodeBuilder B => fn.B;
    List<string> pendingLabels = [];

    void VisitStatement(Statement s)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        if (s is not LabeledStatement && s is not (ForStatement or ForInStatement or ForOfStatement or WhileStatement or DoWhileStatement)) pendingLabels = [];
        int mark = TempMark;
        if (completionReg >= 0 && s is IfStatement or ForStatement or ForInStatement or ForOfStatement or WhileStatement or DoWhileStatement or SwitchStatement or TryStatement or WithStatement)
        {
            B.Emit(Opcode.LdaUndefined);
            B.Emit(Opcode.Star, completionReg);
        }
        switch (s)
        {
            case ExpressionStatement es:
                Pos(es);
                if (completionReg >= 0) { VisitExpression(es.Expression); B.Emit(Opcode.Star, completionReg); }
                else VisitEffect(es.Expression);
                break;
            case VariableDeclaration vd: VisitVarDecl(vd); break;
            case FunctionDeclaration: break; // hoisted
            case ClassDeclaration cd:
                VisitClass(cd.Id?.Name ?? "", cd.SuperClass, cd.Body, cd);
                EmitStoreVar(cd.Id!.Name, cd, init: true);
                break;
            case ReturnStatement rs:
                Pos(rs);
                if (rs.Argument != null) VisitExpression(rs.Argument); else B.Emit(Opcode.LdaUndefined);
                EmitReturn(rs);
                break;
            case IfStatement ifs:
                {
                    var elseL = new Label(); var end = new Label();
                    Pos(ifs);
                    VisitCondition(ifs.Test, elseL, false);
                    VisitSubStatement(ifs.Consequent);
                    if (ifs.Alternate != null)
                    {
                        B.EmitJump(Opcode.Jump, end);
                        B.Bind(elseL);
                        VisitSubStatement(ifs.Alternate);
                    }
                    else B.Bind(elseL);
                    B.Bind(end);
                    break;
                }
            case BlockStatement bs: VisitBlock(bs.Body); break;
            case EmptyStatement: break;
            case DebuggerStatement: B.Emit(Opcode.Debugger); break;
            case ThrowStatement ts:
                VisitExpression(ts.Argument);
                Pos(ts);
                B.Emit(Opcode.Throw);
                break;
            case WhileStatement ws: VisitWhile(ws); break;
            case DoWhileStatement dw: VisitDoWhile(dw); break;
            case ForStatement fs: VisitFor(fs); break;
            case ForInStatement fi: VisitForIn(fi); break;
            case ForOfStatement fo: VisitForOf(fo); break;
            case LabeledStatement ls: VisitLabeled(ls); break;
            case BreakStatement bs: VisitBreak(bs); break;
            case ContinueStatement cs: VisitContinue(cs); break;
            case TryStatement ts: VisitTry(ts); break;
            case SwitchStatement ss: VisitSwitch(ss); break;
            case WithStatement ws: VisitWith(ws); break;
            default: throw Error(s, $"Unsupported statement {s.Type}");
        }
        Release(mark);
    }

    /// <summary>A statement in a sub-statement position; a bare function declaration there (sloppy `if (x) function f() {}`) acts as if in its own block.</summary>
    void VisitSubStatement(Statement s)
    {
        if (s is not FunctionDeclaration { Id: not null } fd) { VisitStatement(s); return; }
        var block = new Scope(scope, fn, false);
        block.Declare(fd.Id.Name, VarKind.Let, fn.Captured.Contains(fd.Id.Name));
        PushScope(block);
        EmitFunction(fd, fd.Id.Name);
        EmitStoreVar(fd.Id.Name, fd, init: true);
        if (!fn.IsStrict && fn.AnnexBNames.Contains(fd.Id.Name)) EmitAnnexBStore(fd.Id.Name, block, fd);
        ExitBlock(block);
    }

    void VisitBlock(in NodeList<Statement> body)
    {
        var s = EnterBlock(body);
        HoistFunctions(body, s);
        foreach (var st in body) VisitStatement(st);
        ExitBlock(s);
    }

    void VisitVarDecl(VariableDeclaration vd)
    {
        foreach (var d in vd.Declarations)
        {
            if (d.Init == null)
            {
                if (vd.Kind == VariableDeclarationKind.Var) continue;
                B.Emit(Opcode.LdaUndefined);
                BindPattern(d.Id, BindMode.Init);
                continue;
            }
            Pos(d);
            VisitNamed(d.Init, d.Id is Identifier id ? id.Name : null);
            BindPattern(d.Id, vd.Kind == VariableDeclarationKind.Var ? BindMode.Assign : BindMode.Init);
        }
    }

    /// <summary>Evaluates an expression, naming anonymous functions and classes after the binding.</summary>
    void VisitNamed(Expression e, string? name)
    {
        if (name != null)
        {
            switch (e)
            {
                case FunctionExpression { Id: null } f: EmitFunction(f, name); return;
                case ArrowFunctionExpression a: EmitFunction(a, name); return;
                case ClassExpression { Id: null } c: VisitClass(name, c.SuperClass, c.Body, c, bindName: false); return;
            }
        }
        VisitExpression(e);
    }

    // ------------------------------------------------------------------ control flow

    ControlScope PushControl(ControlKind kind)
    {
        var c = new ControlScope(kind) { ContextDepth = fn.ContextDepth };
        c.Labels.AddRange(pendingLabels);
        pendingLabels = [];
        fn.Controls.Add(c);
        return c;
    }

    void PopControl() => fn.Controls.RemoveAt(fn.Controls.Count - 1);

    void EmitPopContexts(int n) { for (int i = 0; i < n; i++) B.Emit(Opcode.PopContext); }

    /// <summary>Leaves every control scope above index <paramref name="downTo"/>, running finally blocks and closing for-of iterators, then runs <paramref name="final"/>.</summary>
    void Unwind(int downTo, Action final, bool preserveAcc)
    {
        for (int i = fn.Controls.Count - 1; i >= downTo; i--)
        {
            var c = fn.Controls[i];
            if (c.Kind == ControlKind.Finally)
            {
                EmitPopContexts(fn.ContextDepth - c.ContextDepth);
                int token = c.Deferred.Count + 2;
                if (preserveAcc) B.Emit(Opcode.Star, c.ValueReg);
                B.Emit(Opcode.LdaSmi, token);
                B.Emit(Opcode.Star, c.TokenReg);
                B.EmitJump(Opcode.Jump, c.FinallyEntry!);
                c.Deferred.Add((token, () =>
                {
                    if (preserveAcc) B.Emit(Opcode.Ldar, c.ValueReg);
                    Unwind(downTo, final, preserveAcc);
                }));
                return;
            }
            if (c.Kind == ControlKind.ForOf)
            {
                int t = fn.Temp();
                if (preserveAcc) B.Emit(Opcode.Star, t);
                B.Emit(Opcode.IteratorClose, c.IteratorReg);
                if (preserveAcc) B.Emit(Opcode.Ldar, t);
            }
        }
        final();
    }

    void EmitReturn(Node at)
    {
        int depth = fn.ContextDepth;
        Unwind(0, () =>
        {
            if (fn.IsDerivedCtor)
            {
                var ok = new Label();
                B.EmitJump(Opcode.JumpIfNotUndefined, ok);
                EmitThis(at);
                B.Bind(ok);
            }
            B.Emit(Opcode.Return);
        }, true);
        fn.ContextDepth = depth;
    }

    int FindTarget(Identifier? label, bool isContinue, Node at)
    {
        for (int i = fn.Controls.Count - 1; i >= 0; i--)
        {
            var c = fn.Controls[i];
            if (label != null)
            {
                if (c.Labels.Contains(label.Name))
                {
                    if (isContinue && c.Continue == null) throw Error(at, $"Illegal continue statement: '{label.Name}' does not denote an iteration statement");
                    return i;
                }
            }
            else if (isContinue ? c.Continue != null : c.Break != null && c.Kind != ControlKind.Block) return i;
        }
        throw Error(at, label != null ? $"Undefined label '{label.Name}'" : isContinue ? "Illegal continue statement" : "Illegal break statement");
    }

    void VisitBreak(BreakStatement bs)
    {
        int i = FindTarget(bs.Label, false, bs);
        var target = fn.Controls[i];
        int depth = fn.ContextDepth;
        Unwind(i + 1, () =>
        {
            if (target.Kind == ControlKind.ForOf) B.Emit(Opcode.IteratorClose, target.IteratorReg);
            EmitPopContexts(fn.ContextDepth - target.ContextDepth);
            B.EmitJump(Opcode.Jump, target.Break!);
        }, false);
        fn.ContextDepth = depth;
    }

    void VisitContinue(ContinueStatement cs)
    {
        int i = FindTarget(cs.Label, true, cs);
        var target = fn.Controls[i];
        int depth = fn.ContextDepth;
        Unwind(i + 1, () =>
        {
            EmitPopContexts(fn.ContextDepth - target.ContinueDepth);
            B.EmitJump(Opcode.Jump, target.Continue!);
        }, false);
        fn.ContextDepth = depth;
    }

    void VisitLabeled(LabeledStatement ls)
    {
        pendingLabels.Add(ls.Label.Name);
        if (ls.Body is ForStatement or ForInStatement or ForOfStatement or WhileStatement or DoWhileStatement or LabeledStatement)
        {
            VisitStatement(ls.Body);
            return;
        }
        var c = PushControl(ControlKind.Block);
        c.Break = new Label();
        VisitStatement(ls.Body);
        PopControl();
        B.Bind(c.Break);
    }

    void VisitWhile(WhileStatement ws)
    {
        var c = PushControl(ControlKind.Loop);
        c.Break = new Label(); c.Continue = new Label(); c.ContinueDepth = fn.ContextDepth;
        B.Bind(c.Continue);
        int top = B.Offset;
        VisitCondition(ws.Test, c.Break, false);
        VisitStatement(ws.Body);
        EmitLoop(top);
        PopControl();
        B.Bind(c.Break);
    }

    void EmitLoop(int top)
    {
        var l = new Label { Position = top };
        B.EmitJump(Opcode.JumpLoop, l, B.NewSlot());
    }

    void VisitDoWhile(DoWhileStatement dw)
    {
        var c = PushControl(ControlKind.Loop);
        c.Break = new Label(); c.Continue = new Label(); c.ContinueDepth = fn.ContextDepth;
        int top = B.Offset;
        VisitStatement(dw.Body);
        B.Bind(c.Continue);
        VisitCondition(dw.Test, c.Break, false);
        EmitLoop(top);
        PopControl();
        B.Bind(c.Break);
    }

    void VisitFor(ForStatement fs)
    {
        Scope? loopScope = null;
        var labels = pendingLabels; pendingLabels = [];
        if (fs.Init is VariableDeclaration { Kind: not VariableDeclarationKind.Var } vd)
        {
            loopScope = new Scope(scope, fn, false);
            DeclareLexical(vd, loopScope, false);
            PushScope(loopScope);
            VisitVarDecl(vd);
        }
        else if (fs.Init is VariableDeclaration vdv) VisitVarDecl(vdv);
        else if (fs.Init is Expression ie) { VisitExpression(ie); }
        pendingLabels = labels;
        var c = PushControl(ControlKind.Loop);
        c.Break = new Label(); c.Continue = new Label(); c.ContinueDepth = fn.ContextDepth;
        int top = B.Offset;
        if (fs.Test != null) VisitCondition(fs.Test, c.Break, false);
        VisitStatement(fs.Body);
        B.Bind(c.Continue);
        if (loopScope is { HasContext: true }) B.Emit(Opcode.CloneContext);
        if (fs.Update != null) { int m = TempMark; VisitEffect(fs.Update); Release(m); }
        EmitLoop(top);
        PopControl();
        B.Bind(c.Break);
        if (loopScope != null) ExitBlock(loopScope);
    }

    /// <summary>Binds the loop variable of a for-in/for-of (value in the accumulator), pushing a fresh iteration scope for let/const.</summary>
    Scope? BindLoopTarget(Node left)
    {
        if (left is VariableDeclaration vd)
        {
            if (vd.Kind == VariableDeclarationKind.Var) { BindPattern(vd.Declarations[0].Id, BindMode.Assign); return null; }
            var s = new Scope(scope, fn, false);
            DeclareLexical(vd, s, false);
            int t = fn.Temp();
            B.Emit(Opcode.Star, t);
            PushScope(s);
            B.Emit(Opcode.Ldar, t);
            BindPattern(vd.Declarations[0].Id, BindMode.Init);
            return s;
        }
        BindPattern(left, BindMode.Assign);
        return null;
    }

    void VisitForIn(ForInStatement fi)
    {
        var labels = pendingLabels; pendingLabels = [];
        VisitExpression(fi.Right);
        int it = fn.Temp();
        B.Emit(Opcode.ForInPrepare, it);
        pendingLabels = labels;
        var c = PushControl(ControlKind.Loop);
        c.Break = new Label(); c.Continue = new Label(); c.ContinueDepth = fn.ContextDepth;
        B.Bind(c.Continue);
        int top = B.Offset;
        B.EmitJump(Opcode.ForInNext, c.Break, it);
        var s = BindLoopTarget(fi.Left);
        if (s != null) c.ContinueDepth = fn.ContextDepth;
        VisitStatement(fi.Body);
        if (s != null) ExitBlock(s);
        EmitLoop(top);
        PopControl();
        B.Bind(c.Break);
    }

    void VisitForOf(ForOfStatement fo)
    {
        if (fo.Await) throw Error(fo, "for await is not supported yet");
        var labels = pendingLabels; pendingLabels = [];
        VisitExpression(fo.Right);
        int it = fn.Temps(2);
        B.Emit(Opcode.GetIterator, it);
        pendingLabels = labels;
        var c = PushControl(ControlKind.ForOf);
        c.IteratorReg = it;
        c.Break = new Label(); c.Continue = new Label(); c.ContinueDepth = fn.ContextDepth;
        var done = new Label();
        int ctx = fn.Temp();
        B.Emit(Opcode.LdaCurrentContext);
        B.Emit(Opcode.Star, ctx);
        B.Bind(c.Continue);
        int top = B.Offset;
        B.EmitJump(Opcode.IteratorStep, done, it);
        int bodyStart = B.Offset;
        var s = BindLoopTarget(fo.Left);
        VisitStatement(fo.Body);
        if (s != null) ExitBlock(s);
        EmitLoop(top);
        int bodyEnd = B.Offset;
        // An exception in the body closes the iterator (ignoring errors from return()) and rethrows.
        int handler = B.Offset;
        int ex = fn.Temp();
        B.Emit(Opcode.Star, ex);
        EmitRuntime(RuntimeId.IteratorCloseQuiet, it, 1);
        B.Emit(Opcode.Ldar, ex);
        B.Emit(Opcode.ReThrow);
        fn.Handlers.Add(new HandlerEntry(bodyStart, bodyEnd, handler, ctx));
        PopControl();
        B.Bind(c.Break);
        B.Bind(done);
    }

    void VisitSwitch(SwitchStatement ss)
    {
        VisitExpression(ss.Discriminant);
        int d = fn.Temp();
        B.Emit(Opcode.Star, d);
        var all = new List<Statement>();
        foreach (var cs in ss.Cases) all.AddRange(cs.Consequent);
        var blockScope = new Scope(scope, fn, false) { EnteredMidway = true };
        foreach (var st in all) DeclareLexical(st, blockScope, true);
        PushScope(blockScope);
        var c = PushControl(ControlKind.Switch);
        c.Break = new Label();
        // The case block's functions exist before any case test runs (BlockDeclarationInstantiation).
        // (Annex B's var copy is made only where the declaration is evaluated, which this does not model.)
        foreach (var st in all)
            if (ScopeAnalysis.DeclaredFunction(st) is { } fd)
            {
                string name = fd.Id!.Name;
                EmitFunction(fd, name);
                EmitStoreVar(name, fd, true);
            }
        var labels = new Label[ss.Cases.Count];
        Label? defaultL = null;
        for (int i = 0; i < ss.Cases.Count; i++)
        {
            labels[i] = new Label();
            var cs = ss.Cases[i];
            if (cs.Test == null) { defaultL = labels[i]; continue; }
            VisitExpression(cs.Test);
            B.Emit(Opcode.TestStrictEqual, d, B.NewSlot());
            B.EmitJump(Opcode.JumpIfTrue, labels[i]);
        }
        B.EmitJump(Opcode.Jump, defaultL ?? c.Break);
        for (int i = 0; i < ss.Cases.Count; i++)
        {
            B.Bind(labels[i]);
            foreach (var st in ss.Cases[i].Consequent) VisitStatement(st);
        }
        PopControl();
        B.Bind(c.Break);
        ExitBlock(blockScope);
    }

    void VisitTry(TryStatement ts)
    {
        int ctx = fn.Temp();
        B.Emit(Opcode.LdaCurrentContext);
        B.Emit(Opcode.Star, ctx);
        ControlScope? fin = null;
        if (ts.Finalizer != null)
        {
            fin = PushControl(ControlKind.Finally);
            fin.FinallyEntry = new Label();
            fin.TokenReg = fn.Temp();
            fin.ValueReg = fn.Temp();
        }
        int tryStart = B.Offset;
        VisitBlock(ts.Block.Body);
        int tryEnd = B.Offset;
        var afterCatch = new Label();
        B.EmitJump(Opcode.Jump, afterCatch);
        if (ts.Handler != null)
        {
            int handler = B.Offset;
            fn.Handlers.Add(new HandlerEntry(tryStart, tryEnd, handler, ctx));
            var h = ts.Handler;
            var catchScope = new Scope(scope, fn, false);
            if (h.Param != null)
            {
                var names = new List<string>();
                ScopeAnalysis.CollectPatternNames(h.Param, names);
                foreach (var n in names) catchScope.Declare(n, VarKind.Let, fn.Captured.Contains(n));
            }
            int ex = fn.Temp();
            B.Emit(Opcode.Star, ex);
            PushScope(catchScope);
            if (h.Param != null) { B.Emit(Opcode.Ldar, ex); BindPattern(h.Param, BindMode.Init); }
            VisitBlock(h.Body.Body);
            ExitBlock(catchScope);
        }
        B.Bind(afterCatch);
        if (fin != null)
        {
            int end = B.Offset;
            PopControl();
            // Normal completion: token 0.
            B.Emit(Opcode.LdaZero);
            B.Emit(Opcode.Star, fin.TokenReg);
            var entry = fin.FinallyEntry!;
            B.EmitJump(Opcode.Jump, entry);
            // Throw completion: token 1, exception in ValueReg.
            int handler = B.Offset;
            fn.Handlers.Add(new HandlerEntry(tryStart, end, handler, ctx));
            B.Emit(Opcode.Star, fin.ValueReg);
            B.Emit(Opcode.LdaSmi, 1);
            B.Emit(Opcode.Star, fin.TokenReg);
            B.Bind(entry);
            int savedCompletion = completionReg;
            completionReg = -1; // a finally block's value never becomes the completion value
            VisitBlock(ts.Finalizer!.Body);
            completionReg = savedCompletion;
            var next = new Label();
            B.Emit(Opcode.LdaSmi, 1);
            B.Emit(Opcode.TestStrictEqual, fin.TokenReg, B.NewSlot());
            B.EmitJump(Opcode.JumpIfFalse, next);
            B.Emit(Opcode.Ldar, fin.ValueReg);
            B.Emit(Opcode.ReThrow);
            B.Bind(next);
            foreach (var (token, command) in fin.Deferred.ToList())
            {
                var skip = new Label();
                B.Emit(Opcode.LdaSmi, token);
                B.Emit(Opcode.TestStrictEqual, fin.TokenReg, B.NewSlot());
                B.EmitJump(Opcode.JumpIfFalse, skip);
                command();
                B.Bind(skip);
            }
        }
    }
}
