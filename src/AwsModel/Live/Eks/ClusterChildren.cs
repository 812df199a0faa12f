using System.Text.Json.Nodes;

namespace Kalc.Iac.AwsModel.Live.Eks;

/// <summary>What runs in a cluster besides the control plane, each listed and described the same way:
/// eks:ListNodegroups / DescribeNodegroup (GET /clusters/{name}/node-groups[/{ng}]),
/// eks:ListFargateProfiles / DescribeFargateProfile (/fargate-profiles[/{fp}]) and eks:ListAddons / DescribeAddon
/// (/addons[/{addon}]). https://docs.aws.amazon.com/eks/latest/APIReference/API_Operations.html</summary>
public sealed record EksChild(string PathSegment, string ListKey, string ListCommand, string DescribeCommand, string What)
{
    public static readonly EksChild Nodegroups = new("node-groups", "nodegroups", "eks list-nodegroups", "eks describe-nodegroup", "managed node groups");

    public static readonly EksChild FargateProfiles = new("fargate-profiles", "fargateProfileNames", "eks list-fargate-profiles", "eks describe-fargate-profile", "Fargate profiles");

    public static readonly EksChild Addons = new("addons", "addons", "eks list-addons", "eks describe-addon", "EKS add-ons");

    public static readonly IReadOnlyList<EksChild> All = [Nodegroups, FargateProfiles, Addons];

    /// <summary>File name stem: "eks_describe-nodegroup".</summary>
    public string DescribeFile => DescribeCommand.Replace(' ', '_');

    public string ListFile => ListCommand.Replace(' ', '_');
}

public static class ClusterChildren
{
    public static async Task<AwsPage> ListAsync(Signed.SignedAwsClient client, EksChild child, string cluster, string? nextToken, CancellationToken ct)
    {
        var path = "clusters/" + EksPaths.Segment(cluster) + "/" + child.PathSegment + "?maxResults=100" + EksPaths.Token(nextToken);
        var (body, next) = EksJson.Parse(await client.GetAsync(path, ct).ConfigureAwait(false));
        return new AwsPage(body, next);
    }

    public static async Task<JsonObject> DescribeAsync(Signed.SignedAwsClient client, EksChild child, string cluster, string name, CancellationToken ct)
    {
        var path = "clusters/" + EksPaths.Segment(cluster) + "/" + child.PathSegment + "/" + EksPaths.Segment(name);
        return EksJson.Parse(await client.GetAsync(path, ct).ConfigureAwait(false)).Body;
    }
}
