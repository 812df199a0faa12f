namespace Kalc.Iac.Bench.Generator;

/// <summary>The one generated universe that the plan, the AWS dumps and the Kubernetes dumps all describe,
/// so that identities join: plan resources that exist before the change are in the dumps, node
/// instances carry the node instance profile, nodes' providerIDs name those instances.</summary>
internal sealed class Scenario
{
    public const string Account = "123456789012";
    public const string Region = "eu-west-1";
    public const string Cluster = "bench";
    public const string NodeProfile = "kube-node";
    public const string NodeRole = "kube-node-role";
    public const string GpuProfile = "kube-node-gpu";
    public const string GpuRole = "kube-node-gpu-role";
    public const string AlbRole = "alb-controller";
    public const string OidcProvider = "oidc.eks.eu-west-1.amazonaws.com/id/BENCH0D539D4633E53DE1B71EXAMPLE";

    /// <summary>Roles the cluster itself uses, always present in the IAM dump.</summary>
    public static readonly string[] SystemRoles = [NodeRole, GpuRole, AlbRole, "ebs-csi-driver", "cluster-autoscaler", "external-dns"];

    public static readonly string[] Zones = ["eu-west-1a", "eu-west-1b", "eu-west-1c"];

    public GeneratorOptions Options { get; }

    public Det Det { get; }

    /// <summary>Per plan index: resource kind, action, and the ordinal among resources of that kind.</summary>
    public ResourceKind[] Kinds { get; }

    public PlanAction[] Actions { get; }

    public int[] Ordinals { get; }

    public Scenario(GeneratorOptions options)
    {
        Options = options;
        Det = new Det(options.Seed);
        var n = options.Resources;
        Kinds = new ResourceKind[n];
        Actions = new PlanAction[n];
        Ordinals = new int[n];
        var counts = new int[Enum.GetValues<ResourceKind>().Length];
        for (var i = 0; i < n; i++)
        {
            Kinds[i] = ResourceKinds.FromPercent(Det.Below(i, 1, 100));
            Actions[i] = PlanActions.FromPermille(Det.Below(i, 2, 1000));
            Ordinals[i] = counts[(int)Kinds[i]]++;
        }
    }

    public static string NodeProfileArn => $"arn:aws:iam::{Account}:instance-profile/{NodeProfile}";

    public static string GpuProfileArn => $"arn:aws:iam::{Account}:instance-profile/{GpuProfile}";

    public static string RoleArn(string name) => $"arn:aws:iam::{Account}:role/{name}";

    public static string PolicyArn(string name) => $"arn:aws:iam::{Account}:policy/{name}";

    public string VpcId => "vpc-0" + Det.Hex(0, 100, 16);

    // Three private node subnets (a /18 each) and three public ones.
    public string SubnetId(int k) => "subnet-0" + Det.Hex(k, 101, 16);

    public static string SubnetCidr(int k) => k < 3 ? $"10.0.{k * 64}.0/18" : $"10.0.{192 + (k - 3) * 16}.0/20";

    public string SecurityGroupId(long k) => "sg-0" + Det.Hex(k, 102, 16);

    public string NodeSecurityGroupId => SecurityGroupId(-1);

    /// <summary>The EKS cluster security group (resourcesVpcConfig.clusterSecurityGroupId): on the control plane's ENIs.</summary>
    public string ClusterSecurityGroupId => SecurityGroupId(-2);

    public string InstanceId(int i) => "i-0" + Det.Hex(i, 103, 16);

    public static bool IsGpuNode(int i) => i % 5 == 4;

    /// <summary>Private IP of instance i, inside subnet i % 3.</summary>
    public static string PrivateIp(int i)
    {
        var offset = 16 + i / 3;
        return $"10.0.{(i % 3) * 64 + offset / 256}.{offset % 256}";
    }

    public static string NodeName(int i) => $"ip-{PrivateIp(i).Replace('.', '-')}.{Region}.compute.internal";

    public static string Zone(int i) => Zones[i % 3];

    public string UniqueId(string prefix, long index, int salt) => prefix + Det.Upper(index, salt, 17);

    /// <summary>Plan role i is named after its index, so plan and dump agree without a lookup table.</summary>
    public static string PlanRoleName(int i) => $"svc-{i:D6}";

    public static string PlanPolicyName(int k) => $"svc-policy-{k:D5}";

    /// <summary>Plan indexes of roles that exist before the change and fit in the dump (--roles minus the system roles).</summary>
    public IEnumerable<int> RolesInState()
    {
        var room = Math.Max(0, Options.Roles - SystemRoles.Length);
        for (var i = 0; i < Kinds.Length && room > 0; i++)
        {
            if (Kinds[i] != ResourceKind.IamRole || !Actions[i].ExistsBefore()) continue;
            room--;
            yield return i;
        }
    }

    /// <summary>The state instance a plan aws_instance stands for: non-node instances in plan order; fresh ids beyond them.</summary>
    public string PlanInstanceId(int i)
    {
        var slot = Options.Nodes + Ordinals[i];
        return slot < Options.Instances ? InstanceId(slot) : "i-0" + Det.Hex(i, 104, 16);
    }

    /// <summary>Plan index of the aws_instance that manages state instance k (k >= Nodes), or -1 when none does.</summary>
    public int[] PlanIndexOfInstance()
    {
        var map = Enumerable.Repeat(-1, Options.Instances).ToArray();
        for (var i = 0; i < Kinds.Length; i++)
        {
            if (Kinds[i] != ResourceKind.Instance || !Actions[i].ExistsBefore()) continue;
            var slot = Options.Nodes + Ordinals[i];
            if (slot < Options.Instances) map[slot] = i;
        }
        return map;
    }
}
