using System.Text;
using System.Text.Json.Nodes;
using Kalc.Iac.AwsModel.Dumps;
using Kalc.Iac.AwsModel.Model;

namespace Kalc.Iac.AwsModel.Tests.Dumps;

public sealed class AwsDumpDirectoryTests
{
    private static (string, ReadOnlyMemory<byte>) Fixture(string name) => (name, Fixtures.Bytes("aws/aws-cli/" + name));

    private static (string, ReadOnlyMemory<byte>) Json(string name, JsonNode node) => (name, Encoding.UTF8.GetBytes(node.ToJsonString()));

    /// <summary>The describe-instances example with another instance id and, optionally, a NextToken.</summary>
    private static JsonNode InstancesPage(string instanceId, string? nextToken)
    {
        var page = JsonNode.Parse(Fixtures.Bytes("aws/aws-cli/ec2_describe-instances_ex1.json"))!;
        page["Reservations"]![0]!["Instances"]![0]!["InstanceId"] = instanceId;
        if (nextToken is not null) page["NextToken"] = nextToken;
        return page;
    }

    private static AwsState Read(params (string, ReadOnlyMemory<byte>)[] files)
    {
        var r = AwsDumpDirectory.Read(files);
        Assert.True(r.IsOk, r.Error?.ToString());
        return r.Value;
    }

    [Fact]
    public void Pages_in_several_files_merge_and_a_continued_page_is_not_missing()
    {
        var state = Read(Json("instances-1.json", InstancesPage("i-1", "tok")), Json("instances-2.json", InstancesPage("i-2", null)));
        Assert.Equal(["i-1", "i-2"], state.Instances.Select(i => i.InstanceId));
        Assert.Empty(state.Missing);
        Assert.Contains(AwsStateKind.Instances, state.Loaded);
    }

    [Fact]
    public void A_truncated_page_without_its_rest_is_named_in_missing_and_the_state_still_loads()
    {
        var state = Read(Json("instances-1.json", InstancesPage("i-1", "tok")), Fixture("ec2_describe-subnets_ex2.json"));
        Assert.Equal("ec2 describe-instances: page in instances-1.json has NextToken but no further page was given", Assert.Single(state.Missing));
        Assert.Equal(["i-1"], state.Instances.Select(i => i.InstanceId));
    }

    [Fact]
    public void The_truncated_authorization_details_example_is_named_in_missing()
    {
        var state = Read(Fixture("iam_get-account-authorization-details.json"));
        Assert.Equal("iam get-account-authorization-details: page in iam_get-account-authorization-details.json has IsTruncated: true but no further page was given",
            Assert.Single(state.Missing));
        Assert.Equal("123456789012", state.AccountId);
        Assert.Superset(new HashSet<AwsStateKind> { AwsStateKind.Iam, AwsStateKind.IamRoles, AwsStateKind.InstanceProfiles, AwsStateKind.ManagedPolicies }, state.Loaded);
    }

    [Fact]
    public void The_same_record_in_two_files_is_kept_once()
    {
        var state = Read(Fixture("ec2_describe-subnets_ex1.repaired.json"), Fixture("ec2_describe-subnets_ex2.json"),
            Fixture("ec2_describe-vpcs_ex1.json"), Fixture("ec2_describe-vpcs_ex2.json"));
        Assert.Equal(["subnet-0bb1c79de3EXAMPLE", "subnet-8EXAMPLE"], state.Subnets.Select(s => s.SubnetId));
        Assert.Equal(2, state.Vpcs.Length);
    }

