// Calendar arithmetic with UTC dates only: adding days/months across month ends and leap years,
// day-of-year, ISO week numbers, differences in days, and month lengths.
const day = 86400000;
const iso = d => d.toISOString().slice(0, 10);
function addMonthsClamped(d, n) {
  const y = d.getUTCFullYear(), m = d.getUTCMonth() + n, dd = d.getUTCDate();
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(dd, last)));
}
const jan31 = new Date(Date.UTC(2024, 0, 31));
console.log([1, 2, 3, 12, 13, -1, -11].map(n => iso(addMonthsClamped(jan31, n))).join(" "));
const monthLengths = y => Array.from({ length: 12 }, (_, m) => new Date(Date.UTC(y, m + 1, 0)).getUTCDate());
console.log(monthLengths(2023).join(","), monthLengths(2024).join(","), monthLengths(1900)[1], monthLengths(2000)[1]);
function dayOfYear(d) { return Math.round((d - Date.UTC(d.getUTCFullYear(), 0, 1)) / day) + 1; }
console.log(["2024-01-01", "2024-02-29", "2024-03-01", "2024-12-31", "2023-12-31"].map(s => dayOfYear(new Date(s + "T00:00:00Z"))).join(" "));
function isoWeek(d) {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const dow = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - dow);
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  return `${t.getUTCFullYear()}-W${String(Math.ceil(((t - yearStart) / day + 1) / 7)).padStart(2, "0")}`;
}
console.log(["2021-01-03", "2021-01-04", "2024-12-30", "2026-06-15", "2020-12-31", "2015-12-31"].map(s => isoWeek(new Date(s + "T12:00:00Z"))).join(" "));
const daysBetween = (a, b) => Math.round((Date.parse(b) - Date.parse(a)) / day);
console.log(daysBetween("2000-01-01", "2024-01-01"), daysBetween("1970-01-01", "2038-01-19"), daysBetween("2024-03-01", "2024-02-01"));
const weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
console.log(["1969-07-20", "2000-01-01", "1900-01-01", "2100-12-31", "0001-01-01"].map(s => weekdays[new Date(s + "T00:00:00Z").getUTCDay()]).join(" "));
const d = new Date(Date.UTC(2024, 1, 28, 23, 59, 59, 999));
d.setTime(d.getTime() + 1);
console.log(d.toISOString());
d.setUTCDate(d.getUTCDate() + 366);
console.log(d.toISOString());
const dates = [];
for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2025, 0, 1); t += 45 * day) dates.push(iso(new Date(t)));
console.log(dates.join(" "));
console.log(new Date(Date.UTC(2024, 0, 1, 0, 0, 0, -1)).toISOString(), new Date(Date.UTC(2024, 0, 1, -1)).toISOString(), new Date(Date.UTC(2024, 0, 1, 0, -1440)).toISOString());
