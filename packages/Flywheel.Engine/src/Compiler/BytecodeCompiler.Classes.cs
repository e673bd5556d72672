using Acornima;
using Acornima.Ast;

namespace Flywheel.Engine.Compiler;

/// <summary>What the compiler knows about the class whose body it is compiling.</summary>
internal sealed class ClassInfo
{
    public required ClassBody Body;
    public bool HasInstanceFields;
    public bool StaticPass;
    public bool Derived;
    /// <summary>Class-scope bindings holding computed field keys, evaluated once at class definition.</summary>
    public Dictionary<Node, string> ComputedKeys = new(ReferenceEqualityComparer.Instance);
}

internal sealed partial class BytecodeCompiler
{
    ClassInfo? currentClass;
    static MethodDefinition? defaultBaseCtor, defaultDerivedCtor;

    static MethodDefinition DefaultCtor(bool derived)
    {
        ref var slot = ref derived ? ref defaultDerivedCtor : ref defaultBaseCtor;
        if (slot != null) return slot;
        var src = derived ? "(class extends Object { constructor(...args) { super(...args); } })" : "(class { constructor() {} })";
        var script = new Parser(Options).ParseScript(src, "<default constructor>", true);
        var expr = ((ExpressionStatement)script.Body[0]).Expression;
        var ce = (ClassExpression)(expr is ParenthesizedExpression pe ? pe.Expression : expr);
        return slot = (MethodDefinition)ce.Body.Body[0];
    }

    static bool IsInstanceInit(Node el) => el switch
    {
        PropertyDefinition pd => !pd.Static,
        MethodDefinition md => !md.Static && md.Key is PrivateIdentifier,
        _ => false,
    };

    static bool IsStaticInit(Node el) => el switch
    {
        PropertyDefinition pd => pd.Static,
        MethodDefinition md => md.Static && md.Key is PrivateIdentifier,
        StaticBlock => true,
        _ => false,
    };

    void VisitClass(string name, Expression? superClass, ClassBody body, Node node, bool bindName = true)
    {
        var info = new ClassInfo { Body = body, Derived = superClass != null };
        foreach (var el in body.Body) if (IsInstanceInit(el)) info.HasInstanceFields = true;
        var classScope = new Scope(scope, fn, false);
        if (bindName && name.Length > 0) classScope.Declare(name, VarKind.Const, true);
        foreach (var el in body.Body)
            if (el is ClassProperty { Key: PrivateIdentifier pid }) classScope.Declare("#" + pid.Name, VarKind.Const, true);
        foreach (var el in body.Body)
            if (el is PropertyDefinition { Computed: true } cpd)
            {
                string hidden = "%key" + info.ComputedKeys.Count;
                info.ComputedKeys[cpd] = hidden;
                classScope.Declare(hidden, VarKind.Internal, true);
            }
        PushScope(classScope);
        foreach (var v in classScope.Vars.Values)
            if (v.Name.StartsWith('#'))
            {
                int r = fn.Temp();
                B.Emit(Opcode.LdaConstant, StrIdx(v.Name));
                B.Emit(Opcode.Star, r);
                EmitRuntime(RuntimeId.NewPrivateName, r, 1);
                EmitStoreVar(v.Name, node, true);
            }
        int regs = fn.Temps(3); // ctor, super, proto
        int ctor = regs, sup = regs + 1, proto = regs + 2;
        if (superClass != null) { VisitExpression(superClass); B.Emit(Opcode.Star, sup); }
        else { B.Emit(Opcode.LdaHole); B.Emit(Opcode.Star, sup); }

        MethodDefinition? ctorDef = null;
        foreach (var el in body.Body) if (el is MethodDefinition { Kind: PropertyKind.Constructor } md) ctorDef = md;
        ctorDef ??= DefaultCtor(superClass != null);
        var savedClass = currentClass;
        currentClass = info;
        var flags = FunctionFlags.ClassConstructor | (superClass != null ? FunctionFlags.Derived : 0) | (info.HasInstanceFields ? FunctionFlags.HasFields : 0);
        sourceTextNode = node;
        EmitFunction(ctorDef.Value, name, flags, info);
        currentClass = savedClass;
        B.Emit(Opcode.Star, ctor);
        Pos(node);
        EmitRuntime(RuntimeId.CreateClass, ctor, 2);
        B.Emit(Opcode.Star, proto);

        // Computed field keys and method keys are evaluated in source order, once.
        foreach (var el in body.Body)
        {
            if (el is PropertyDefinition && info.ComputedKeys.TryGetValue(el, out var hidden))
            {
                VisitExpression(((PropertyDefinition)el).Key);
                B.Emit(Opcode.ToPropertyKey);
                EmitStoreVar(hidden, el, true);
                continue;
            }
            if (el is not MethodDefinition md || md.Kind == PropertyKind.Constructor || md.Key is PrivateIdentifier) continue;
            int m = TempMark;
            int home = md.Static ? ctor : proto;
            int key = fn.Temp();
            string? staticName = md.Computed ? null : PropertyName(md.Key, false);
            if (staticName != null) B.Emit(Opcode.LdaConstant, StrIdx(staticName));
            else { VisitExpression(md.Key); B.Emit(Opcode.ToPropertyKey); }
            B.Emit(Opcode.Star, key);
            string prefix = md.Kind == PropertyKind.Get ? "get " : md.Kind == PropertyKind.Set ? "set " : "";
            methodStart = MethodStart(md, md.Key, md.Static);
            EmitFunction(md.Value, prefix + (staticName ?? ""), FunctionFlags.Method | FunctionFlags.NotConstructor | FunctionFlags.Strict);
            EmitMethodSetup(home, key, staticName == null, md.Kind == PropertyKind.Get ? "get" : md.Kind == PropertyKind.Set ? "set" : null);
            B.Emit(md.Kind == PropertyKind.Get ? Opcode.DefineGetter : md.Kind == PropertyKind.Set ? Opcode.DefineSetter : Opcode.DefineKeyed, home, key, 0);
            Release(m);
        }
        if (info.HasInstanceFields)
        {
            int m = TempMark;
            int args = fn.Temps(2);
            B.Emit(Opcode.Mov, ctor, args);
            EmitFunction(body, "<instance_members_initializer>", FunctionFlags.Method | FunctionFlags.NotConstructor | FunctionFlags.Strict, info);
            B.Emit(Opcode.Star, args + 1);
            EmitRuntime(RuntimeId.SetFieldInit, args, 2);
            Release(m);
        }
        if (bindName && name.Length > 0) { B.Emit(Opcode.Ldar, ctor); EmitStoreVar(name, node, true); }
        bool hasStatic = false;
        foreach (var el in body.Body) if (IsStaticInit(el)) hasStatic = true;
        if (hasStatic)
        {
            int m = TempMark;
            var sinfo = new ClassInfo { Body = body, StaticPass = true, ComputedKeys = info.ComputedKeys };
            int f = fn.Temps(2);
            EmitFunction(body, "<static_initializer>", FunctionFlags.Method | FunctionFlags.NotConstructor | FunctionFlags.Strict, sinfo);
            B.Emit(Opcode.Star, f);
            B.Emit(Opcode.Mov, ctor, f + 1);
            EmitRuntime(RuntimeId.SetHomeObject, f, 2);
            B.Emit(Opcode.Call, f, ctor, f + 1, 0, B.NewSlot());
            Release(m);
        }
        B.Emit(Opcode.Ldar, ctor);
        ExitBlock(classScope);
    }

