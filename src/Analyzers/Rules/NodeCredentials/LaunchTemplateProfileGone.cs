using Kalc.Iac.Analyzers.Mapping.Aws;
using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.AwsModel.Model;
using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.Rules.NodeCredentials;

/// <summary>KIAC104: a launch template that an Auto Scaling group launches nodes from names an instance profile the plan removes.</summary>
public sealed class LaunchTemplateProfileGone : IRule
{
    public const string Id = "KIAC104";

    public static readonly RuleDescriptor Rule = RuleDescriptors.Create(
        Id, "node-credentials",
        "Node launch template names an instance profile that will no longer exist",
        Severity.High,
        rationale: "A launch template refers to its instance profile by ARN or name. When that profile is destroyed - or replaced " +
            "under a new ARN - every instance the Auto Scaling group launches next fails RunInstances (invalid IAM instance profile), " +
            "so the cluster cannot scale out or replace failed nodes.",
        remediation: "Publish a new launch template version that names the new instance profile (and make it the version the " +
            "Auto Scaling group uses) in the same change, or keep the profile.",
        "cluster-autoscaler", "karpenter", "kubelet")
        .Judging(["aws_iam_instance_profile", "aws_launch_template"], StateNeed.AutoScalingGroups, StateNeed.LaunchTemplateVersions);

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(AnalysisContext context)
    {
        var before = context.Before.Aws;
        var after = context.After.Aws;
        foreach (var change in context.Mapped.OfType<InstanceProfileChange>())
        {
            if (change.Change.Kind is not (ChangeKind.Delete or ChangeKind.Replace) || change.Before?.Name.Value is not { } name) continue;
            var oldArn = change.Before.Arn.Value ?? before.InstanceProfiles.FirstOrDefault(p => p.Name == name)?.Arn;
            var users = new List<(LaunchTemplateVersion Version, List<AutoScalingGroup> Groups)>();
            foreach (var v in UsedVersions(before))
            {
                if (!References(v.Version, name, oldArn)) continue;
                if (StillResolves(v.Version, after)) continue;
                users.Add(v);
            }
            if (users.Count == 0) continue;
            var groups = users.SelectMany(u => u.Groups).DistinctBy(g => g.Name).ToList();
            var evidence = new List<Evidence>
            {
                Findings.PlanStep(change.Change, $"instance profile {name} goes away"),
            };
            foreach (var (v, gs) in users)
            {
                evidence.Add(new($"launch template {v.LaunchTemplateName ?? v.LaunchTemplateId} version {v.VersionNumber} launches instances with instance profile {v.InstanceProfileArn ?? v.InstanceProfileName}", v.Source));
                foreach (var g in gs) evidence.Add(new($"Auto Scaling group {g.Name} (desired {g.DesiredCapacity}, max {g.MaxSize}) launches from it (version {g.LaunchTemplateVersion ?? "$Default"})", g.Source));
            }
            evidence.Add(new("symptom: RunInstances fails with an invalid IAM instance profile; the group cannot add or replace nodes, so pending pods stay Pending and failed nodes are not replaced", SourceRef.Reference("https://docs.aws.amazon.com/autoscaling/ec2/userguide/ts-as-instancelaunchfailure.html")));
            evidence.Add(new("when: on-scale-out — the next time a group launches an instance (scale-out, instance refresh, health replacement)", SourceRef.Reference("https://docs.aws.amazon.com/autoscaling/ec2/userguide/auto-scaling-groups.html")));
            yield return Findings.For(Rule, change.Change,
                $"Instance profile {name} goes away but {string.Join(", ", groups.Select(g => g.Name))} still launch nodes with it: new nodes fail to start.",
                new Impact { Components = ["cluster-autoscaler", "kubelet"], TimeToImpact = TimeToImpact.OnScaleOut },
                evidence);
        }
    }

    /// <summary>The launch template versions Auto Scaling groups launch from ($Latest, $Default or a number).</summary>
    private static IEnumerable<(LaunchTemplateVersion Version, List<AutoScalingGroup> Groups)> UsedVersions(AwsState aws)
    {
        var result = new Dictionary<(string, long), (LaunchTemplateVersion, List<AutoScalingGroup>)>();
        foreach (var g in aws.AutoScalingGroups)
        {
            var versions = aws.LaunchTemplateVersions.Where(v => v.LaunchTemplateId == g.LaunchTemplateId || (g.LaunchTemplateName is not null && v.LaunchTemplateName == g.LaunchTemplateName)).ToList();
            if (versions.Count == 0) continue;
            var chosen = g.LaunchTemplateVersion switch
            {
                "$Latest" => versions.MaxBy(v => v.VersionNumber),
                null or "$Default" => versions.FirstOrDefault(v => v.DefaultVersion) ?? versions.MaxBy(v => v.VersionNumber),
                var n => versions.FirstOrDefault(v => v.VersionNumber.ToString(System.Globalization.CultureInfo.InvariantCulture) == n),
            };
            if (chosen is null) continue;
            var key = (chosen.LaunchTemplateId, chosen.VersionNumber);
            if (!result.TryGetValue(key, out var entry)) result[key] = entry = (chosen, []);
            entry.Item2.Add(g);
        }
        return result.Values;
    }

    private static bool References(LaunchTemplateVersion v, string name, string? arn) =>
        (v.InstanceProfileName is not null && v.InstanceProfileName == name) ||
        (v.InstanceProfileArn is not null && (v.InstanceProfileArn == arn || v.InstanceProfileArn.EndsWith("/" + name, StringComparison.Ordinal)));

    /// <summary>A name resolves to any profile of that name after apply; an ARN only to a profile with exactly that ARN.</summary>
    private static bool StillResolves(LaunchTemplateVersion v, AwsState after) =>
        v.InstanceProfileArn is { } arn
            ? after.InstanceProfiles.Any(p => p.Arn == arn)
            : after.InstanceProfiles.Any(p => p.Name == v.InstanceProfileName);
}
