using System.Text.RegularExpressions;

namespace Kalc.Iac.PlanParser.Terraform.Text;

/// <summary>A resource header of Terraform 0.12+ / OpenTofu text: <c># ADDRESS will be created</c> and its
/// siblings, with the action reason the header wording carries (Terraform's action_reason names).</summary>
internal sealed partial record ResourceHeader(string Address, HeaderKind Kind, string? Deposed, string? MovedTo, string? ActionReason)
{
    // Wordings from Terraform 0.12 to 1.14 and OpenTofu (internal/command/jsonformat/diff.go and its predecessors).
    [GeneratedRegex(@"^# (?<addr>\S.*?)(?: \(deposed object (?<deposed>[^)\s]+)\))? (?<phrase>will be created|will be destroyed|will be updated in-place|must be replaced|will be replaced, as requested|is tainted, so must be replaced|will be replaced due to changes in replace_triggered_by|will be read during apply|will be imported|has changed|has been changed|has been deleted|must be replaced, but the existing object will not be destroyed|will no longer be managed by (?:Terraform|OpenTofu)(?:, but will not be destroyed)?|will be removed from (?:the )?(?:Terraform|OpenTofu) state(?:,)? but will not be destroyed|(?:update|delete) \(unknown reason [^)]*\)|will be forgotten|has moved to (?<to>\S.*))$")]
    private static partial Regex Header();

    public static ResourceHeader? TryParse(string trimmed)
    {
        if (!trimmed.StartsWith("# ", StringComparison.Ordinal)) return null;
        var m = Header().Match(trimmed);
        if (!m.Success) return null;
        var address = m.Groups["addr"].Value;
        if (InstanceAddress.TryParse(address) is null) return null;
        var phrase = m.Groups["phrase"].Value;
        var (kind, reason) = phrase switch
        {
            "will be created" => (HeaderKind.Create, null),
            "will be destroyed" => (HeaderKind.Destroy, null),
            "will be updated in-place" => (HeaderKind.Update, null),
            "must be replaced" => (HeaderKind.Replace, "replace_because_cannot_update"),
            "must be replaced, but the existing object will not be destroyed" => (HeaderKind.ReplaceForget, "replace_because_cannot_update"),
            "will be replaced, as requested" => (HeaderKind.Replace, "replace_by_request"),
            "is tainted, so must be replaced" => (HeaderKind.Replace, "replace_because_tainted"),
            "will be replaced due to changes in replace_triggered_by" => (HeaderKind.Replace, "replace_by_triggers"),
            "will be read during apply" => (HeaderKind.Read, (string?)null),
            "will be imported" => (HeaderKind.Import, null),
            "has changed" or "has been changed" => (HeaderKind.DriftChanged, null),
            "has been deleted" => (HeaderKind.DriftDeleted, null),
            _ when phrase.StartsWith("update (", StringComparison.Ordinal) => (HeaderKind.Update, null),
            _ when phrase.StartsWith("delete (", StringComparison.Ordinal) => (HeaderKind.Destroy, null),
            _ when phrase.StartsWith("has moved to ", StringComparison.Ordinal) => (HeaderKind.Moved, null),
            _ => (HeaderKind.Forget, null),
        };
        return new ResourceHeader(address, kind, m.Groups["deposed"].Success ? m.Groups["deposed"].Value : null,
            m.Groups["to"].Success ? m.Groups["to"].Value : null, reason);
    }
}
