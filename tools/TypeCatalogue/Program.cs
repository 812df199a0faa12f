using Kalc.Iac.Analyzers.Mapping;
using Kalc.Iac.Tools.TypeCatalogue;

// Regenerates src/Analyzers/Catalog/resource-types.json and the generated part of docs/resource-types.md from
// tools/TypeCatalogue/lists/*.txt, classification.tsv and pulumi-modules.tsv. Offline: the raw lists are in the repo.
//   dotnet run --project tools/TypeCatalogue            writes both files
//   dotnet run --project tools/TypeCatalogue -- --check exits 1 when either differs from what would be written
var root = args.SkipWhile(a => a != "--root").Skip(1).FirstOrDefault() ?? FindRoot();
var check = args.Contains("--check");
var generator = CatalogueGenerator.FromDirectory(Path.Combine(root, "tools", "TypeCatalogue"),
    ResourceMappers.SupportedTypes.ToHashSet(StringComparer.Ordinal));
var jsonPath = Path.Combine(root, "src", "Analyzers", "Catalog", "resource-types.json");
var docPath = Path.Combine(root, "docs", "resource-types.md");
var json = generator.Json();
var doc = DocFile.Splice(File.ReadAllText(docPath), generator.Doc());
if (check)
{
    var stale = new List<string>();
    if (File.ReadAllText(jsonPath) != json) stale.Add(jsonPath);
    if (File.ReadAllText(docPath) != doc) stale.Add(docPath);
    foreach (var s in stale) Console.Error.WriteLine($"{s} is not what tools/TypeCatalogue generates: run dotnet run --project tools/TypeCatalogue");
    return stale.Count == 0 ? 0 : 1;
}
File.WriteAllText(jsonPath, json);
File.WriteAllText(docPath, doc);
Console.WriteLine($"wrote {jsonPath} and {docPath}");
return 0;

static string FindRoot()
{
    for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "Kalc.Iac.sln"))) return dir.FullName;
    throw new InvalidOperationException("run from inside the repository (Kalc.Iac.sln not found)");
}
