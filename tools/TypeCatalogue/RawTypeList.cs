namespace Kalc.Iac.Tools.TypeCatalogue;

/// <summary>One raw type list under lists/: its "# key: value" header lines (provider, kind, source, repo, commit, url,
/// version, package ...) and its types, one a line, as extracted from the provider's own published list.</summary>
internal sealed record RawTypeList(string File, IReadOnlyList<KeyValuePair<string, string>> Header, IReadOnlyList<string> Types)
{
    public string Provider => Get("provider");

    public string Kind => Get("kind");

    public string Get(string key) =>
        Header.FirstOrDefault(h => h.Key == key).Value ?? throw new InvalidDataException($"{File}: no \"# {key}:\" header");

    public static RawTypeList Parse(string file, string text)
    {
        var header = new List<KeyValuePair<string, string>>();
        var types = new List<string>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r').Trim();
            if (line.Length == 0) continue;
            if (line[0] == '#')
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon > 1) header.Add(new(line[1..colon].Trim(), line[(colon + 1)..].Trim()));
                continue;
            }
            types.Add(line);
        }
        var distinct = types.Distinct(StringComparer.Ordinal).Count();
        if (distinct != types.Count) throw new InvalidDataException($"{file}: a type is listed twice");
        return new RawTypeList(file, header, types);
    }
}
