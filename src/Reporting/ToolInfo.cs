using System.Reflection;

namespace Kalc.Iac.Reporting;

/// <summary>The tool's name, version and home, as reports print them.</summary>
public static class ToolInfo
{
    public const string Name = "kalc-iac";

    public const string InformationUri = "https://github.com/kalc-iac/kalc-iac";

    /// <summary>The informational version without the "+commit" suffix the SDK appends.</summary>
    public static string Version { get; } = ReadVersion();

    private static string ReadVersion()
    {
        var assembly = typeof(ToolInfo).Assembly;
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (string.IsNullOrEmpty(informational))
            return assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        var plus = informational.IndexOf('+');
        return plus < 0 ? informational : informational[..plus];
    }
}
