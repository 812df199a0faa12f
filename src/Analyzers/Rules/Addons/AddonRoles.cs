namespace Kalc.Iac.Analyzers.Rules.Addons;

/// <summary>What each EKS add-on does for the cluster, its workload, and what stops when it is gone.</summary>
public sealed record AddonRole(string Name, string Workload, string Component, string WhenGone, string Reference)
{
    public static readonly IReadOnlyDictionary<string, AddonRole> Known = new Dictionary<string, AddonRole>(StringComparer.Ordinal)
    {
        ["vpc-cni"] = new("vpc-cni", "DaemonSet kube-system/aws-node", "aws-node",
            "new pods get no IP address (sandbox creation fails: failed to assign an IP address to container); nodes launched next never become Ready",
            "https://docs.aws.amazon.com/eks/latest/userguide/managing-vpc-cni.html"),
        ["coredns"] = new("coredns", "Deployment kube-system/coredns", "coredns",
            "cluster DNS stops: every in-cluster name lookup (Services, and external names through it) fails",
            "https://docs.aws.amazon.com/eks/latest/userguide/managing-coredns.html"),
        ["kube-proxy"] = new("kube-proxy", "DaemonSet kube-system/kube-proxy", "kube-proxy",
            "Service routing is no longer programmed on the nodes: new Services and endpoint changes are not reachable, and new nodes have no Service routing",
            "https://docs.aws.amazon.com/eks/latest/userguide/managing-kube-proxy.html"),
        ["aws-ebs-csi-driver"] = new("aws-ebs-csi-driver", "Deployment kube-system/ebs-csi-controller and DaemonSet ebs-csi-node", "ebs-csi-controller",
            "EBS volumes are no longer provisioned, attached or mounted: pods with EBS PersistentVolumes cannot start or move",
            "https://docs.aws.amazon.com/eks/latest/userguide/ebs-csi.html"),
        ["eks-pod-identity-agent"] = new("eks-pod-identity-agent", "DaemonSet kube-system/eks-pod-identity-agent", "eks-pod-identity-agent",
            "pods that get AWS credentials through EKS Pod Identity associations can no longer fetch them",
            "https://docs.aws.amazon.com/eks/latest/userguide/pod-id-agent-setup.html"),
    };
}
