namespace Kalc.Iac.Bench.Generator;

/// <summary>What to generate. Defaults give a ~100 MB plan against a large account and cluster.</summary>
internal sealed record GeneratorOptions
{
    public int Resources { get; init; } = 100_000;

    public int Nodes { get; init; } = 2_000;

    public int Instances { get; init; } = 10_000;

    public int Roles { get; init; } = 5_000;

    public int Policies { get; init; } = 3_000;

    public int InstancesPerPage { get; init; } = 1_000;

    /// <summary>Security group rules in the state, one peer each, over the cluster group, the node group and the 500 application groups.</summary>
    public int SecurityGroupRules { get; init; } = 5_000;

    public ulong Seed { get; init; } = 20261125;

    public string Out { get; init; } = "bench/data";

    public const string Usage =
        "usage: kalc-bench-generator [--resources N] [--nodes N] [--instances N] [--roles N] [--policies N] [--sg-rules N] [--seed N] --out DIR";

    /// <summary>Parses the command line; returns null and an error line for anything it does not understand.</summary>
    public static (GeneratorOptions? Options, string? Error) Parse(string[] args)
    {
        var options = new GeneratorOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (name is "-h" or "--help") return (null, Usage);
            if (i + 1 >= args.Length) return (null, $"{name} needs a value\n{Usage}");
            var value = args[++i];
            if (name == "--out") { options = options with { Out = value }; continue; }
            if (!long.TryParse(value, out var number) || number < 0 || number > int.MaxValue)
                return (null, $"{name}: '{value}' is not a non-negative number");
            var n = (int)number;
            options = name switch
            {
                "--resources" => options with { Resources = n },
                "--nodes" => options with { Nodes = n },
                "--instances" => options with { Instances = n },
                "--roles" => options with { Roles = n },
                "--policies" => options with { Policies = n },
                "--sg-rules" => options with { SecurityGroupRules = n },
                "--seed" => options with { Seed = (ulong)number },
                _ => null!,
            };
            if (options is null) return (null, $"unknown option {name}\n{Usage}");
        }
        if (options.Nodes > options.Instances)
            options = options with { Instances = options.Nodes };
        return (options, null);
    }
}