    /// <summary>Body of a class's synthetic field initializer: defines each field on `this` in order.</summary>
    void CompileInitializerBody(Node node, ClassInfo cls)
    {
        int self = fn.Temp();
        EmitThis(node);
        B.Emit(Opcode.Star, self);
        foreach (var el in cls.Body.Body)
        {
            if (cls.StaticPass ? !IsStaticInit(el) : !IsInstanceInit(el)) continue;
            int m = TempMark;
            if (el is StaticBlock sb) { VisitBlock(sb.Body); continue; }
            var cp = (ClassProperty)el;
            int key = fn.Temp();
            bool isPrivate = cp.Key is PrivateIdentifier;
            string? staticName = isPrivate ? "#" + ((PrivateIdentifier)cp.Key).Name : cp.Computed ? null : PropertyName(cp.Key, false);
            if (isPrivate) EmitLoadVar(staticName!, cp);
            else if (cls.ComputedKeys.TryGetValue(el, out var hiddenKey)) EmitLoadVar(hiddenKey, cp);
            else if (staticName != null) B.Emit(Opcode.LdaConstant, StrIdx(staticName));
            else { VisitExpression(cp.Key); B.Emit(Opcode.ToPropertyKey); }
            B.Emit(Opcode.Star, key);
            if (el is MethodDefinition md)
            {
                string prefix = md.Kind == PropertyKind.Get ? "get " : md.Kind == PropertyKind.Set ? "set " : "";
                EmitFunction(md.Value, prefix + staticName, FunctionFlags.Method | FunctionFlags.NotConstructor | FunctionFlags.Strict);
                EmitMethodSetup(self, key, false, null);
                if (md.Kind == PropertyKind.Get) B.Emit(Opcode.DefineGetter, self, key, 0);
                else if (md.Kind == PropertyKind.Set) B.Emit(Opcode.DefineSetter, self, key, 0);
                else
                {
                    int args = fn.Temps(3);
                    B.Emit(Opcode.Star, args + 2);
                    B.Emit(Opcode.Mov, self, args);
                    B.Emit(Opcode.Mov, key, args + 1);
                    EmitRuntime(RuntimeId.PrivateDefine, args, 3);
                }
                Release(m);
                continue;
            }
            var pd = (PropertyDefinition)el;
            if (pd.Value != null && staticName == null && pd.Value is FunctionExpression { Id: null } or ArrowFunctionExpression or ClassExpression { Id: null })
            {
                VisitExpression(pd.Value);
                EmitMethodSetup(-1, key, true, null);
            }
            else if (pd.Value != null) VisitNamed(pd.Value, staticName);
            else B.Emit(Opcode.LdaUndefined);
            if (isPrivate)
            {
                int args = fn.Temps(3);
                B.Emit(Opcode.Star, args + 2);
                B.Emit(Opcode.Mov, self, args);
                B.Emit(Opcode.Mov, key, args + 1);
                EmitRuntime(RuntimeId.PrivateDefine, args, 3);
            }
            else B.Emit(Opcode.DefineKeyed, self, key, 1);
            Release(m);
        }
        B.Emit(Opcode.LdaUndefined);
        B.Emit(Opcode.Return);
    }
}
