namespace Kalc.Iac.Tools.TypeCatalogue;

/// <summary>docs/resource-types.md is hand-written down to <see cref="CatalogueGenerator.DocStart"/>; the rest is generated.</summary>
internal static class DocFile
{
    public static string Splice(string current, string generated)
    {
        var start = current.IndexOf(CatalogueGenerator.DocStart, StringComparison.Ordinal);
        var head = start < 0 ? current.TrimEnd() + "\n\n" : current[..start];
        return head + generated;
    }
}
