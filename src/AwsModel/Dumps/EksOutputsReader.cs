using System.Text.Json;
using Kalc.Iac.AwsModel.Model;
using Kalc.Iac.Core;

namespace Kalc.Iac.AwsModel.Dumps;

/// <summary><c>eks describe-cluster</c> (cluster), <c>eks list-pod-identity-associations</c> (associations, without
/// roles) and <c>eks describe-pod-identity-association</c> (association, with its role). EKS prints camelCase.</summary>
internal static class EksOutputsReader
{
    public static void ReadCluster(AwsDump dump, FragmentParts parts)
    {
        var c = dump.Root.Obj("cluster") ?? throw new InputException("\"cluster\" is not an object");
        var vpc = c.Obj("resourcesVpcConfig");
        parts.EksClusters.Add(new EksCluster
        {
            Name = c.Need("name", "cluster"),
            Arn = c.Str("arn"),
            Version = c.Str("version"),
            RoleArn = c.Str("roleArn"),
            OidcIssuer = c.Obj("identity")?.Obj("oidc")?.Str("issuer"),
            VpcId = vpc?.Str("vpcId"),
            AuthenticationMode = c.Obj("accessConfig")?.Str("authenticationMode"),
            SecurityGroupIds = vpc is { } v1 ? v1.Strings("securityGroupIds") : [],
            ClusterSecurityGroupId = vpc?.Str("clusterSecurityGroupId"),
            SubnetIds = vpc is { } v2 ? v2.Strings("subnetIds") : [],
            EndpointPublicAccess = vpc?.Field("endpointPublicAccess") is { } pub ? pub.ValueKind == JsonValueKind.True : null,
            EndpointPrivateAccess = vpc?.Field("endpointPrivateAccess") is { } prv ? prv.ValueKind == JsonValueKind.True : null,
            ServiceIpv4Cidr = c.Obj("kubernetesNetworkConfig")?.Str("serviceIpv4Cidr"),
            IpFamily = c.Obj("kubernetesNetworkConfig")?.Str("ipFamily"),
            EncryptionKeyArns = [.. c.Arr("encryptionConfig").Select(e => e.Obj("provider")?.Str("keyArn")).OfType<string>()],
            PlatformVersion = c.Str("platformVersion"),
            Status = c.Str("status"),
            Source = SourceRef.Of(parts.File, path: "cluster"),
        });
        parts.Loaded.Add(AwsStateKind.EksClusters);
    }

    public static void ReadAssociations(AwsDump dump, FragmentParts parts)
    {
        parts.AssociationDetail = 1;
        var i = 0;
        foreach (var a in dump.Items("associations"))
            parts.PodIdentityAssociations.Add(ReadAssociation(a, $"associations[{i++}]", parts.File));
        parts.Loaded.Add(AwsStateKind.PodIdentityAssociations);
    }

    public static void ReadAssociation(AwsDump dump, FragmentParts parts)
    {
        parts.AssociationDetail = 2;
        parts.PodIdentityAssociations.Add(ReadAssociation(
            dump.Root.Obj("association") ?? throw new InputException("\"association\" is not an object"), "association", parts.File));
    }

    private static PodIdentityAssociation ReadAssociation(JsonElement a, string path, string file) => new()
    {
        AssociationId = a.Need("associationId", path),
        AssociationArn = a.Str("associationArn"),
        ClusterName = a.Need("clusterName", path),
        Namespace = a.Need("namespace", path),
        ServiceAccount = a.Need("serviceAccount", path),
        RoleArn = a.Str("roleArn"),
        Source = SourceRef.Of(file, path: path),
    };
}
