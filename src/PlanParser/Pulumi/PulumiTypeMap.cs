using System.Collections.Frozen;
using System.Text;

namespace Kalc.Iac.PlanParser.Pulumi;

/// <summary>Pulumi type tokens mapped to Terraform resource types, with the property renames for each, read from
/// the data file <c>pulumi-aws-types.tsv</c> (embedded). Types not listed keep their Pulumi token and names.</summary>
public sealed class PulumiTypeMap
{
    private readonly FrozenDictionary<string, PulumiType> _types;

    private PulumiTypeMap(FrozenDictionary<string, PulumiType> types) => _types = types;

    /// <summary>The table shipped with this build.</summary>
    public static PulumiTypeMap Default { get; } = Load();

    public int Count => _types.Count;

    /// <summary>The mapped type, or null when the token is not in the table.</summary>
    public PulumiType? Find(string pulumiType) => _types.GetValueOrDefault(pulumiType);

    public static PulumiTypeMap Parse(string tsv)
    {
        var types = new Dictionary<string, PulumiType>(StringComparer.Ordinal);
        foreach (var raw in tsv.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#') continue;
            var cols = line.Split('\t');
            if (cols.Length < 2) throw new FormatException($"pulumi type table: bad row \"{line}\"");
            var renames = new Dictionary<string, string>(StringComparer.Ordinal);
            if (cols.Length > 2)
            {
                foreach (var pair in cols[2].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    var eq = pair.IndexOf('=', StringComparison.Ordinal);
                    renames[pair[..eq]] = pair[(eq + 1)..];
                }
            }
            types.Add(cols[0], new PulumiType(cols[0], cols[1], renames.ToFrozenDictionary(StringComparer.Ordinal)));
        }
        return new PulumiTypeMap(types.ToFrozenDictionary(StringComparer.Ordinal));
    }

    private static PulumiTypeMap Load()
    {
        using var stream = typeof(PulumiTypeMap).Assembly.GetManifestResourceStream("Kalc.Iac.PlanParser.Pulumi.pulumi-aws-types.tsv")
            ?? throw new InvalidOperationException("pulumi-aws-types.tsv is not embedded");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Parse(reader.ReadToEnd());
    }
}

/// <summary>One mapped Pulumi type: its Terraform name and how its top-level property names translate.</summary>
public sealed record PulumiType(string PulumiName, string TerraformType, FrozenDictionary<string, string> Renames)
{
    /// <summary><c>assumeRolePolicy</c> becomes <c>assume_role_policy</c>, unless the table renames it.</summary>
    public string TerraformProperty(string pulumiProperty) =>
        Renames.TryGetValue(pulumiProperty, out var renamed) ? renamed : SnakeCase(pulumiProperty);

    public static string SnakeCase(string camel)
    {
        var hasUpper = false;
        foreach (var c in camel) hasUpper |= char.IsAsciiLetterUpper(c);
        if (!hasUpper) return camel;
        var sb = new StringBuilder(camel.Length + 4);
        for (var i = 0; i < camel.Length; i++)
        {
            var c = camel[i];
            if (char.IsAsciiLetterUpper(c))
            {
                var prevLower = i > 0 && (char.IsAsciiLetterLower(camel[i - 1]) || char.IsAsciiDigit(camel[i - 1]));
                var acronymEnd = i > 0 && char.IsAsciiLetterUpper(camel[i - 1]) && i + 1 < camel.Length && char.IsAsciiLetterLower(camel[i + 1]);
                if (prevLower || acronymEnd) sb.Append('_');
                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }
}
