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
            "so the cluster cannot scale out or replace failed nodes. The same holds for a launch template the plan changes to name " +
            "a profile the same plan destroys.",
        remediation: "Publish a new launch template version that names the new instance profile (and make it the version the " +
            "Auto Scaling group uses) in the same change, or keep the profile.",
        "cluster-autoscaler", "karpenter", "kubelet")
        .Judging(["aws_iam_instance_profile", "aws_launch_template", "aws_autoscaling_group"], StateNeed.AutoScalingGroups, StateNeed.LaunchTemplateVersions);

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<Finding> Evaluate(AnalysisContext context) => ProfilesGoneFromTemplatesInState(context).Concat(TemplatesChangedToAGoneProfile(context));

    private static IEnumerable<Finding> ProfilesGoneFromTemplatesInState(AnalysisContext context)
    {
        var before = context.Before.Aws;
        var after = context.After.Aws;
        foreach (var change in context.MappedOf<InstanceProfileChange>())
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

    /// <summary>A launch template the plan changes (or creates) to name an instance profile the same plan destroys: the next
    /// instance any group launches from it fails like one launched from a version in the state.</summary>
    private static IEnumerable<Finding> TemplatesChangedToAGoneProfile(AnalysisContext context)
    {
        var after = context.After.Aws;
        foreach (var t in context.MappedOf<LaunchTemplateChange>())
        {
            if (t.Change.Kind is not (ChangeKind.Create or ChangeKind.Update or ChangeKind.Replace) || t.After is not { } lt) continue;
            var arn = lt.InstanceProfileArn.Value;
            var name = lt.InstanceProfileName.Value ?? arn?[(arn.LastIndexOf('/') + 1)..];
            if (name is null) continue;
            if (t.Before is { } b && b.InstanceProfileName.Value == lt.InstanceProfileName.Value && b.InstanceProfileArn.Value == arn) continue; // not changed here: the state-side check covers it
            var gone = context.MappedOf<InstanceProfileChange>().FirstOrDefault(c =>
                c.Change.Kind is ChangeKind.Delete or ChangeKind.Replace && c.Before?.Name.Value == name);
            if (gone is null) continue;
            var resolves = arn is not null ? after.InstanceProfiles.Any(p => p.Arn == arn) : after.InstanceProfiles.Any(p => p.Name == name);
            if (resolves) continue;
            var ids = new[] { t.Before?.Id.Value, lt.Id.Value }.OfType<string>().ToHashSet(StringComparer.Ordinal);
            var names = new[] { t.Before?.Name.Value, lt.Name.Value }.OfType<string>().ToHashSet(StringComparer.Ordinal);
            var groups = context.Before.Aws.AutoScalingGroups
                .Where(g => (g.LaunchTemplateId is { } i && ids.Contains(i)) || (g.LaunchTemplateName is { } n && names.Contains(n)))
                .Select(g => (g.Name, Fact: $"Auto Scaling group {g.Name} (desired {g.DesiredCapacity}, max {g.MaxSize}) launches from it (version {g.LaunchTemplateVersion ?? "$Default"})", g.Source))
                .Concat(context.MappedOf<AutoScalingGroupChange>()
                    .Where(g => g.After is { } a && !g.Change.RemovesObject &&
                        ((a.LaunchTemplateId.Value is { } i && ids.Contains(i)) || (a.LaunchTemplateName.Value is { } n && names.Contains(n)) ||
                         (!a.LaunchTemplateId.IsKnown && t.Change.Kind is ChangeKind.Create or ChangeKind.Replace)))
                    .Select(g => (Name: g.After!.Name.Value ?? g.Change.Address, Fact: $"{g.Change.Address} launches from it after the change", g.Change.Source)))
                .DistinctBy(g => g.Name).ToList();
            if (groups.Count == 0) continue;
            var evidence = new List<Evidence>
            {
                Findings.PlanStep(t.Change, $"launch template {lt.Name.Value ?? t.Change.Address} is changed to launch instances with instance profile {arn ?? name}"),
                Findings.PlanStep(gone.Change, $"instance profile {name} goes away in the same change"),
            };
            evidence.AddRange(groups.Select(g => new Evidence(g.Fact, g.Source)));
            evidence.Add(new("symptom: RunInstances fails with an invalid IAM instance profile; the group cannot add or replace nodes, so pending pods stay Pending and failed nodes are not replaced", SourceRef.Reference("https://docs.aws.amazon.com/autoscaling/ec2/userguide/ts-as-instancelaunchfailure.html")));
            evidence.Add(new("when: on-scale-out — the next time a group launches an instance from the new version (scale-out, instance refresh, health replacement)", SourceRef.Reference("https://docs.aws.amazon.com/autoscaling/ec2/userguide/auto-scaling-groups.html")));
            yield return Findings.For(Rule, t.Change,
                $"Launch template {lt.Name.Value ?? t.Change.Address} is changed to name instance profile {name}, which the same change destroys: {string.Join(", ", groups.Select(g => g.Name))} cannot launch new nodes.",
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
