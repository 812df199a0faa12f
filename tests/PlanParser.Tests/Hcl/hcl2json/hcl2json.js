// Converts each file named on stdin (one path a line) with @cdktf/hcl2json, HashiCorp's hclsyntax parser compiled to
// WebAssembly, and writes one JSON line per file: {"file", "json"} or {"file", "error"}.
// With --bench it only parses (after a warm-up) and prints {"files", "ms", "cpuMs", "concurrentMs"}: wall-clock and
// CPU time of parsing the files one after the other, and the wall-clock of starting every parse at once (the Go
// runtime in WebAssembly is single-threaded, but its calls wait on timers that then overlap).
const { parse } = require('@cdktf/hcl2json');
const fs = require('fs');
const bench = process.argv.includes('--bench');
const files = fs.readFileSync(0, 'utf8').split('\n').filter(Boolean);
(async () => {
  const texts = files.map(f => fs.readFileSync(f, 'utf8'));
  if (bench) {
    await parse('warmup.tf', 'a = 1\n');
    const cpuStart = process.cpuUsage();
    const start = process.hrtime.bigint();
    for (let i = 0; i < files.length; i++) {
      try { await parse(files[i], texts[i]); } catch (e) { /* counted like a parse */ }
    }
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    const cpu = process.cpuUsage(cpuStart);
    const concurrentStart = process.hrtime.bigint();
    await Promise.all(files.map((f, i) => parse(f, texts[i]).catch(() => null)));
    const concurrentMs = Number(process.hrtime.bigint() - concurrentStart) / 1e6;
    process.stdout.write(JSON.stringify({ files: files.length, ms, cpuMs: (cpu.user + cpu.system) / 1000, concurrentMs }) + '\n');
    return;
  }
  for (let i = 0; i < files.length; i++) {
    let line;
    try {
      line = { file: files[i], json: await parse(files[i], texts[i]) };
    } catch (e) {
      line = { file: files[i], error: String(e && e.message || e) };
    }
    process.stdout.write(JSON.stringify(line) + '\n');
  }
})();
