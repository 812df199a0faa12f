namespace Kalc.Iac.Reporting.Sarif;

/// <summary>Turns a finding's source file into a SARIF artifact URI: forward slashes, percent-encoded segments,
/// relative to %SRCROOT% unless the path is absolute.</summary>
public static class SarifUri
{
    public const string SourceRoot = "%SRCROOT%";

    public static (string Uri, string? BaseId) Of(string file)
    {
        var path = file.Replace('\\', '/');
        if (Path.IsPathFullyQualified(file) || path.StartsWith('/'))
            return (new Uri("file://" + (path.StartsWith('/') ? "" : "/") + path).AbsoluteUri, null);
        while (path.StartsWith("./", StringComparison.Ordinal)) path = path[2..];
        return (string.Join('/', path.Split('/').Select(Uri.EscapeDataString)), SourceRoot);
    }
}
