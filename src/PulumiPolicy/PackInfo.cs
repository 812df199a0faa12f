using Google.Protobuf.WellKnownTypes;
using Pulumirpc;

namespace Kalc.Iac.PulumiPolicy;

/// <summary>What <c>GetAnalyzerInfo</c> answers: the pack, its policies and the state policy's config schema.</summary>
internal static class PackInfo
{
    public const string Description =
        "kalc-iac predicts which parts of a Kubernetes cluster an update breaks (node credentials, IRSA and Pod Identity, " +
        "component permissions), from the stack before and after the update and the AWS and Kubernetes state.";

    public static AnalyzerInfo Build(PackPolicies policies, string version)
    {
        var info = new AnalyzerInfo
        {
            Name = PackPolicies.PackName,
            DisplayName = "kalc-iac",
            Version = version,
            SupportsConfig = true,
            Description = Description,
            Provider = "aws",
            Repository = "https://github.com/kalc-iac/kalc-iac",
        };
        foreach (var f in policies.Families)
        {
            info.Policies.Add(new PolicyInfo
            {
                Name = f.PolicyName,
                DisplayName = f.DisplayName,
                Description = f.Description,
                Message = "kalc-iac found a change that breaks a cluster component; the message names the resource, the nodes, the components and the fix.",
                EnforcementLevel = f.DefaultLevel,
                PolicyType = PolicyType.Stack,
                Severity = Severities.Of(f.Rules.Max(r => r.Severity)),
                RemediationSteps = "Follow the fix in the message; `kalc-iac explain RULE_ID` describes each rule.",
                Url = "https://github.com/kalc-iac/kalc-iac/blob/main/docs/pulumi-policy.md",
            });
        }
        info.Policies.Add(new PolicyInfo
        {
            Name = PackPolicies.StatePolicy,
            DisplayName = "kalc-iac: what could not be known",
            Description = "Says when kalc-iac cannot judge the update (no AWS or Kubernetes state, the stack before the update unknown, values known only after apply); make it mandatory to fail such previews. Its config says where the state comes from.",
            Message = "kalc-iac could not judge part of this update; the message says what is missing.",
            EnforcementLevel = EnforcementLevel.Advisory,
            PolicyType = PolicyType.Stack,
            Severity = PolicySeverity.Medium,
            ConfigSchema = StateSchema(),
            Url = "https://github.com/kalc-iac/kalc-iac/blob/main/docs/pulumi-policy.md",
        });
        return info;
    }

    private static PolicyConfigSchema StateSchema()
    {
        static Value Prop(string type, string description) => Value.ForStruct(new Struct
        {
            Fields = { ["type"] = Value.ForString(type), ["description"] = Value.ForString(description) },
        });
        var disable = Prop("array", "rule ids to skip, e.g. [\"KIAC205\"]");
        disable.StructValue.Fields["items"] = Value.ForStruct(new Struct { Fields = { ["type"] = Value.ForString("string") } });
        var failOn = Prop("string", "under a mandatory policy, findings at or above this severity are mandatory (default high)");
        failOn.StructValue.Fields["enum"] = Value.ForList(Value.ForString("info"), Value.ForString("low"), Value.ForString("medium"), Value.ForString("high"), Value.ForString("critical"));
        return new PolicyConfigSchema
        {
            Properties = new Struct
            {
                Fields =
                {
                    ["awsState"] = Prop("string", "a directory of aws-cli JSON outputs (kalc-iac snapshot), or \"live\""),
                    ["k8sState"] = Prop("string", "a file or directory of kubectl JSON/YAML, \"live\", or a kube context name"),
                    ["kubeContext"] = Prop("string", "the kube context for live reads"),
                    ["region"] = Prop("string", "the AWS region for live reads"),
                    ["cluster"] = Prop("string", "the EKS cluster name for live reads"),
                    ["stackExport"] = Prop("string", "a file with `pulumi stack export` output for the stack before the update (default: run `pulumi stack export`)"),
                    ["failOn"] = failOn,
                    ["disable"] = disable,
                },
            },
        };
    }
}
