// A CSV parser written as an explicit character-level state machine (quoted fields, escaped
// quotes, CRLF, empty fields), a schema-based converter, and an aggregation report.
function parseCsv(text) {
  const rows = [];
  let row = [], field = "", state = "start", i = 0;
  const endField = () => { row.push(field); field = ""; };
  const endRow = () => { endField(); rows.push(row); row = []; };
  for (; i < text.length; i++) {
    const c = text[i];
    switch (state) {
      case "start":
        if (c === '"') { state = "quoted"; break; }
        state = "plain";
      // falls through
      case "plain":
        if (c === ",") { endField(); state = "start"; }
        else if (c === "\n") { endRow(); state = "start"; }
        else if (c === "\r") { /* ignore, \n ends the row */ }
        else field += c;
        break;
      case "quoted":
        if (c === '"') state = "quote-in-quoted";
        else field += c;
        break;
      case "quote-in-quoted":
        if (c === '"') { field += '"'; state = "quoted"; }
        else if (c === ",") { endField(); state = "start"; }
        else if (c === "\n" || c === "\r") { if (c === "\n") { endRow(); state = "start"; } else state = "after-cr"; }
        else throw new SyntaxError(`unexpected ${JSON.stringify(c)} after closing quote at ${i}`);
        break;
      case "after-cr":
        if (c !== "\n") throw new SyntaxError(`expected LF after CR at ${i}`);
        endRow(); state = "start";
        break;
    }
  }
  if (state === "quoted") throw new SyntaxError("unterminated quoted field");
  if (field !== "" || row.length) endRow();
  return rows;
}
const data = 'id,name,dept,salary,start\r\n1,"Smith, Ann",Engineering,120000,2019-03-01\r\n2,Bob,"Sales",85000,2020-11-15\r\n3,"Carol ""CJ"" Jones",Engineering,135000,2018-07-23\n4,Dan,Support,,2021-01-04\n5,"Eve\nNewline",Sales,91000.50,2017-05-30\n';
const rows = parseCsv(data);
console.log(rows.length, rows.map(r => r.length).join(","));
const [header, ...body] = rows;
const schema = { id: Number, name: String, dept: String, salary: v => (v === "" ? null : Number(v)), start: v => new Date(v + "T00:00:00Z") };
const records = body.map(r => Object.fromEntries(header.map((h, i) => [h, schema[h](r[i])])));
for (const r of records) console.log(r.id, JSON.stringify(r.name), r.dept, r.salary, r.start.toISOString().slice(0, 10));
const byDept = new Map();
for (const r of records) {
  const d = byDept.get(r.dept) ?? { count: 0, total: 0, known: 0, earliest: null };
  d.count++;
  if (r.salary !== null) { d.total += r.salary; d.known++; }
  if (!d.earliest || r.start < d.earliest) d.earliest = r.start;
  byDept.set(r.dept, d);
}
console.log("dept".padEnd(12) + "count".padStart(6) + "avg salary".padStart(12) + "  earliest");
for (const [dept, d] of [...byDept].sort((x, y) => y[1].count - x[1].count || (x[0] < y[0] ? -1 : 1))) {
  console.log(dept.padEnd(12) + String(d.count).padStart(6) + (d.known ? (d.total / d.known).toFixed(2) : "-").padStart(12) + "  " + d.earliest.toISOString().slice(0, 10));
}
for (const bad of ['a,"b', 'a,"b"c', '"x"\ry']) {
  try { parseCsv(bad); console.log("parsed?"); } catch (e) { console.log(e.name + ": " + e.message); }
}
const roundTrip = rows.map(r => r.map(f => (/[",\n\r]/.test(f) ? '"' + f.replace(/"/g, '""') + '"' : f)).join(",")).join("\n") + "\n";
console.log(JSON.stringify(parseCsv(roundTrip)) === JSON.stringify(rows));
