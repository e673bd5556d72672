using System.Globalization;
using System.Text.RegularExpressions;

namespace Flywheel.Engine.Builtins;

/// <summary>ECMAScript time-value arithmetic (§21.4.1): days, years, months, local time, and parsing.</summary>
internal static partial class DateMath
{
    public const double MsPerDay = 86400000;

    public static double Day(double t) => Math.Floor(t / MsPerDay);
    public static double TimeWithinDay(double t) => ((t % MsPerDay) + MsPerDay) % MsPerDay;
    static double DaysInYear(double y) => (y % 4 != 0) ? 365 : (y % 100 != 0) ? 366 : (y % 400 != 0) ? 365 : 366;
    static double DayFromYear(double y) => 365 * (y - 1970) + Math.Floor((y - 1969) / 4) - Math.Floor((y - 1901) / 100) + Math.Floor((y - 1601) / 400);
    static double TimeFromYear(double y) => MsPerDay * DayFromYear(y);

    public static double YearFromTime(double t)
    {
        double y = Math.Floor(t / (MsPerDay * 365.2425)) + 1970;
        while (TimeFromYear(y) > t) y--;
        while (TimeFromYear(y + 1) <= t) y++;
        return y;
    }

    static bool InLeapYear(double t) => DaysInYear(YearFromTime(t)) == 366;
    static double DayWithinYear(double t) => Day(t) - DayFromYear(YearFromTime(t));
    static readonly int[] CumDays = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365];

    public static double MonthFromTime(double t)
    {
        double d = DayWithinYear(t);
        int leap = InLeapYear(t) ? 1 : 0;
        for (int m = 0; m < 12; m++)
            if (d < CumDays[m + 1] + (m >= 1 ? leap : 0)) return m;
        return 11;
    }

    public static double DateFromTime(double t)
    {
        double d = DayWithinYear(t);
        int m = (int)MonthFromTime(t);
        int leap = InLeapYear(t) && m >= 2 ? 1 : 0;
        return d - CumDays[m] - leap + 1;
    }

    public static double WeekDay(double t) => ((Day(t) + 4) % 7 + 7) % 7;
    public static double HourFromTime(double t) => Math.Floor(TimeWithinDay(t) / 3600000) % 24;
    public static double MinFromTime(double t) => Math.Floor(TimeWithinDay(t) / 60000) % 60;
    public static double SecFromTime(double t) => Math.Floor(TimeWithinDay(t) / 1000) % 60;
    public static double MsFromTime(double t) => TimeWithinDay(t) % 1000;

    public static double MakeTime(double h, double m, double s, double ms)
    {
        if (!double.IsFinite(h) || !double.IsFinite(m) || !double.IsFinite(s) || !double.IsFinite(ms)) return double.NaN;
        return Math.Truncate(h) * 3600000 + Math.Truncate(m) * 60000 + Math.Truncate(s) * 1000 + Math.Truncate(ms);
    }

    public static double MakeDay(double year, double month, double date)
    {
        if (!double.IsFinite(year) || !double.IsFinite(month) || !double.IsFinite(date)) return double.NaN;
        double y = Math.Truncate(year), m = Math.Truncate(month), dt = Math.Truncate(date);
        double ym = y + Math.Floor(m / 12);
        int mn = (int)(((m % 12) + 12) % 12);
        if (Math.Abs(ym) > 400000) return double.NaN;
        double day = DayFromYear(ym) + CumDays[mn] + (mn >= 2 && DaysInYear(ym) == 366 ? 1 : 0);
        return day + dt - 1;
    }

    public static double MakeDate(double day, double time) => !double.IsFinite(day) || !double.IsFinite(time) ? double.NaN : day * MsPerDay + time;

    public static double TimeClip(double t) => !double.IsFinite(t) || Math.Abs(t) > 8.64e15 ? double.NaN : Math.Truncate(t) + 0.0;

    /// <summary>Local time zone offset in ms at UTC time t.</summary>
    public static double LocalOffset(double t)
    {
        if (!double.IsFinite(t)) return 0;
        try
        {
            var dt = DateTime.UnixEpoch.AddMilliseconds(Math.Clamp(t, -62135596800000, 253402300799000));
            return TimeZoneInfo.Local.GetUtcOffset(dt).TotalMilliseconds;
        }
        catch (ArgumentException) { return 0; }
    }

    public static double LocalTime(double t) => t + LocalOffset(t);
    public static double Utc(double local) => local - LocalOffset(local - LocalOffset(local));

    [GeneratedRegex(@"^([+-]\d{6}|\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$")]
    private static partial Regex IsoRegex();

    public static double Parse(string s)
    {
        s = s.Trim();
        var m = IsoRegex().Match(s);
        if (m.Success)
        {
            double y = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            if (m.Groups[1].Value == "-000000") return double.NaN;
            double mo = m.Groups[2].Success ? int.Parse(m.Groups[2].Value) - 1 : 0;
            double d = m.Groups[3].Success ? int.Parse(m.Groups[3].Value) : 1;
            double h = m.Groups[4].Success ? int.Parse(m.Groups[4].Value) : 0;
            double mi = m.Groups[5].Success ? int.Parse(m.Groups[5].Value) : 0;
            double sec = m.Groups[6].Success ? int.Parse(m.Groups[6].Value) : 0;
            double ms = m.Groups[7].Success ? Math.Floor(double.Parse("0." + m.Groups[7].Value, CultureInfo.InvariantCulture) * 1000) : 0;
            if (mo > 11 || d < 1 || d > 31 || h > 24 || mi > 59 || sec > 59 || (h == 24 && (mi > 0 || sec > 0 || ms > 0))) return double.NaN;
            double t = MakeDate(MakeDay(y, mo, d), MakeTime(h, mi, sec, ms));
            if (m.Groups[8].Success)
            {
                var z = m.Groups[8].Value;
                if (z != "Z")
                {
                    int sign = z[0] == '-' ? -1 : 1;
                    var digits = z[1..].Replace(":", "");
                    t -= sign * (int.Parse(digits[..2]) * 3600000 + int.Parse(digits[2..]) * 60000);
                }
            }
            else if (m.Groups[4].Success) t = Utc(t);
            return TimeClip(t);
        }
        // Fallback: toString()/toUTCString() forms and common English formats.
        var cleaned = Regex.Replace(s, @"\s*\([^)]*\)\s*$", "");
        cleaned = Regex.Replace(cleaned, @"GMT([+-]\d{2})(\d{2})", "$1:$2");
        cleaned = cleaned.Replace("GMT", "+00:00").Replace("UTC", "+00:00");
        string[] formats = ["ddd MMM dd yyyy HH:mm:ss zzz", "ddd, dd MMM yyyy HH:mm:ss zzz", "ddd MMM dd yyyy", "MMM d, yyyy", "MMMM d, yyyy", "MMM d, yyyy HH:mm:ss", "MMMM d, yyyy HH:mm:ss", "M/d/yyyy", "M/d/yyyy HH:mm:ss", "yyyy/M/d", "yyyy/MM/dd HH:mm:ss", "d MMM yyyy", "ddd MMM d yyyy HH:mm:ss zzz"];
        if (DateTimeOffset.TryParseExact(cleaned, formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeLocal, out var dto))
        {
            bool hasZone = cleaned.Contains('+') || Regex.IsMatch(cleaned, @"-\d\d:\d\d$");
            if (hasZone) return TimeClip(dto.ToUnixTimeMilliseconds());
            var local = dto.DateTime;
            double lt = MakeDate(MakeDay(local.Year, local.Month - 1, local.Day), MakeTime(local.Hour, local.Minute, local.Second, local.Millisecond));
            return TimeClip(Utc(lt));
        }
        return double.NaN;
    }
}
