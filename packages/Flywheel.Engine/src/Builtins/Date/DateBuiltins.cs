using System.Globalization;

namespace Flywheel.Engine.Builtins;

/// <summary>Date: construction, parsing, getters/setters in local time and UTC, and string forms.</summary>
internal static class DateBuiltins
{
    static readonly string[] Days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    static double TimeOf(Realm r, JsValue v)
    {
        if (!Realm.IsObject(v) || Layout.Class(v.Ptr) != ObjClass.Date) throw Def.TypeError(r, "this is not a Date object.");
        return Layout.Internal(v.Ptr, 0).Number;
    }

    static JsValue SetTime(JsValue v, double t) { t = DateMath.TimeClip(t); Layout.Internal(v.Ptr, 0) = JsValue.FromNumber(t); return JsValue.FromNumber(t); }

    public static string ToIsoString(double t)
    {
        double y = DateMath.YearFromTime(t);
        string ys = y >= 0 && y <= 9999 ? ((int)y).ToString("D4") : (y < 0 ? "-" : "+") + Math.Abs((int)y).ToString("D6");
        return $"{ys}-{(int)DateMath.MonthFromTime(t) + 1:D2}-{(int)DateMath.DateFromTime(t):D2}T{(int)DateMath.HourFromTime(t):D2}:{(int)DateMath.MinFromTime(t):D2}:{(int)DateMath.SecFromTime(t):D2}.{(int)DateMath.MsFromTime(t):D3}Z";
    }

    static string YearStr(double y) => y >= 0 ? ((int)y).ToString("D4") : "-" + ((int)-y).ToString("D4");

    static string DatePart(double lt) => $"{Days[(int)DateMath.WeekDay(lt)]} {Months[(int)DateMath.MonthFromTime(lt)]} {(int)DateMath.DateFromTime(lt):D2} {YearStr(DateMath.YearFromTime(lt))}";

    static string TimePart(double t, double lt)
    {
        double off = DateMath.LocalOffset(t) / 60000;
        string sign = off >= 0 ? "+" : "-";
        off = Math.Abs(off);
        var tz = TimeZoneInfo.Local;
        string name = tz.Id is "UTC" or "Etc/UTC" or "Universal" or "Etc/Universal" || (tz.BaseUtcOffset == TimeSpan.Zero && !tz.SupportsDaylightSavingTime) ? "Coordinated Universal Time"
            : tz.IsDaylightSavingTime(DateTime.UnixEpoch.AddMilliseconds(t)) ? tz.DaylightName : tz.StandardName;
        return $"{(int)DateMath.HourFromTime(lt):D2}:{(int)DateMath.MinFromTime(lt):D2}:{(int)DateMath.SecFromTime(lt):D2} GMT{sign}{(int)(off / 60):D2}{(int)(off % 60):D2} ({name})";
    }

    public static string ToDateString(double t)
    {
        if (double.IsNaN(t)) return "Invalid Date";
        double lt = DateMath.LocalTime(t);
        return DatePart(lt) + " " + TimePart(t, lt);
    }

