using System.Collections.Immutable;
using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Hcl;
using Kalc.Iac.PlanParser.Hcl.Syntax;

namespace Kalc.Iac.PlanParser.Terraform.Source;

/// <summary>A Terraform/OpenTofu configuration read from disk (<c>--source DIR</c>): the root module, every local module it
/// calls, and the registry/git modules <c>terraform init</c> installed (<c>.terraform/modules/modules.json</c>), each module
/// directory parsed once (a module whose source is its own directory does not loop). Maps a plan address to the place
/// in the user's own code that declares it: the resource block, or for a resource inside an installed module the
/// <c>module</c> block in the user's code that calls it.</summary>
public sealed class TerraformConfiguration
{
    private readonly Dictionary<string, TerraformModule> byDirectory;

    private TerraformConfiguration(string root, string displayRoot, ModuleManifest manifest, Dictionary<string, TerraformModule> byDirectory)
    {
        RootDirectory = root;
        DisplayRoot = displayRoot;
        Manifest = manifest;
        this.byDirectory = byDirectory;
    }

    public string RootDirectory { get; }

    /// <summary>Paths are shown relative to this: the enclosing git repository's root, else the current directory.</summary>
    public string DisplayRoot { get; }

    public ModuleManifest Manifest { get; }

    public TerraformModule Root => byDirectory[RootDirectory];

    public IEnumerable<TerraformModule> Modules => byDirectory.Values;

    public TerraformModule? ModuleAt(string? directory) => directory is not null && byDirectory.TryGetValue(directory, out var m) ? m : null;

    /// <summary>Whether a directory holds Terraform/OpenTofu files (the default for <c>--source</c> is the current directory when it does).</summary>
    public static bool HoldsConfiguration(string dir) =>
        Directory.Exists(dir) && (Directory.EnumerateFiles(dir, "*.tf").Any() || Directory.EnumerateFiles(dir, "*.tofu").Any());

    public static ParseResult<TerraformConfiguration> Load(string rootDir, string? workingDirectory = null)
    {
        if (!Directory.Exists(rootDir)) return ParseResult<TerraformConfiguration>.Fail(new InputError(rootDir, "--source must be a directory of .tf files"));
        var root = FullDirectory(rootDir);
        var displayRoot = GitRoot(root) ?? Path.GetFullPath(workingDirectory ?? Directory.GetCurrentDirectory());
        var manifest = ModuleManifest.Read(root, Show(displayRoot, Path.Combine(root, ".terraform", "modules", "modules.json")));
        if (!manifest.IsOk) return ParseResult<TerraformConfiguration>.Fail(manifest.Error);
        var modules = new Dictionary<string, TerraformModule>(StringComparer.Ordinal);
        var error = LoadModule(root, root, displayRoot, "", userCode: true, manifest.Value, modules);
        return error is null
            ? ParseResult<TerraformConfiguration>.Ok(new TerraformConfiguration(root, displayRoot, manifest.Value, modules))
            : ParseResult<TerraformConfiguration>.Fail(error);
    }

    /// <summary>Where the user's code declares <paramref name="address"/>, or null when it does not. A JSON plan's module
    /// calls (<paramref name="planCalls"/>, by call path) name the modules whose code is not on disk.</summary>
    public SourceSite? Locate(string address, IReadOnlyDictionary<string, PlanParser.Model.PlanModuleCall>? planCalls = null)
    {
        if (ConfigurationAddress.Parse(address) is not { } a) return null;
        var module = Root;
        ModuleCall? lastUserCall = null;
        ModuleCall? boundary = null;
        for (var i = 0; i < a.Modules.Length; i++)
        {
            var name = a.Modules[i];
            if (!module.Calls.TryGetValue(name, out var call)) return lastUserCall is null ? null : CallSite(lastUserCall, null);
            if (module.UserCode) lastUserCall = call;
            if (ModuleAt(call.ChildDirectory) is not { } child)
                return CallSite(boundary ?? call, NotOnDisk(call, a, i, planCalls));
            if (module.UserCode && !child.UserCode) boundary = call;
            module = child;
        }
        if (a.Resource is null) return lastUserCall is null ? null : CallSite(lastUserCall, null);
        module.Resources.TryGetValue(a.Resource, out var declared);
        if (boundary is not null)
        {
            var inner = declared is null ? "" : $", declared at {Site(declared.File, declared.Node.Range).Location}";
            return CallSite(boundary, $"{address} is inside module \"{boundary.Name}\" ({boundary.Source}{VersionOf(boundary)}){inner}");
        }
        if (declared is not null) return Site(declared.File, declared.Node.Range) with { Note = MovedOrImportedNote(module, a.Resource) };
        if (Moved(module, a.Resource, from: true) is { } moved)
        {
            var target = AddressOf(moved, "to");
            var prefix = string.Concat(a.Modules.Select(m => $"module.{m}."));
            var site = target is null ? null : Locate(prefix + target);
            return (site ?? Site(moved.File, moved.Node.Range)) with { Note = $"moved by the moved block at {Site(moved.File, moved.Node.Range).Location}" };
        }
        if (Import(module, a.Resource) is { } import) return Site(import.File, import.Node.Range) with { Note = "imported by this import block" };
        return lastUserCall is null ? null : CallSite(lastUserCall, null);
    }

