using System.Text;

namespace Flywheel.Engine.Builtins;

/// <summary>console.log/info/warn/error/debug and print, with node's format specifiers.</summary>
internal static unsafe class ConsoleBuiltins
{
    public static void Setup(Realm r)
    {
        nint c = r.NewObject(JsValue.FromPtr(r.ObjectPrototype));
        r.DefineData(r.GlobalObject, "console", JsValue.FromPtr(c));
        NativeFn log = (Realm r, in CallArgs a) => { r.Out.Write(Format(r, a) + "\n"); return JsValue.Undefined; };
        NativeFn err = (Realm r, in CallArgs a) => { r.Err.Write(Format(r, a) + "\n"); return JsValue.Undefined; };
        Def.Method(r, c, "log", 0, log);
        Def.Method(r, c, "info", 0, log);
        Def.Method(r, c, "debug", 0, log);
        Def.Method(r, c, "warn", 0, err);
        Def.Method(r, c, "error", 0, err);
        Def.Method(r, c, "trace", 0, err);
        Def.Method(r, r.GlobalObject, "print", 0, log);
    }

    public static string Format(Realm r, in CallArgs a)
    {
        var sb = new StringBuilder();
        int i = 0;
        if (a.Count > 0 && Realm.IsString(a[0]) && a.Count > 1 && Realm.ToClr(a[0]).Contains('%'))
        {
            var f = Realm.ToClr(a[0]);
            i = 1;
            for (int k = 0; k < f.Length; k++)
            {
                if (f[k] != '%' || k + 1 >= f.Length) { sb.Append(f[k]); continue; }
                char t = f[k + 1];
                if (t == '%') { sb.Append('%'); k++; continue; }
                if (i >= a.Count || "sdifjoOc".IndexOf(t) < 0) { sb.Append(f[k]); continue; }
                var v = a[i++];
                k++;
                switch (t)
                {
                    case 's':
                        sb.Append(Realm.IsString(v) ? Realm.ToClr(v) : Realm.IsObject(v) && !Realm.IsCallable(v) ? Inspector.Inspect(r, v, depth: 1) : Inspector.Inspect(r, v));
                        break;
                    case 'd':
                    case 'i':
                        {
                            if (Realm.IsObject(v)) { sb.Append("NaN"); break; }
                            double d = r.ToNumber(v);
                            if (t == 'i') d = Math.Truncate(d);
                            sb.Append(d == 0 && double.IsNegative(d) ? "-0" : NumberConversion.ToString(d));
                            break;
                        }
                    case 'f': sb.Append(NumberConversion.ToString(r.ToNumber(v))); break;
                    case 'j':
                        {
                            var json = r.Get(JsValue.FromPtr(r.GlobalObject), "JSON");
                            var res = r.Interp.Call(r.Get(json, "stringify"), json, [v]);
                            sb.Append(res.IsUndefined ? "undefined" : Realm.ToClr(res));
                            break;
                        }
                    case 'o': sb.Append(Inspector.Inspect(r, v, depth: 4)); break;
                    case 'O': sb.Append(Inspector.Inspect(r, v)); break;
                    case 'c': break;
                }
            }
        }
        for (; i < a.Count; i++)
        {
            if (sb.Length > 0 || i > 0) sb.Append(' ');
            var v = a[i];
            sb.Append(Realm.IsString(v) ? Realm.ToClr(v) : Inspector.Inspect(r, v));
        }
        return sb.ToString();
    }
}
