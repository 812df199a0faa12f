using System.Collections.Immutable;
using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.AwsModel.Model;
using Kalc.Iac.Core;
using Kalc.Iac.KubeModel.Model;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.Analyzers.Tests;

/// <summary>Small builders for worlds and plans in analyzer tests (no readers involved).</summary>
internal static class TestWorld
{
    public const string Account = "123456789012";
    private static readonly SourceRef Src = SourceRef.Of("test");

    public static IamRole Role(string name) => new() { Arn = $"arn:aws:iam::{Account}:role/{name}", Name = name, Source = Src };

    public static InstanceProfile Profile(string name, string? role) => new()
    {
        Arn = $"arn:aws:iam::{Account}:instance-profile/{name}",
        Name = name,
        RoleNames = role is null ? [] : [role],
        Source = Src,
    };

    public static Ec2Instance Instance(string id, string? profile, string state = "running") => new()
    {
        InstanceId = id,
        State = state,
        AvailabilityZone = "eu-central-1a",
        PrivateDnsName = $"ip-{id}.eu-central-1.compute.internal",
        InstanceProfileArn = profile is null ? null : $"arn:aws:iam::{Account}:instance-profile/{profile}",
        Tags = ImmutableDictionary<string, string>.Empty.Add("kubernetes.io/cluster/devtest", "owned"),
        Source = Src,
    };

    public static KubeNode Node(Ec2Instance i, bool controlPlane = false) => new()
    {
        Name = i.PrivateDnsName!,
        ProviderId = $"aws:///{i.AvailabilityZone}/{i.InstanceId}",
        IsControlPlane = controlPlane,
        Source = Src,
    };

    public static Workload DaemonSet(string name, string sa, params string[] images) => new()
    {
        Kind = "DaemonSet", Namespace = "kube-system", Name = name, ServiceAccountName = sa, Images = [.. images], Source = Src,
    };

    public static World World(IEnumerable<IamRole> roles, IEnumerable<InstanceProfile> profiles, IEnumerable<Ec2Instance> instances,
        IEnumerable<KubeNode>? nodes = null, IEnumerable<Workload>? workloads = null, IEnumerable<ServiceAccount>? sas = null)
    {
        var aws = AwsState.Empty with
        {
            AccountId = Account,
            Roles = [.. roles],
            InstanceProfiles = [.. profiles],
            Instances = [.. instances],
            // The account has no Auto Scaling groups or launch templates: read, and empty.
            Loaded = [AwsStateKind.Iam, AwsStateKind.Instances, AwsStateKind.AutoScalingGroups, AwsStateKind.LaunchTemplateVersions],
        };
        var kube = KubeState.Empty;
        if (nodes is not null)
        {
            kube = kube with
            {
                Nodes = [.. nodes],
                Workloads = [.. workloads ?? []],
                ServiceAccounts = [.. sas ?? []],
                Loaded = [KubeStateKind.Nodes, KubeStateKind.Workloads, KubeStateKind.ServiceAccounts],
            };
        }
        return new World(aws, kube);
    }

    public static PlanValue Obj(params (string Key, object? Value)[] props) =>
        new PlanObject(props.ToImmutableDictionary(p => p.Key, p => ToValue(p.Value)));

    private static PlanValue ToValue(object? v) => v switch
    {
        null => PlanValue.Null,
        PlanValue pv => pv,
        string s => new PlanString(s),
        bool b => new PlanBool(b),
        _ => throw new ArgumentException("unsupported test value"),
    };

    public static ResourceChange Change(string type, string address, ChangeAction[] actions, PlanValue before, PlanValue after,
        ReplaceOrder order = ReplaceOrder.NotReplace) => new()
        {
            Address = address,
            Type = type,
            Name = address.Split('.')[^1],
            Actions = [.. actions],
            ReplaceOrder = order,
            Before = before,
            After = after,
            Source = SourceRef.Of("plan.json", null, address),
        };

    public static Change Plan(params ResourceChange[] changes) => new()
    {
        Kind = InputKind.TerraformJson,
        File = "plan.json",
        FormatVersion = "1.2",
        ResourceChanges = [.. changes],
    };
}
