using System.Text.Json;

namespace Kalc.Iac.Bench.Generator.Plan;

/// <summary>aws_iam_role_policy_attachment: small, numerous, the classic way a permission disappears.</summary>
internal sealed class RolePolicyAttachmentShape : IResourceShape
{
    private static readonly string[] Managed =
    [
        "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess",
        "arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy",
        "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore",
    ];

    public string Name => "attach";

    public bool UsesCount => true;

    public string[] UnknownOnCreate { get; } = ["id"];

    public string ReplacePath => "policy_arn";

    public string[] Sensitive { get; } = [];

    public void WriteValues(Utf8JsonWriter w, Scenario s, int i, Side side, bool changed)
    {
        var created = side == Side.After && s.Actions[i].CreatesNew();
        var role = Scenario.PlanRoleName(s.Det.Below(i, 50, Math.Max(1, s.Options.Resources)));
        var pick = s.Det.Below(i, 51, 4) + (changed ? 1 : 0);
        var policy = pick % 4 == 3 ? Scenario.PolicyArn(Scenario.PlanPolicyName(i % Math.Max(1, s.Options.Policies))) : Managed[pick % 4 % 3];
        w.WriteStartObject();
        if (!created) w.WriteString("id", $"{role}-{s.Det.Hex(i, 52, 26)}");
        w.WriteString("policy_arn", policy);
        w.WriteString("role", role);
        w.WriteEndObject();
    }
}
