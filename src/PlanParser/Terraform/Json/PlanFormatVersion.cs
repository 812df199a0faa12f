using System.Globalization;
using Kalc.Iac.Core;

namespace Kalc.Iac.PlanParser.Terraform.Json;

/// <summary>The plan JSON format versions we read: 0.1 and 0.2 (Terraform 0.12 to 1.0) and every 1.x (1.0 onwards);
/// a new major version means a breaking change of the format, so it is refused rather than misread.</summary>
internal static class PlanFormatVersion
{
    public static void Check(string? version)
    {
        if (version is null)
            throw new InputException("no format_version: not a terraform show -json plan");
        var dot = version.IndexOf('.');
        var majorText = dot < 0 ? version : version[..dot];
        if (!int.TryParse(majorText, NumberStyles.None, CultureInfo.InvariantCulture, out var major) || major > 1)
            throw new InputException($"unsupported format_version{Shown(version)} (this version reads 0.1, 0.2 and 1.x)");
    }

    /// <summary>The version, when it is one (digits and dots, short): anything else is not quoted, as the inside of a
    /// string value is never put into an error.</summary>
    private static string Shown(string version) =>
        version.Length is > 0 and <= 16 && version.All(c => c is '.' or (>= '0' and <= '9')) ? " " + version : "";
}
