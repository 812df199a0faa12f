using System.Diagnostics;
using System.Globalization;
using Kalc.Iac.PlanParser.Hcl;

// hcl-bench --corpus DIR --out DIR [--files N] [--runs N]
// Lays out a repository of N .tf files (default 2,000) by copying the corpus's .tf files round-robin into numbered
// module folders, then times parsing every file with our HCL parser (read + parse, one thread, after a warm-up run),
// N runs (wall-clock and CPU time: on a shared machine CPU time is what compares), then N runs parsing the files on
// every core as `--source` does (TerraformConfiguration.Load parses a directory's files in parallel), and prints the
// file list it used (out/files.txt) so the JavaScript parser can be timed on the same files.
var corpus = Arg("--corpus") ?? throw new ArgumentException("--corpus DIR is required");
var outDir = Arg("--out") ?? throw new ArgumentException("--out DIR is required");
var count = int.Parse(Arg("--files") ?? "2000", CultureInfo.InvariantCulture);
var runs = int.Parse(Arg("--runs") ?? "5", CultureInfo.InvariantCulture);

var sources = Directory.EnumerateFiles(corpus, "*.tf", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
if (sources.Length == 0) throw new ArgumentException($"no .tf files under {corpus}");
if (Directory.Exists(outDir)) Directory.Delete(outDir, recursive: true);
var files = new List<string>(count);
for (var i = 0; i < count; i++)
{
    var dir = Path.Combine(outDir, "repo", $"module{i / 20:D3}");
    Directory.CreateDirectory(dir);
    var target = Path.Combine(dir, $"{i % 20:D2}-{Path.GetFileName(sources[i % sources.Length])}");
    File.Copy(sources[i % sources.Length], target);
    files.Add(target);
}
File.WriteAllLines(Path.Combine(outDir, "files.txt"), files);
var bytes = files.Sum(f => new FileInfo(f).Length);

ParseAll(files); // warm-up: JIT and the grammar's construction
var times = new List<double>();
var cpu = new List<double>();
var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
for (var r = 0; r < runs; r++)
{
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var sw = Stopwatch.StartNew();
    var failed = ParseAll(files);
    times.Add(sw.Elapsed.TotalMilliseconds);
    cpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds);
    if (failed > 0) Console.Error.WriteLine($"{failed} files did not parse");
}
var allocatedPerRun = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / runs;
var parallel = new List<double>();
for (var r = 0; r < runs; r++)
{
    var sw = Stopwatch.StartNew();
    var failed = files.AsParallel().Count(f => !HclParser.Parse(File.ReadAllText(f), f).IsOk);
    parallel.Add(sw.Elapsed.TotalMilliseconds);
    if (failed > 0) Console.Error.WriteLine($"{failed} files did not parse");
}
times.Sort();
cpu.Sort();
parallel.Sort();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{{\"files\": {files.Count}, \"bytes\": {bytes}, \"runs\": {runs}, \"medianMs\": {times[times.Count / 2]:F1}, \"minMs\": {times[0]:F1}, \"medianCpuMs\": {cpu[cpu.Count / 2]:F1}, \"parallelMedianMs\": {parallel[parallel.Count / 2]:F1}, \"parallelMinMs\": {parallel[0]:F1}, \"cores\": {Environment.ProcessorCount}, \"allocatedMBPerRun\": {allocatedPerRun / 1048576.0:F0}}}"));

static int ParseAll(List<string> files)
{
    var failed = 0;
    foreach (var f in files)
        if (!HclParser.Parse(File.ReadAllText(f), f).IsOk) failed++;
    return failed;
}

string? Arg(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