    /// <summary>"inside module "eks" (terraform-aws-modules/eks/aws ~> 20.0), then module "node_group"
    /// (./modules/node-group), whose code is not on disk": the rest of the chain from the plan's configuration.</summary>
    private static string NotOnDisk(ModuleCall call, ConfigurationAddress a, int at, IReadOnlyDictionary<string, PlanParser.Model.PlanModuleCall>? planCalls)
    {
        var chain = new List<string> { $"module \"{call.Name}\" ({call.Source}{Constraint(a, at, planCalls)})" };
        for (var j = at + 1; j < a.Modules.Length; j++)
        {
            if (planCalls is null || !planCalls.TryGetValue(string.Join('.', a.Modules.Take(j + 1)), out var inner)) break;
            chain.Add($"module \"{a.Modules[j]}\" ({inner.Source}{(inner.VersionConstraint is { } v ? " " + v : "")})");
        }
        var from = chain.Count > 1 ? " (module calls from the plan's configuration)" : "";
        return $"inside {string.Join(", then ", chain)}{from}, whose code is not on disk (run terraform init)";
    }

    private static string Constraint(ConfigurationAddress a, int at, IReadOnlyDictionary<string, PlanParser.Model.PlanModuleCall>? planCalls) =>
        planCalls is not null && planCalls.TryGetValue(string.Join('.', a.Modules.Take(at + 1)), out var c) && c.VersionConstraint is { } v ? " " + v : "";

    /// <summary>The place a node starts at.</summary>
    public static SourceSite Site(HclFile file, HclRange range)
    {
        var (line, column) = file.Source.Position(range.Start);
        return new SourceSite(file.Path, line, column, file.Source.LineText(line));
    }

    private static SourceSite CallSite(ModuleCall call, string? note) => Site(call.Block.File, call.Block.Node.Range) with { Note = note };

    private string VersionOf(ModuleCall call)
    {
        var key = Manifest.Entries.Values.FirstOrDefault(e => e.Key == call.Name || e.Key.EndsWith("." + call.Name, StringComparison.Ordinal));
        return key?.Version is { Length: > 0 } v ? " " + v : "";
    }

    private static string? MovedOrImportedNote(TerraformModule module, string resource)
    {
        if (Moved(module, resource, from: false) is { } m)
            return $"moved from {AddressOf(m, "from")} by the moved block at {Site(m.File, m.Node.Range).Location}";
        if (Import(module, resource) is { } i) return $"imported by the import block at {Site(i.File, i.Node.Range).Location}";
        return null;
    }

    private static Declared<HclBlock>? Moved(TerraformModule module, string resource, bool from) =>
        module.Moved.FirstOrDefault(m => ConfigurationAddress.Parse(AddressOf(m, from ? "from" : "to") ?? "") is { Modules.IsEmpty: true } a && a.Resource == resource);

    private static Declared<HclBlock>? Import(TerraformModule module, string resource) =>
        module.Imports.FirstOrDefault(i => ConfigurationAddress.Parse(AddressOf(i, "to") ?? "") is { Modules.IsEmpty: true } a && a.Resource == resource);

    /// <summary>The address an attribute of a moved/import block names (its source text, as Terraform reads it as a traversal).</summary>
    private static string? AddressOf(Declared<HclBlock> block, string attribute) =>
        block.Node.Body.Attribute(attribute) is { } a ? block.File.Source.Slice(a.Expression.Range) : null;

    private static InputError? LoadModule(string dir, string root, string displayRoot, string key, bool userCode, ModuleManifest manifest, Dictionary<string, TerraformModule> into)
    {
        if (into.ContainsKey(dir) || !Directory.Exists(dir)) return null;
        var parsed = ModuleFiles(dir).AsParallel().AsOrdered()
            .Select(f => HclParser.ParseFile(f, Show(displayRoot, f))).ToList();
        if (userCode && parsed.FirstOrDefault(p => !p.IsOk) is { Error: { } error }) return error;
        var files = parsed.Where(p => p.IsOk).Select(p => p.Value!).ToImmutableArray();
        string? ChildDirectory(string name, string? source)
        {
            var childKey = key.Length == 0 ? name : key + "." + name;
            if (manifest.Entries.TryGetValue(childKey, out var entry)) return FullDirectory(Path.Combine(root, entry.Dir));
            return ModuleCall.IsLocalSource(source) ? FullDirectory(Path.Combine(dir, source!)) : null;
        }
        var module = TerraformModule.From(dir, userCode, files, ChildDirectory);
        into[dir] = module;
        foreach (var call in module.Calls.Values)
        {
            if (call.ChildDirectory is null) continue;
            var childKey = key.Length == 0 ? call.Name : key + "." + call.Name;
            var installed = call.ChildDirectory.Contains($"{Path.DirectorySeparatorChar}.terraform{Path.DirectorySeparatorChar}", StringComparison.Ordinal);
            if (LoadModule(call.ChildDirectory, root, displayRoot, childKey, userCode && call.IsLocal && !installed, manifest, into) is { } e) return e;
        }
        return null;
    }

    /// <summary>A module's *.tf and *.tofu files; where both x.tf and x.tofu exist OpenTofu reads x.tofu only.</summary>
    private static IEnumerable<string> ModuleFiles(string dir)
    {
        var tofu = Directory.EnumerateFiles(dir, "*.tofu").ToHashSet(StringComparer.Ordinal);
        return Directory.EnumerateFiles(dir, "*.tf").Where(f => !tofu.Contains(Path.ChangeExtension(f, ".tofu"))).Concat(tofu)
            .Order(StringComparer.Ordinal);
    }

    private static string FullDirectory(string path) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));

    private static string Show(string displayRoot, string path) => Path.GetRelativePath(displayRoot, path).Replace('\\', '/');

    private static string? GitRoot(string dir)
    {
        for (var d = new DirectoryInfo(dir); d is not null; d = d.Parent)
            if (Directory.Exists(Path.Combine(d.FullName, ".git")) || File.Exists(Path.Combine(d.FullName, ".git"))) return d.FullName;
        return null;
    }
}
