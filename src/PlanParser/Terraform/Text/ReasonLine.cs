using System.Text.RegularExpressions;

namespace Kalc.Iac.PlanParser.Terraform.Text;

/// <summary>The <c># (...)</c> lines under a resource header: why it is deleted or read, where it moved from,
/// what it is imported from. Reasons map to Terraform's action_reason names
/// (https://developer.hashicorp.com/terraform/internals/json-format#resource-change-representation);
/// a reason with no known mapping is kept as its text.</summary>
internal static partial class ReasonLine
{
    [GeneratedRegex(@"^# \((?<body>.*)\)$")]
    private static partial Regex Parenthesised();

    public static bool TryParse(string trimmed, out string body)
    {
        var m = Parenthesised().Match(trimmed);
        body = m.Success ? m.Groups["body"].Value : "";
        return m.Success && !body.Contains("unchanged", StringComparison.Ordinal);
    }

    public static string? MovedFrom(string body) =>
        body.StartsWith("moved from ", StringComparison.Ordinal) ? body["moved from ".Length..].Trim() : null;

    public static bool IsImport(string body) => body.StartsWith("imported from ", StringComparison.Ordinal);

    public static string? ActionReason(string body)
    {
        if (body == "config refers to values not yet known") return "read_because_config_unknown";
        if (body == "depends on a resource or a module with changes pending") return "read_because_dependency_pending";
        if (body.StartsWith("config will be reloaded to verify a check block", StringComparison.Ordinal)) return "read_because_check_nested";
        if (!body.StartsWith("because ", StringComparison.Ordinal)) return null;
        if (body.Contains("for_each map", StringComparison.Ordinal)) return "delete_because_each_key";
        if (body.Contains("out of range for count", StringComparison.Ordinal)) return "delete_because_count_index";
        if (body.Contains("was moved to", StringComparison.Ordinal)) return "delete_because_no_move_target";
        if (body.Contains("count", StringComparison.Ordinal) || body.Contains("for_each", StringComparison.Ordinal))
            return "delete_because_wrong_repetition";
        if (body.EndsWith(" is not in configuration", StringComparison.Ordinal))
        {
            var named = body["because ".Length..^" is not in configuration".Length];
            return InstanceAddress.TryParse(named) is null && named.StartsWith("module.", StringComparison.Ordinal)
                ? "delete_because_no_module"
                : "delete_because_no_resource_config";
        }
        return body;
    }
}
