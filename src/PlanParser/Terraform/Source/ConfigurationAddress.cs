using System.Collections.Immutable;

namespace Kalc.Iac.PlanParser.Terraform.Source;

/// <summary>A resource instance address split into its module calls and the resource
/// (<c>module.a["k"].module.b[0].data.aws_x.y[1]</c> -> [a, b] and <c>data.aws_x.y</c>); instance keys are dropped, since
/// every instance of a count/for_each resource or module is declared by one block.</summary>
public sealed record ConfigurationAddress(ImmutableArray<string> Modules, string? Resource)
{
    /// <summary>The instance key of each module call (<c>"k"</c> with quotes, <c>0</c>, or null when none), as in the address.</summary>
    public ImmutableArray<string?> ModuleKeys { get; init; } = [];

    /// <summary>The resource's instance key as in the address (<c>"k"</c> with quotes, <c>0</c>), or null.</summary>
    public string? ResourceKey { get; init; }

    public static ConfigurationAddress? Parse(string address)
    {
        var parts = new List<string>();
        var keys = new List<string?>();
        var i = 0;
        while (i < address.Length)
        {
            var start = i;
            while (i < address.Length && address[i] is not '.' and not '[') i++;
            parts.Add(address[start..i]);
            keys.Add(null);
            if (i < address.Length && address[i] == '[')
            {
                var open = i;
                i = SkipIndex(address, i);
                keys[^1] = address[(open + 1)..Math.Max(open + 1, i - 1)];
            }
            if (i < address.Length && address[i] == '.') i++;
            else if (i < address.Length) return null;
        }
        var modules = ImmutableArray.CreateBuilder<string>();
        var moduleKeys = ImmutableArray.CreateBuilder<string?>();
        var p = 0;
        while (p + 1 < parts.Count && parts[p] == "module")
        {
            modules.Add(parts[p + 1]);
            moduleKeys.Add(keys[p + 1]);
            p += 2;
        }
        var rest = parts.Skip(p).ToList();
        var key = keys[^1];
        if (rest.Count == 0) return new ConfigurationAddress(modules.ToImmutable(), null) { ModuleKeys = moduleKeys.ToImmutable() };
        if (rest is ["data", var t, var n]) return new ConfigurationAddress(modules.ToImmutable(), $"data.{t}.{n}") { ModuleKeys = moduleKeys.ToImmutable(), ResourceKey = key };
        if (rest is [var type, var name] && type.Length > 0 && name.Length > 0)
            return new ConfigurationAddress(modules.ToImmutable(), $"{type}.{name}") { ModuleKeys = moduleKeys.ToImmutable(), ResourceKey = key };
        return null;
    }

    /// <summary>Past the closing bracket of an index that starts at <paramref name="i"/> (quoted keys may hold ']' or '.').</summary>
    private static int SkipIndex(string s, int i)
    {
        var inString = false;
        for (i++; i < s.Length; i++)
        {
            if (inString)
            {
                if (s[i] == '\\') i++;
                else if (s[i] == '"') inString = false;
            }
            else if (s[i] == '"') inString = true;
            else if (s[i] == ']') return i + 1;
        }
        return s.Length;
    }
}
