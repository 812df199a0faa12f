using System.Text;
using Kalc.Iac.PlanParser.Model;
using Kalc.Iac.PlanParser.Pulumi;

namespace Kalc.Iac.PlanParser.Tests;

public class PulumiPreviewReaderTests
{
    private const string IamReplace = "pulumi/preview-iam-replace.json";
    private const string DeleteFirst = "pulumi/preview-delete-before-replace.json";

    private static Change Read(string file) => PulumiPreviewReader.Read(Fixtures.Bytes(file), file).Unwrap();

    private static ResourceChange Named(Change change, string name) => Assert.Single(change.ResourceChanges, rc => rc.Name == name);

    [Fact]
    public void A_replacement_spread_over_three_steps_counts_once_as_a_create_first_replace()
    {
        var change = Read(IamReplace);
        var profile = Named(change, "node-profile");

        Assert.Equal(ChangeKind.Replace, profile.Kind);
        Assert.Equal(ReplaceOrder.CreateBeforeDestroy, profile.ReplaceOrder);
        Assert.Equal("aws_iam_instance_profile", profile.Type);
        Assert.Equal("eks-node", profile.Before["name"].AsString());
        Assert.Equal("eks-node-v2", profile.After["name"].AsString());
        Assert.True(profile.After["arn"].IsUnknown);
        Assert.Equal(["name"], profile.ReplacePaths.ToArray());
        Assert.Equal("steps[3]", profile.Source.Path);
    }

    [Fact]
    public void Delete_before_replace_is_read_from_the_step_order()
    {
        var oidc = Named(Read(DeleteFirst), "cluster-oidc");

        Assert.Equal(ChangeKind.Replace, oidc.Kind);
        Assert.Equal(ReplaceOrder.DeleteBeforeCreate, oidc.ReplaceOrder);
        Assert.True(oidc.RemovesObject);
        Assert.Equal("aws_iam_openid_connect_provider", oidc.Type);
        Assert.Equal("sts.amazonaws.com", oidc.Before["client_id_list"].AsList()[0].AsString());
    }

    [Fact]
    public void Every_step_op_maps_onto_terraform_actions_and_the_counts_agree_with_the_change_summary()
    {
        var change = Read(IamReplace);
        var kinds = change.ResourceChanges.GroupBy(rc => rc.Kind).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(InputKind.PulumiPreview, change.Kind);
        Assert.Equal(8, change.ResourceChanges.Length);
        Assert.Equal(3, kinds[ChangeKind.NoOp]);
        Assert.Equal(2, kinds[ChangeKind.Create]);
        Assert.Equal(1, kinds[ChangeKind.Update]);
        Assert.Equal(1, kinds[ChangeKind.Delete]);
        Assert.Equal(1, kinds[ChangeKind.Replace]);
        Assert.DoesNotContain(change.Limitations, l => l.Contains("changeSummary", StringComparison.Ordinal));
    }

    [Fact]
    public void Import_and_read_steps_are_flagged_like_terraform_does()
    {
        var change = Read(DeleteFirst);
        var imported = Named(change, "external-dns");
        var read = Named(change, "existing");

        Assert.True(imported.Importing);
        Assert.Equal(ChangeKind.NoOp, imported.Kind);
        Assert.Equal(ChangeKind.Read, read.Kind);
        Assert.Equal("data", read.Mode);
        Assert.Equal("aws_eks_cluster", read.Type);
    }

    [Fact]
    public void Aws_types_and_property_names_are_translated_to_terraform_ones()
    {
        var change = Read(IamReplace);
        var role = Named(change, "node-role");
        var attachment = Named(change, "node-ecr-read");
        var pia = Named(change, "external-dns");
        var instance = Named(change, "worker-0");

        Assert.Equal("aws_iam_role", role.Type);
        Assert.Contains("eks.amazonaws.com", role.After["assume_role_policy"].AsString(), StringComparison.Ordinal);
        Assert.Equal("3600", role.After["max_session_duration"].AsString());
        Assert.Equal("aws_iam_role_policy_attachment", attachment.Type);
        Assert.Equal("arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly", attachment.Before["policy_arn"].AsString());
        Assert.Equal("eks-node-role", attachment.Before["role"].AsString());
        Assert.Equal("aws_eks_pod_identity_association", pia.Type);
        Assert.Equal("external-dns", pia.After["service_account"].AsString());
        Assert.Equal("aws_instance", instance.Type);
        Assert.Equal("eks-node", instance.After["iam_instance_profile"].AsString());
        Assert.Equal("worker-0", instance.After["tags"]["Name"].AsString());
    }

