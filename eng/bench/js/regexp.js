// regexp: parses a generated web-server log with regular expressions — exec loops with named
// groups, test, match, matchAll, replace with patterns and callbacks, split — and checks every
// extracted field against the values used to generate the log. Size: number of log lines.
// quick: 200
// default: 40000
"use strict";
const lines = typeof globalThis.BENCH_SIZE === "number" ? globalThis.BENCH_SIZE : 40000;

let seed = 99;
const rnd = n => (seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) % n;
const methods = ["GET", "POST", "PUT", "DELETE"], paths = ["/", "/index.html", "/api/users", "/api/users/42", "/static/app.js", "/search"];
const truth = { status: new Map(), bytes: 0, methods: new Map(), errors: 0, emails: 0 };
const out = [];
for (let i = 0; i < lines; i++) {
  const ip = `${10 + rnd(200)}.${rnd(256)}.${rnd(256)}.${rnd(256)}`;
  const method = methods[rnd(4)], path = paths[rnd(paths.length)] + (rnd(3) === 0 ? `?q=term${rnd(100)}&page=${rnd(9)}` : "");
  const status = [200, 200, 200, 301, 404, 500][rnd(6)], bytes = rnd(50000);
  const day = 1 + rnd(28), hh = rnd(24), mm = rnd(60);
  const agent = rnd(4) === 0 ? `bot-${rnd(10)}@crawler.example.com` : "Mozilla/5.0";
  if (agent.includes("@")) truth.emails++;
  truth.status.set(status, (truth.status.get(status) || 0) + 1);
  truth.methods.set(method, (truth.methods.get(method) || 0) + 1);
  truth.bytes += bytes;
  if (status >= 500) truth.errors++;
  out.push(`${ip} - - [${String(day).padStart(2, "0")}/Mar/2024:${String(hh).padStart(2, "0")}:${String(mm).padStart(2, "0")}:07 +0000] "${method} ${path} HTTP/1.1" ${status} ${bytes} "${agent}"`);
}
const log = out.join("\n");

const lineRe = /^(?<ip>\d{1,3}(?:\.\d{1,3}){3}) \S+ \S+ \[(?<day>\d\d)\/(?<mon>\w{3})\/(?<year>\d{4}):(?<time>\d\d:\d\d:\d\d) [+-]\d{4}\] "(?<method>[A-Z]+) (?<path>[^ "]+) HTTP\/1\.[01]" (?<status>\d{3}) (?<bytes>\d+) "(?<agent>[^"]*)"$/gm;
const status = new Map(), methodCount = new Map();
let bytes = 0, parsed = 0, m;
while ((m = lineRe.exec(log)) !== null) {
  const g = m.groups;
  parsed++;
  status.set(+g.status, (status.get(+g.status) || 0) + 1);
  methodCount.set(g.method, (methodCount.get(g.method) || 0) + 1);
  bytes += +g.bytes;
}
if (parsed !== lines) throw new Error(`parsed ${parsed} of ${lines} lines`);
if (bytes !== truth.bytes) throw new Error("bytes");
for (const [k, v] of truth.status) if (status.get(k) !== v) throw new Error(`status ${k}`);
for (const [k, v] of truth.methods) if (methodCount.get(k) !== v) throw new Error(`method ${k}`);
// errors with test(), emails with match(), query parameters with matchAll()
let errors = 0;
for (const line of log.split("\n")) if (/" 5\d\d \d+ "/.test(line)) errors++;
if (errors !== truth.errors) throw new Error(`errors ${errors}`);
const emails = log.match(/[\w.-]+@[\w-]+(?:\.[\w-]+)+/g) || [];
if (emails.length !== truth.emails) throw new Error(`emails ${emails.length}`);
let params = 0, pageSum = 0;
for (const p of log.matchAll(/[?&](?<key>\w+)=(?<value>\w+)/g)) { params++; if (p.groups.key === "page") pageSum += +p.groups.value; }
// anonymize IPs with a replacement pattern, redact emails with a callback
const anon = log.replace(/^(\d+)\.(\d+)\.\d+\.\d+/gm, "$1.$2.x.x");
const redacted = anon.replace(/([\w.-]+)@([\w.-]+)/g, (all, user, host) => user[0] + "***@" + host.toUpperCase());
if ((redacted.match(/\.x\.x /g) || []).length !== lines) throw new Error("anonymize");
// tokenize request paths with split and a sticky scanner
let segments = 0;
const pathRe = /"[A-Z]+ ([^ ?"]+)/g;
let pm;
while ((pm = pathRe.exec(log)) !== null) segments += pm[1].split(/\/+/).filter(Boolean).length;
const scanner = /\s*(\d+|[a-z]+|[^\s\da-z])/y;
let tokens = 0;
for (let i = 0; i < Math.min(lines, 2000); i++) {
  const s = out[i];
  scanner.lastIndex = 0;
  while (scanner.lastIndex < s.length && scanner.exec(s)) tokens++;
}
console.log(`regexp: ok ${parsed} ${errors} ${emails.length} ${params} ${pageSum} ${segments} ${tokens} ${redacted.length}`);