    [Fact]
    public void One_role_name_under_two_arns_is_an_input_error_naming_both_files()
    {
        static JsonNode Role(string account)
        {
            var role = JsonNode.Parse(Fixtures.Bytes("aws/aws-cli/iam_get-role.json"))!;
            role["Role"]!["Arn"] = $"arn:aws:iam::{account}:role/Test-Role";
            return role;
        }

        var r = AwsDumpDirectory.Read([Json("prod/get-role.json", Role("111111111111")), Json("staging/get-role.json", Role("222222222222"))]);

        Assert.False(r.IsOk);
        Assert.Equal("staging/get-role.json", r.Error!.File);
        Assert.Contains("role Test-Role is arn:aws:iam::222222222222:role/Test-Role here and arn:aws:iam::111111111111:role/Test-Role in prod/get-role.json", r.Error.Reason, StringComparison.Ordinal);
        Assert.Contains("more than one account", r.Error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_role_in_two_outputs_of_one_account_is_no_conflict()
    {
        var state = Read(Fixture("iam_get-role.json"), ("copy/get-role.json", Fixtures.Bytes("aws/aws-cli/iam_get-role.json")));

        Assert.Single(state.Roles);
    }

    [Fact]
    public void A_described_pod_identity_association_supplies_the_role_its_listing_lacks()
    {
        var state = Read(Fixture("eks_list-pod-identity-associations_ex1.json"), Fixture("eks_describe-pod-identity-association.json"));
        Assert.Equal(3, state.PodIdentityAssociations.Length);
        Assert.Equal("arn:aws:iam::111122223333:role/my-role", state.PodIdentityAssociations.Single(a => a.AssociationId == "a-9njjin9gfghecgocd").RoleArn);
        Assert.Equal("eks_list-pod-identity-associations_ex1.json", state.PodIdentityAssociations[1].Source.File);
    }

    [Fact]
    public void The_most_detailed_copy_of_a_role_wins_and_keeps_every_instance_profile_link()
    {
        var details = JsonNode.Parse(Fixtures.Bytes("aws/aws-cli/iam_get-account-authorization-details.json"))!;
        details.AsObject().Remove("IsTruncated");
        var listed = JsonNode.Parse("""{"Roles":[{"RoleName":"EC2role","Arn":"arn:aws:iam::123456789012:role/EC2role"}]}""")!;
        var state = Read(Json("roles.json", listed), Json("auth.json", details));
        var role = Assert.Single(state.Roles);
        Assert.False(role.PoliciesIncomplete);
        Assert.Equal("auth.json", role.Source.File);
        Assert.Equal(2, role.AttachedManagedPolicyArns.Length);
        Assert.Equal(["arn:aws:iam::123456789012:instance-profile/EC2role"], role.InstanceProfileArns.ToArray());
        Assert.Empty(state.Missing);
    }

    [Fact]
    public void An_oidc_provider_gets_its_thumbprints_from_get_and_its_arn_from_the_listing()
    {
        var get = JsonNode.Parse(Fixtures.Bytes("aws/aws-cli/iam_get-open-id-connect-provider.repaired.json"))!;
        get["Url"] = "https://example.oidcprovider.com";
        var state = Read(Fixture("iam_list-open-id-connect-providers.json"), Json("get.json", get));
        var p = Assert.Single(state.OidcProviders);
        Assert.Equal("arn:aws:iam::123456789012:oidc-provider/example.oidcprovider.com", p.Arn);
        Assert.Equal("example.oidcprovider.com", p.Url);
        Assert.Equal(["12345abcdefghijk67890lmnopqrst987example"], p.Thumbprints.ToArray());
        Assert.Equal(["example-application-ID"], p.ClientIds.ToArray());
    }

    [Fact]
    public void An_unlisted_oidc_provider_takes_the_account_of_the_caller_identity()
    {
        var state = Read(Fixture("sts_get-caller-identity.json"), Fixture("iam_get-open-id-connect-provider.repaired.json"));
        Assert.Equal("arn:aws:iam::123456789012:oidc-provider/server.example.com", Assert.Single(state.OidcProviders).Arn);
        Assert.Empty(state.Missing);
    }

    [Fact]
    public void A_directory_reads_every_dump_and_skips_readme_text_and_hidden_files()
    {
        var dir = Directory.CreateTempSubdirectory("kalc-aws-");
        try
        {
            foreach (var f in new[] { "ec2_describe-instances_ex1.json", "eks_describe-cluster.json", "iam_list-instance-profiles.json" })
                File.Copy(Fixtures.Path("aws/aws-cli/" + f), Path.Combine(dir.FullName, f));
            Directory.CreateDirectory(Path.Combine(dir.FullName, "ec2"));
            File.Copy(Fixtures.Path("aws/aws-cli/ec2_describe-vpcs_ex1.json"), Path.Combine(dir.FullName, "ec2", "vpcs"));
            File.WriteAllText(Path.Combine(dir.FullName, "README.md"), "# how this dump was made");
            File.WriteAllText(Path.Combine(dir.FullName, "notes.txt"), "not json");
            File.WriteAllText(Path.Combine(dir.FullName, ".DS_Store"), "\0\0\0");
            var r = AwsDumpDirectory.Read(dir.FullName);
            Assert.True(r.IsOk, r.Error?.ToString());
            Assert.Equal([AwsStateKind.EksClusters, AwsStateKind.InstanceProfiles, AwsStateKind.Instances, AwsStateKind.Vpcs], r.Value.Loaded.OrderBy(k => k.ToString()));
            Assert.Equal(2, r.Value.Vpcs.Length);

            File.WriteAllBytes(Path.Combine(dir.FullName, "zz-garbage.json"), [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01]);
            var bad = AwsDumpDirectory.Read(dir.FullName);
            Assert.Equal(Path.Combine(dir.FullName, "zz-garbage.json"), bad.Error!.File);
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public void An_empty_or_absent_directory_is_an_error()
    {
        var dir = Directory.CreateTempSubdirectory("kalc-aws-");
        try
        {
            Assert.Contains("no aws-cli output files", AwsDumpDirectory.Read(dir.FullName).Error!.Reason, StringComparison.Ordinal);
            Assert.Equal("no such directory", AwsDumpDirectory.Read(Path.Combine(dir.FullName, "nope")).Error!.Reason);
        }
        finally
        {
            dir.Delete(true);
        }
    }

    /// <summary>The error reported is the first bad file in path order, and the merge is in path order.</summary>
    [Fact]
    public void Of_several_bad_files_the_first_in_path_order_is_reported_and_good_files_merge_in_order()
    {
        var dir = Directory.CreateTempSubdirectory("kalc-aws-");
        try
        {
            var pages = new[] { "ec2_describe-instances_ex1.json", "iam_list-instance-profiles.json", "ec2_describe-vpcs_ex1.json" };
            for (var i = 0; i < 12; i++)
                File.Copy(Fixtures.Path("aws/aws-cli/" + pages[i % pages.Length]), Path.Combine(dir.FullName, $"{i:D2}.json"));
            var once = AwsDumpDirectory.Read(dir.FullName).Unwrap();
            for (var run = 0; run < 5; run++)
                Assert.Equal(once.Instances.Select(x => x.Source.File), AwsDumpDirectory.Read(dir.FullName).Unwrap().Instances.Select(x => x.Source.File));

            File.WriteAllText(Path.Combine(dir.FullName, "07-bad.json"), "{\"Reservations\": [");
            File.WriteAllBytes(Path.Combine(dir.FullName, "03-bad.json"), [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01]);
            for (var run = 0; run < 5; run++)
                Assert.Equal(Path.Combine(dir.FullName, "03-bad.json"), AwsDumpDirectory.Read(dir.FullName).Error!.File);
        }
        finally
        {
            dir.Delete(true);
        }
    }
}
