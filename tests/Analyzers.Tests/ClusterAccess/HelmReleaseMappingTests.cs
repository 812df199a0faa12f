using Kalc.Iac.Analyzers.Mapping;
using Kalc.Iac.Analyzers.Mapping.Kubernetes;
using Kalc.Iac.Analyzers.Model;
using Kalc.Iac.PlanParser.Model;
using static Kalc.Iac.Analyzers.Tests.TestWorld;

namespace Kalc.Iac.Analyzers.Tests.ClusterAccess;

/// <summary>A helm_release is read as an aws-auth change only as far as its rendered output can be known.</summary>
public class HelmReleaseMappingTests
{
    private const string Roles = "- rolearn: arn:aws:iam::111122223333:role/admin\n  username: admin\n  groups:\n    - system:masters\n";

    private static PlanValue Release(string chart, params string[] values) => Release("aws-auth", chart, values);

    private static PlanValue Release(string name, string chart, string[] values) =>
        Obj(("name", name), ("namespace", "kube-system"), ("chart", chart),
            ("values", new PlanList([.. values.Select(v => (PlanValue)new PlanString(v))])));

    private static MappedChange Map(PlanValue before, PlanValue after) =>
        ResourceMappers.Map(Change("helm_release", "helm_release.aws_auth", [ChangeAction.Update], before, after));

    [Fact]
    public void A_raw_chart_resource_rendering_aws_auth_is_read_as_the_configmap_it_renders()
    {
        var values = "resources:\n  - apiVersion: v1\n    kind: ConfigMap\n    metadata:\n      name: aws-auth\n      namespace: kube-system\n    data:\n      mapRoles: |\n" +
            string.Concat(Roles.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => "        " + l + "\n"));

        var mapped = Assert.IsType<ConfigMapChange>(Map(Release("raw", values), Release("raw", values)));

        Assert.True(mapped.IsAwsAuth);
        Assert.Equal(MappingStatus.Analysed, mapped.Status);
        Assert.Equal(Roles, mapped.After!.Data.Value!["mapRoles"]);
        Assert.Empty(mapped.OtherObjects);
    }

    [Fact]
    public void A_raw_chart_template_with_a_template_expression_makes_aws_auth_unknown()
    {
        var values = "templates:\n  - |\n    apiVersion: v1\n    kind: ConfigMap\n    metadata:\n      name: aws-auth\n      namespace: kube-system\n    data:\n      mapRoles: {{ .Values.roles | quote }}\n";

        var mapped = Assert.IsType<ConfigMapChange>(Map(Release("raw", values), Release("raw", values)));

        Assert.True(mapped.IsAwsAuth);
        Assert.False(mapped.After!.Data.IsKnown);
        Assert.Contains("helm_release aws-auth (chart raw)", mapped.After.Data.WhyUnknown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_manifest_lists_the_other_objects_the_release_renders()
    {
        var manifest = "{\"kube-system/configmap/v1/aws-auth\":{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"aws-auth\",\"namespace\":\"kube-system\"},\"data\":{\"mapRoles\":\"[]\"}}," +
            "\"kube-system/serviceaccount/v1/auth-sync\":{\"apiVersion\":\"v1\",\"kind\":\"ServiceAccount\",\"metadata\":{\"name\":\"auth-sync\",\"namespace\":\"kube-system\"}}}";
        var release = Obj(("name", "aws-auth"), ("namespace", "kube-system"), ("chart", "./charts/aws-auth"), ("manifest", manifest));

        var mapped = Assert.IsType<ConfigMapChange>(Map(release, release));

        Assert.Equal(new[] { "ServiceAccount kube-system/auth-sync" }, mapped.OtherObjects.ToArray());
        Assert.Equal("[]", mapped.After!.Data.Value!["mapRoles"]);
    }

    [Fact]
    public void A_release_that_does_not_mention_aws_auth_stays_unsupported()
    {
        var release = Release("cert-manager", "cert-manager", ["installCRDs: true\n"]);

        var mapped = ResourceMappers.Map(Change("helm_release", "helm_release.cert_manager", [ChangeAction.Update], release, release));

        Assert.IsType<UnsupportedChange>(mapped);
        Assert.Equal(MappingStatus.Unsupported, mapped.Status);
    }
}
