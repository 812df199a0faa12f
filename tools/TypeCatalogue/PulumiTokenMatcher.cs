using System.Text.RegularExpressions;
using Kalc.Iac.PlanParser.Pulumi;

namespace Kalc.Iac.Tools.TypeCatalogue;

/// <summary>Finds the Terraform type a Pulumi AWS token is generated from: first the plan reader's own table
/// (<see cref="PulumiTypeMap"/>), then the names Pulumi's bridge derives (aws_&lt;module prefix&gt;_&lt;snake name&gt;, see
/// pulumi-modules.tsv), accepted only when that type is in the Terraform list. A token with no such type gets a
/// synthesised name that is classified by the same prefix rows but is not claimed to exist.</summary>
internal sealed partial class PulumiTokenMatcher(IReadOnlySet<string> terraformTypes, IReadOnlyDictionary<string, string[]> modulePrefixes)
{
    public sealed record Result(string? TerraformType, string ClassifyAs);

    public Result Match(string token)
    {
        var mapped = PulumiTypeMap.Default.Find(token);
        if (mapped is not null) return new Result(mapped.TerraformType, mapped.TerraformType);
        var m = Token().Match(token);
        if (!m.Success) return new Result(null, token);
        var module = m.Groups["module"].Value;
        var name = m.Groups["name"].Value;
        var candidates = Candidates(module, name).ToList();
        var hit = candidates.FirstOrDefault(terraformTypes.Contains);
        return hit is not null ? new Result(hit, hit) : new Result(null, candidates[0]);
    }

    private IEnumerable<string> Candidates(string module, string name)
    {
        var prefixes = modulePrefixes.TryGetValue(module, out var p) ? p : [module.ToLowerInvariant()];
        var names = new List<string> { PulumiType.SnakeCase(name) };
        if (name.EndsWith("V2", StringComparison.Ordinal) || name.EndsWith("v2", StringComparison.Ordinal))
            names.Add(PulumiType.SnakeCase(name[..^2]));
        foreach (var prefix in prefixes)
        {
            foreach (var n in names)
                yield return prefix.Length == 0 ? "aws_" + n : $"aws_{prefix}_{n}";
            // a sub-service folded into the module: bedrock/AgentAgent -> aws_bedrockagent_agent
            var first = FirstWord().Match(name);
            if (prefix.Length > 0 && first.Success && first.Length < name.Length)
                yield return $"aws_{prefix}{first.Value.ToLowerInvariant()}_{PulumiType.SnakeCase(name[first.Length..])}";
        }
    }

    [GeneratedRegex(@"^aws:(?<module>[A-Za-z0-9]+)/(?<lower>[A-Za-z0-9_]+):(?<name>[A-Za-z0-9_]+)$")]
    private static partial Regex Token();

    [GeneratedRegex(@"^[A-Z][a-z0-9]+")]
    private static partial Regex FirstWord();
}
