namespace Kalc.Iac.Tools.TypeCatalogue;

/// <summary>One reviewed row of classification.tsv: an exact type or a prefix ("aws_vpc_*"), its class, the attributes
/// that tie it to an identity, and why.</summary>
internal sealed record ClassificationRule(string Pattern, string Class, IReadOnlyList<string> Ties, string Reason)
{
    public bool IsPrefix => Pattern.EndsWith('*');

    public bool Matches(string type) => IsPrefix ? type.StartsWith(Pattern[..^1], StringComparison.Ordinal) : type == Pattern;
}

/// <summary>classification.tsv: the most specific row wins (an exact row, else the longest prefix).</summary>
internal sealed class ClassificationTable(IReadOnlyList<ClassificationRule> rules)
{
    public static readonly string[] Classes = ["may-affect", "cannot-affect"];

    public IReadOnlyList<ClassificationRule> Rules { get; } = rules;

    public ClassificationRule? Match(string type) =>
        Rules.FirstOrDefault(r => !r.IsPrefix && r.Pattern == type)
        ?? Rules.Where(r => r.IsPrefix && r.Matches(type)).MaxBy(r => r.Pattern.Length);

    public static ClassificationTable Parse(string text)
    {
        var rules = new List<ClassificationRule>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#') continue;
            var cols = line.Split('\t');
            if (cols.Length != 4) throw new InvalidDataException($"classification.tsv: not 4 columns: {line}");
            if (!Classes.Contains(cols[1])) throw new InvalidDataException($"classification.tsv: unknown class {cols[1]}: {line}");
            if (rules.Any(r => r.Pattern == cols[0])) throw new InvalidDataException($"classification.tsv: {cols[0]} is there twice");
            var ties = cols[2].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            rules.Add(new ClassificationRule(cols[0], cols[1], ties, cols[3]));
        }
        return new ClassificationTable(rules);
    }
}