    [Fact]
    public void Unmapped_types_keep_their_pulumi_token_and_are_named_in_the_limitations()
    {
        var change = Read(IamReplace);

        Assert.Equal("aws:s3/bucketV2:BucketV2", Named(change, "logs").Type);
        Assert.Equal("pulumi:pulumi:Stack", Named(change, "eks-nodes-prod").Type);
        Assert.Contains(change.Limitations, l => l.Contains("aws:s3/bucketV2:BucketV2", StringComparison.Ordinal));
    }

    [Fact]
    public void Pulumi_secrets_become_sensitive_and_never_reach_the_model()
    {
        var change = Read(IamReplace);
        var role = Named(change, "node-role");

        Assert.True(role.Before["inline_policy"].AsList()[0]["policy"].IsSensitive);
        Assert.DoesNotContain("s3cr3t", ModelText.Of(change), StringComparison.Ordinal);
        Assert.True(Named(Read(DeleteFirst), "existing").After["certificate_authority"]["data"].IsSensitive);
    }

    [Fact]
    public void A_change_summary_that_disagrees_with_the_steps_is_reported()
    {
        var text = File.ReadAllText(Fixtures.Path(DeleteFirst)).Replace("\"same\": 1", "\"same\": 4", StringComparison.Ordinal);

        var change = PulumiPreviewReader.Read(Encoding.UTF8.GetBytes(text), "p.json").Unwrap();

        Assert.Contains(change.Limitations, l => l.Contains("changeSummary counts 4 same but the steps list 1", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("""{"format_version":"1.2","resource_changes":[]}""", "Terraform JSON plan")]
    [InlineData("""{"steps":[{"op":"explode","urn":"urn:pulumi:a::b::aws:iam/role:Role::r"}]}""", "unknown Pulumi step op (")]
    [InlineData("""{"steps":[{"op":"create","urn":"not-a-urn"}]}""", "not a Pulumi URN")]
    [InlineData("""{"steps":[{"op":"create"}]}""", "no \"urn\"")]
    [InlineData("""{"steps":[""", "JSON")]
    public void Bad_previews_are_errors_saying_why(string json, string expected)
    {
        var result = PulumiPreviewReader.Read(Encoding.UTF8.GetBytes(json), "p.json");

        Assert.False(result.IsOk);
        Assert.Contains(expected, result.Error.Reason, StringComparison.Ordinal);
        Assert.Equal("p.json", result.Error.File);
    }

    [Fact]
    public void Any_prefix_of_a_preview_is_an_error_or_a_preview()
    {
        var whole = Fixtures.Bytes(IamReplace);
        var end = Array.LastIndexOf(whole, (byte)'}') + 1;
        for (var length = 0; length <= whole.Length; length += 7)
            Assert.Equal(length >= end, PulumiPreviewReader.Read(whole.AsMemory(0, length), "p.json").IsOk);
    }

    [Theory]
    [InlineData("assumeRolePolicy", "assume_role_policy")]
    [InlineData("policyArn", "policy_arn")]
    [InlineData("role", "role")]
    [InlineData("ipv6CidrBlock", "ipv6_cidr_block")]
    [InlineData("enableDNSSupport", "enable_dns_support")]
    public void Camel_case_names_become_snake_case(string pulumi, string terraform) =>
        Assert.Equal(terraform, PulumiType.SnakeCase(pulumi));

    [Fact]
    public void The_type_table_holds_the_types_the_analyzers_need()
    {
        var map = PulumiTypeMap.Default;

        Assert.Equal("aws_iam_instance_profile", map.Find("aws:iam/instanceProfile:InstanceProfile")?.TerraformType);
        Assert.Equal("aws_iam_role", map.Find("aws:iam/role:Role")?.TerraformType);
        Assert.Equal("aws_iam_role_policy_attachment", map.Find("aws:iam/rolePolicyAttachment:RolePolicyAttachment")?.TerraformType);
        Assert.Equal("aws_iam_role_policy", map.Find("aws:iam/rolePolicy:RolePolicy")?.TerraformType);
        Assert.Equal("aws_iam_policy", map.Find("aws:iam/policy:Policy")?.TerraformType);
        Assert.Equal("aws_iam_openid_connect_provider", map.Find("aws:iam/openIdConnectProvider:OpenIdConnectProvider")?.TerraformType);
        Assert.Equal("aws_instance", map.Find("aws:ec2/instance:Instance")?.TerraformType);
        Assert.Equal("aws_eks_pod_identity_association", map.Find("aws:eks/podIdentityAssociation:PodIdentityAssociation")?.TerraformType);
        Assert.Null(map.Find("aws:s3/bucketV2:BucketV2"));
    }
}
