using System.Collections.Immutable;
using Kalc.Iac.PlanParser.Hcl;
using Kalc.Iac.PlanParser.Hcl.Syntax;

namespace Kalc.Iac.PlanParser.Terraform.Source;

/// <summary>A block and the file it is in.</summary>
public sealed record Declared<T>(T Node, HclFile File);

/// <summary>A <c>module "NAME" { source = ... }</c> call. <see cref="ChildDirectory"/> is where the called module's code is
/// (a local path, or the directory <c>terraform init</c> installed a registry/git module in); null when unknown.</summary>
public sealed record ModuleCall(string Name, Declared<HclBlock> Block, string? Source, string? ChildDirectory)
{
    /// <summary>Local paths start with ./ or ../ (Terraform's rule); anything else is fetched (registry, git, http, s3...).</summary>
    public bool IsLocal => IsLocalSource(Source);

    public static bool IsLocalSource(string? source) => source is { } s && (s.StartsWith("./", StringComparison.Ordinal) || s.StartsWith("../", StringComparison.Ordinal)
        || s.StartsWith(".\\", StringComparison.Ordinal) || s.StartsWith("..\\", StringComparison.Ordinal));
}

/// <summary>What one module directory declares: resources and data sources, module calls, variables, locals, and
/// moved/import blocks. <see cref="UserCode"/> is false for modules installed by <c>terraform init</c>.</summary>
public sealed record TerraformModule(string Directory, bool UserCode, ImmutableArray<HclFile> Files)
{
    public required IReadOnlyDictionary<string, Declared<HclBlock>> Resources { get; init; }

    public required IReadOnlyDictionary<string, ModuleCall> Calls { get; init; }

    public required IReadOnlyDictionary<string, Declared<HclBlock>> Variables { get; init; }

    public required IReadOnlyDictionary<string, Declared<HclAttribute>> Locals { get; init; }

    /// <summary>The module's <c>output</c> blocks by name.</summary>
    public IReadOnlyDictionary<string, Declared<HclBlock>> Outputs { get; init; } = new Dictionary<string, Declared<HclBlock>>();

    public ImmutableArray<Declared<HclBlock>> Moved { get; init; } = [];

    public ImmutableArray<Declared<HclBlock>> Imports { get; init; } = [];

    /// <summary>Collects the declarations of parsed files (the first declaration of a name wins, as Terraform rejects duplicates).</summary>
    public static TerraformModule From(string directory, bool userCode, ImmutableArray<HclFile> files, Func<string, string?, string?> childDirectory)
    {
        var resources = new Dictionary<string, Declared<HclBlock>>(StringComparer.Ordinal);
        var calls = new Dictionary<string, ModuleCall>(StringComparer.Ordinal);
        var variables = new Dictionary<string, Declared<HclBlock>>(StringComparer.Ordinal);
        var locals = new Dictionary<string, Declared<HclAttribute>>(StringComparer.Ordinal);
        var outputs = new Dictionary<string, Declared<HclBlock>>(StringComparer.Ordinal);
        var moved = ImmutableArray.CreateBuilder<Declared<HclBlock>>();
        var imports = ImmutableArray.CreateBuilder<Declared<HclBlock>>();
        foreach (var file in files)
        {
            foreach (var block in file.Body.Blocks)
            {
                switch (block.Type, block.Labels.Length)
                {
                    case ("resource", 2):
                        resources.TryAdd($"{block.Labels[0].Value}.{block.Labels[1].Value}", new(block, file));
                        break;
                    case ("data", 2):
                        resources.TryAdd($"data.{block.Labels[0].Value}.{block.Labels[1].Value}", new(block, file));
                        break;
                    case ("module", 1):
                        var source = (block.Body.Attribute("source")?.Expression as HclTemplate)?.LiteralText;
                        var name = block.Labels[0].Value;
                        calls.TryAdd(name, new ModuleCall(name, new(block, file), source, childDirectory(name, source)));
                        break;
                    case ("variable", 1):
                        variables.TryAdd(block.Labels[0].Value, new(block, file));
                        break;
                    case ("locals", 0):
                        foreach (var a in block.Body.Attributes) locals.TryAdd(a.Name, new(a, file));
                        break;
                    case ("output", 1):
                        outputs.TryAdd(block.Labels[0].Value, new(block, file));
                        break;
                    case ("moved", 0):
                        moved.Add(new(block, file));
                        break;
                    case ("import", 0):
                        imports.Add(new(block, file));
                        break;
                }
            }
        }
        return new TerraformModule(directory, userCode, files)
        {
            Resources = resources,
            Calls = calls,
            Variables = variables,
            Locals = locals,
            Outputs = outputs,
            Moved = moved.ToImmutable(),
            Imports = imports.ToImmutable(),
        };
    }
}