    public static void Setup(Realm r)
    {
        nint p = r.DatePrototype;
        nint c = Def.Constructor(r, "Date", 7, (Realm r, in CallArgs a) =>
        {
            double now = Math.Floor((DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds);
            if (!a.IsConstruct) return r.Str(ToDateString(now));
            double t;
            if (a.Count == 0) t = now;
            else if (a.Count == 1)
            {
                var v = a[0];
                if (Realm.IsObject(v) && Layout.Class(v.Ptr) == ObjClass.Date) t = Layout.Internal(v.Ptr, 0).Number;
                else
                {
                    v = r.ToPrimitive(v);
                    t = Realm.IsString(v) ? DateMath.Parse(Realm.ToClr(v)) : r.ToNumber(v);
                }
            }
            else t = DateMath.Utc(FromComponents(r, a));
            nint o = r.NewObject(Def.ProtoFrom(r, a.NewTarget, r.DatePrototype), ObjClass.Date);
            Layout.Internal(o, 0) = JsValue.FromNumber(DateMath.TimeClip(t));
            return JsValue.FromPtr(o);
        }, p);
        Def.Method(r, c, "now", 0, (Realm r, in CallArgs a) => JsValue.FromNumber(Math.Floor((DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds)));
        Def.Method(r, c, "parse", 1, (Realm r, in CallArgs a) => JsValue.FromNumber(DateMath.Parse(r.ToClrString(a[0]))));
        Def.Method(r, c, "UTC", 7, (Realm r, in CallArgs a) => JsValue.FromNumber(DateMath.TimeClip(FromComponents(r, a))));

        void Get(string name, Func<double, double> f, bool local)
        {
            Def.Method(r, p, name, 0, (Realm r, in CallArgs a) =>
            {
                double t = TimeOf(r, a.This);
                if (double.IsNaN(t)) return JsValue.NaN;
                return JsValue.FromNumber(f(local ? DateMath.LocalTime(t) : t));
            });
        }
        foreach (var (n, f) in new (string, Func<double, double>)[] { ("FullYear", DateMath.YearFromTime), ("Month", DateMath.MonthFromTime), ("Date", DateMath.DateFromTime),
            ("Day", DateMath.WeekDay), ("Hours", DateMath.HourFromTime), ("Minutes", DateMath.MinFromTime), ("Seconds", DateMath.SecFromTime), ("Milliseconds", DateMath.MsFromTime) })
        {
            Get("get" + n, f, true);
            Get("getUTC" + n, f, false);
        }
        Get("getTime", t => t, false);
        Get("valueOf", t => t, false);
        Get("getYear", t => DateMath.YearFromTime(t) - 1900, true);
        Def.Method(r, p, "getTimezoneOffset", 0, (Realm r, in CallArgs a) =>
        {
            double t = TimeOf(r, a.This);
            return double.IsNaN(t) ? JsValue.NaN : JsValue.FromNumber(-DateMath.LocalOffset(t) / 60000);
        });
        // Annex B.2.4.2: a year 0-99 means 1900-1999; a NaN time starts from +0.
        Def.Method(r, p, "setYear", 1, (Realm r, in CallArgs a) =>
        {
            double t = TimeOf(r, a.This);
            double y = r.ToNumber(a[0]);
            if (double.IsNaN(y)) return SetTime(a.This, double.NaN);
            double lt = double.IsNaN(t) ? 0 : DateMath.LocalTime(t);
            double year = double.IsInfinity(y) ? y : Math.Truncate(y) + 0.0;
            if (year is >= 0 and <= 99) year += 1900;
            double nt = DateMath.MakeDate(DateMath.MakeDay(year, DateMath.MonthFromTime(lt), DateMath.DateFromTime(lt)), DateMath.TimeWithinDay(lt));
            return SetTime(a.This, DateMath.Utc(nt));
        });
        Def.Method(r, p, "setTime", 1, (Realm r, in CallArgs a) => { TimeOf(r, a.This); return SetTime(a.This, r.ToNumber(a[0])); });
        // Setters: (name, first component index in [y, mo, d, h, mi, s, ms], max args)
        foreach (var (n, first, count) in new[] { ("FullYear", 0, 3), ("Month", 1, 2), ("Date", 2, 1), ("Hours", 3, 4), ("Minutes", 4, 3), ("Seconds", 5, 2), ("Milliseconds", 6, 1) })
        {
            foreach (bool local in new[] { true, false })
            {
                int f0 = first, cnt = count; bool loc = local;
                Def.Method(r, p, (local ? "set" : "setUTC") + n, count, (Realm r, in CallArgs a) =>
                {
                    double t = TimeOf(r, a.This);
                    if (double.IsNaN(t) && f0 != 0) return JsValue.NaN;
                    double lt = double.IsNaN(t) ? 0 : loc ? DateMath.LocalTime(t) : t;
                    double[] comp = [DateMath.YearFromTime(lt), DateMath.MonthFromTime(lt), DateMath.DateFromTime(lt), DateMath.HourFromTime(lt), DateMath.MinFromTime(lt), DateMath.SecFromTime(lt), DateMath.MsFromTime(lt)];
                    for (int i = 0; i < cnt && i < Math.Max(1, a.Count); i++) comp[f0 + i] = r.ToNumber(a[i]);
                    double nt = DateMath.MakeDate(DateMath.MakeDay(comp[0], comp[1], comp[2]), DateMath.MakeTime(comp[3], comp[4], comp[5], comp[6]));
                    return SetTime(a.This, loc ? DateMath.Utc(nt) : nt);
                });
            }
        }
        Def.Method(r, p, "toISOString", 0, (Realm r, in CallArgs a) =>
        {
            double t = TimeOf(r, a.This);
            if (double.IsNaN(t)) throw Def.RangeError(r, "Invalid time value");
            return r.Str(ToIsoString(t));
        });
        Def.Method(r, p, "toJSON", 1, (Realm r, in CallArgs a) =>
        {
            var tv = r.ToPrimitive(a.This, PreferredType.Number);
            if (tv.IsNumber && !double.IsFinite(tv.Number)) return JsValue.Null;
            return r.Interp.Call(r.Get(a.This, "toISOString"), a.This, []);
        });
        Def.Method(r, p, "toString", 0, (Realm r, in CallArgs a) => r.Str(ToDateString(TimeOf(r, a.This))));
        Def.Method(r, p, "toDateString", 0, (Realm r, in CallArgs a) => { double t = TimeOf(r, a.This); return r.Str(double.IsNaN(t) ? "Invalid Date" : DatePart(DateMath.LocalTime(t))); });
        Def.Method(r, p, "toTimeString", 0, (Realm r, in CallArgs a) => { double t = TimeOf(r, a.This); return r.Str(double.IsNaN(t) ? "Invalid Date" : TimePart(t, DateMath.LocalTime(t))); });
        Def.Method(r, p, "toUTCString", 0, (Realm r, in CallArgs a) =>
        {
            double t = TimeOf(r, a.This);
            if (double.IsNaN(t)) return r.Str("Invalid Date");
            return r.Str($"{Days[(int)DateMath.WeekDay(t)]}, {(int)DateMath.DateFromTime(t):D2} {Months[(int)DateMath.MonthFromTime(t)]} {YearStr(DateMath.YearFromTime(t))} {(int)DateMath.HourFromTime(t):D2}:{(int)DateMath.MinFromTime(t):D2}:{(int)DateMath.SecFromTime(t):D2} GMT");
        });
        r.DefineData(p, "toGMTString", r.Get(JsValue.FromPtr(p), "toUTCString"));
        Def.Method(r, p, "toLocaleDateString", 0, (Realm r, in CallArgs a) => { double t = TimeOf(r, a.This); if (double.IsNaN(t)) return r.Str("Invalid Date"); double lt = DateMath.LocalTime(t); return r.Str($"{(int)DateMath.MonthFromTime(lt) + 1}/{(int)DateMath.DateFromTime(lt)}/{(int)DateMath.YearFromTime(lt)}"); });
        Def.Method(r, p, "toLocaleTimeString", 0, (Realm r, in CallArgs a) => { double t = TimeOf(r, a.This); if (double.IsNaN(t)) return r.Str("Invalid Date"); return r.Str(LocaleTime(DateMath.LocalTime(t))); });
        Def.Method(r, p, "toLocaleString", 0, (Realm r, in CallArgs a) =>
        {
            double t = TimeOf(r, a.This);
            if (double.IsNaN(t)) return r.Str("Invalid Date");
            double lt = DateMath.LocalTime(t);
            return r.Str($"{(int)DateMath.MonthFromTime(lt) + 1}/{(int)DateMath.DateFromTime(lt)}/{(int)DateMath.YearFromTime(lt)}, {LocaleTime(lt)}");
        });
        Def.SymbolMethod(r, p, r.SymToPrimitive, "[Symbol.toPrimitive]", 1, (Realm r, in CallArgs a) =>
        {
            if (!Realm.IsObject(a.This)) throw Def.TypeError(r, "Date.prototype[Symbol.toPrimitive] called on non-object");
            string hint = Realm.IsString(a[0]) ? Realm.ToClr(a[0]) : "";
            if (hint is not ("default" or "string" or "number")) throw Def.TypeError(r, "Invalid hint: " + r.ToClrString(a[0]));
            var order = hint == "number" ? new[] { "valueOf", "toString" } : new[] { "toString", "valueOf" };
            foreach (var m in order)
            {
                var f = r.Get(a.This, m);
                if (Realm.IsCallable(f)) { var v = r.Interp.Call(f, a.This, []); if (!Realm.IsObject(v)) return v; }
            }
            throw Def.TypeError(r, "Cannot convert object to primitive value");
        }, PropFlags.Configurable);
    }

    static string LocaleTime(double lt)
    {
        int h = (int)DateMath.HourFromTime(lt);
        return $"{(h % 12 == 0 ? 12 : h % 12)}:{(int)DateMath.MinFromTime(lt):D2}:{(int)DateMath.SecFromTime(lt):D2} {(h < 12 ? "AM" : "PM")}";
    }

    static double FromComponents(Realm r, in CallArgs a)
    {
        double[] c = [double.NaN, 0, 1, 0, 0, 0, 0];
        for (int i = 0; i < Math.Min(7, a.Count); i++) c[i] = r.ToNumber(a[i]);
        if (a.Count == 0) return double.NaN;
        double y = c[0];
        if (!double.IsNaN(y)) { double yi = Math.Truncate(y); if (yi >= 0 && yi <= 99) y = 1900 + yi; }
        return DateMath.MakeDate(DateMath.MakeDay(y, c[1], c[2]), DateMath.MakeTime(c[3], c[4], c[5], c[6]));
    }
}
