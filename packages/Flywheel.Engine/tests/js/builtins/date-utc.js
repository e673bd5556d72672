// Date with UTC methods only: Date.UTC, ISO parsing, toISOString, setters, arithmetic. Nothing
// here depends on the local time zone.
const d = new Date(Date.UTC(2024, 1, 29, 13, 45, 30, 123));
console.log(d.toISOString(), d.getTime(), d.valueOf(), +d, d.toJSON());
console.log(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCDay(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds());
console.log(Date.UTC(1970, 0, 1), Date.UTC(2000, 0), Date.UTC(1999, 11, 31, 23, 59, 59, 999), Date.UTC(99, 0), Date.UTC(2020, 12, 1), Date.UTC(2020, 0, 0), Date.UTC(2020, -1, 1));
console.log(Date.UTC(), Date.UTC(NaN), Date.UTC(275760, 8, 13), Date.UTC(275760, 8, 13, 0, 0, 0, 1));
const isoInputs = ["2020-01-01T00:00:00Z", "2020-01-01T00:00:00.000Z", "2020-01-01", "2020-01", "2020", "2020-06-15T12:30:00+02:00", "2020-06-15T12:30:00.5-05:30", "+002020-01-01T00:00:00Z", "-000001-01-01T00:00:00Z", "1970-01-01T00:00:00.001Z", "2020-13-01", "not a date", "2020-01-01T24:00:00Z", "2020-01-01T25:00:00Z"];
for (const s of isoInputs) {
  const t = Date.parse(s);
  console.log(s.padEnd(32), t, Number.isNaN(t) ? "Invalid" : new Date(t).toISOString());
}
// setters
const s = new Date(0);
s.setUTCFullYear(2001, 5, 15); console.log(s.toISOString());
s.setUTCMonth(0); console.log(s.toISOString());
s.setUTCDate(31); console.log(s.toISOString());
s.setUTCMonth(1); console.log(s.toISOString(), "(overflow into March)");
s.setUTCHours(25, 61, 61, 1001); console.log(s.toISOString());
s.setUTCMinutes(-1); console.log(s.toISOString());
s.setUTCSeconds(0, 0); console.log(s.toISOString());
s.setUTCMilliseconds(-1); console.log(s.toISOString());
console.log(s.setTime(86400000), s.toISOString(), s.setTime(NaN), s.getTime(), String(s.getUTCFullYear()));
// invalid dates
const bad = new Date(NaN);
console.log(bad.getTime(), bad.getUTCDay(), String(bad), JSON.stringify({ bad }));
try { bad.toISOString(); } catch (e) { console.log("toISOString invalid:", e.name); }
console.log(new Date(8.64e15).toISOString(), new Date(8.64e15 + 1).getTime(), new Date(-8.64e15).toISOString());
// arithmetic
const a = new Date(Date.UTC(2024, 0, 1)), b = new Date(Date.UTC(2024, 11, 31));
console.log((b - a) / 86400000, a < b, a.getTime() === new Date(a).getTime(), new Date(a.getTime() + 36e5).toISOString());
// constructors with numbers and copies
console.log(new Date(0).toISOString(), new Date(-1).toISOString(), new Date(1e12).toISOString(), new Date(new Date(5)).getTime(), new Date("2021-07-04T00:00:00Z").getUTCDay());
// day of week for many dates
const days = [];
for (let y = 1990; y <= 2030; y += 5) days.push(new Date(Date.UTC(y, 0, 1)).getUTCDay());
console.log(days.join(""));
// leap years via Feb 29
const leaps = [];
for (let y = 1896; y <= 2104; y += 4) if (new Date(Date.UTC(y, 1, 29)).getUTCMonth() === 1) leaps.push(y);
console.log(leaps.length, leaps.includes(1900), leaps.includes(2000), leaps.includes(2100));
// typeof Date() call is string; Date.now is a number
console.log(typeof Date(), typeof Date.now(), Date.length, Object.prototype.toString.call(new Date(0)));
// years before 1970 and two-digit year behaviour of the constructor via UTC
console.log(new Date(Date.UTC(1969, 11, 31, 23, 59, 59)).toISOString(), new Date(Date.UTC(0, 0, 1)).toISOString(), new Date(Date.UTC(-1, 0, 1)).toISOString());
// toUTCString format is specified
console.log(new Date(Date.UTC(2024, 6, 4, 9, 5, 3)).toUTCString(), new Date(Date.UTC(-50, 0, 1)).toUTCString());
