using System.Text;
using Kalc.Iac.AwsModel.Dumps;
using Kalc.Iac.AwsModel.Model;

namespace Kalc.Iac.AwsModel.Tests.Dumps;

public sealed class AwsDumpParserTests
{
    private static AwsStateFragment Parse(string fixture)
    {
        var result = AwsDumpParser.Parse(Fixtures.Bytes("aws/aws-cli/" + fixture), fixture);
        Assert.True(result.IsOk, result.Error?.ToString());
        return result.Value;
    }

    [Theory]
    [InlineData("iam_get-account-authorization-details.json", "iam get-account-authorization-details")]
    [InlineData("iam_list-open-id-connect-providers.json", "iam list-open-id-connect-providers")]
    [InlineData("iam_get-open-id-connect-provider.repaired.json", "iam get-open-id-connect-provider")]
    [InlineData("iam_get-role.json", "iam get-role")]
    [InlineData("iam_list-roles.json", "iam list-roles")]
    [InlineData("iam_get-instance-profile.json", "iam get-instance-profile")]
    [InlineData("iam_list-instance-profiles.json", "iam list-instance-profiles")]
    [InlineData("sts_get-caller-identity.json", "sts get-caller-identity")]
    [InlineData("ec2_describe-instances_ex1.json", "ec2 describe-instances")]
    [InlineData("ec2_describe-subnets_ex1.repaired.json", "ec2 describe-subnets")]
    [InlineData("ec2_describe-vpcs_ex1.json", "ec2 describe-vpcs")]
    [InlineData("ec2_describe-security-groups_ex1.repaired.json", "ec2 describe-security-groups")]
    [InlineData("ec2_describe-launch-template-versions.json", "ec2 describe-launch-template-versions")]
    [InlineData("autoscaling_describe-auto-scaling-groups_ex1.json", "autoscaling describe-auto-scaling-groups")]
    [InlineData("eks_describe-cluster.json", "eks describe-cluster")]
    [InlineData("eks_list-pod-identity-associations_ex1.json", "eks list-pod-identity-associations")]
    [InlineData("eks_describe-pod-identity-association.json", "eks describe-pod-identity-association")]
    public void Each_real_aws_cli_output_is_recognised_by_its_content(string fixture, string command) =>
        Assert.Equal(command, Parse(fixture).Command);

    [Fact]
    public void Authorization_details_give_roles_with_policies_instance_profiles_and_managed_policy_documents()
    {
        var f = Parse("iam_get-account-authorization-details.json");
        var role = Assert.Single(f.State.Roles);
        Assert.Equal("arn:aws:iam::123456789012:role/EC2role", role.Arn);
        Assert.Equal("EC2role", role.Name);
        Assert.False(role.PoliciesIncomplete);
        Assert.Equal(["arn:aws:iam::aws:policy/AmazonS3FullAccess", "arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess"], role.AttachedManagedPolicyArns.ToArray());
        Assert.Equal(["arn:aws:iam::123456789012:instance-profile/EC2role"], role.InstanceProfileArns.ToArray());
        Assert.Contains("ec2.amazonaws.com", role.AssumeRolePolicy, StringComparison.Ordinal);
        var profile = Assert.Single(f.State.InstanceProfiles);
        Assert.Equal(["EC2role"], profile.RoleNames.ToArray());
        Assert.Equal(3, f.State.Policies.Length);
        var ec2 = f.State.Policies.Single(p => p.Name == "AmazonEC2FullAccess");
        Assert.True(ec2.IsAwsManaged);
        Assert.Contains("\"ec2:*\"", ec2.Document, StringComparison.Ordinal);
        Assert.Contains(AwsStateKind.Iam, f.State.Loaded);
        Assert.Equal("IsTruncated: true", f.TruncatedBy);
        Assert.Equal("123456789012", f.State.AccountId);
    }

    [Fact]
    public void Describe_instances_gives_profile_state_zone_dns_network_and_tags()
    {
        var i = Assert.Single(Parse("ec2_describe-instances_ex1.json").State.Instances);
        Assert.Equal("i-1234567890abcdef0", i.InstanceId);
        Assert.Equal("running", i.State);
        Assert.Equal("arn:aws:iam::111111111111:instance-profile/AmazonSSMRoleForInstancesQuickSetup", i.InstanceProfileArn);
        Assert.Equal("us-east-2a", i.AvailabilityZone);
        Assert.Equal("ip-10-0-0-157.us-east-2.compute.internal", i.PrivateDnsName);
        Assert.Equal("subnet-04a636d18e83cfacb", i.SubnetId);
        Assert.Equal("vpc-1234567890abcdef0", i.VpcId);
        Assert.Equal(["sg-1234567890abcdefg"], i.SecurityGroupIds.ToArray());
        Assert.Equal("my-instance", i.NameTag);
        Assert.Equal(new DateTimeOffset(2022, 11, 15, 10, 48, 59, TimeSpan.Zero), i.LaunchTime);
        Assert.Equal("Reservations[0].Instances[0]", i.Source.Path);
    }

    [Fact]
    public void The_launch_template_of_an_instance_comes_from_its_aws_launch_template_tag()
    {
        var json = File.ReadAllText(Fixtures.Path("aws/aws-cli/ec2_describe-instances_ex1.json")).Replace(
            "\"Key\": \"Name\",", "\"Key\": \"aws:ec2launchtemplate:id\", \"Value\": \"lt-0abc\" }, { \"Key\": \"Name\",", StringComparison.Ordinal);
        var f = AwsDumpParser.Parse(Encoding.UTF8.GetBytes(json), "i.json");
        Assert.Equal("lt-0abc", Assert.Single(f.Value!.State.Instances).LaunchTemplateId);
    }

    [Fact]
    public void Network_launch_template_asg_and_eks_outputs_give_their_records()
    {
        Assert.Equal(["subnet-0bb1c79de3EXAMPLE", "subnet-8EXAMPLE"], Parse("ec2_describe-subnets_ex1.repaired.json").State.Subnets.Select(s => s.SubnetId));
        Assert.Equal(["30.1.0.0/16"], Parse("ec2_describe-vpcs_ex1.json").State.Vpcs[0].CidrBlocks.ToArray());
        Assert.Equal("vpc-1a2b3c4d", Assert.Single(Parse("ec2_describe-security-groups_ex1.repaired.json").State.SecurityGroups).VpcId);
        var versions = Parse("ec2_describe-launch-template-versions.json").State.LaunchTemplateVersions;
        Assert.Equal([3L, 2L, 1L], versions.Select(v => v.VersionNumber));
        Assert.True(versions.Single(v => v.VersionNumber == 1).DefaultVersion);
        var asg = Assert.Single(Parse("autoscaling_describe-auto-scaling-groups_ex1.json").State.AutoScalingGroups);
        Assert.Equal(("my-asg", "lt-1234567890abcde12", "1", 1), (asg.Name, asg.LaunchTemplateId, asg.LaunchTemplateVersion, asg.DesiredCapacity));
        Assert.Equal(["i-06905f55584de02da"], asg.InstanceIds.ToArray());
        var eks = Assert.Single(Parse("eks_describe-cluster.json").State.EksClusters);
        Assert.Equal("https://oidc.eks.us-east-2.amazonaws.com/id/JSA79429HJDASKJDJ8223829MNDNASW", eks.OidcIssuer);
        Assert.Equal(("my-eks-cluster", "1.26", "vpc-0012b8e1cc0abb17d", "10.100.0.0/16"), (eks.Name, eks.Version, eks.VpcId, eks.ServiceIpv4Cidr));
        var assoc = Assert.Single(Parse("eks_describe-pod-identity-association.json").State.PodIdentityAssociations);
        Assert.Equal(("default", "default", "arn:aws:iam::111122223333:role/my-role"), (assoc.Namespace, assoc.ServiceAccount, assoc.RoleArn));
        Assert.All(Parse("eks_list-pod-identity-associations_ex1.json").State.PodIdentityAssociations, a => Assert.Null(a.RoleArn));
    }

    [Fact]
    public void A_role_inside_an_instance_profile_is_kept_with_its_policies_marked_unread()
    {
        var f = Parse("iam_list-instance-profiles.json");
        Assert.Equal(["example-dev-role", "example-s3-role"], f.State.InstanceProfiles.Select(p => p.Name));
        var role = f.EmbeddedRoles.Single(r => r.Name == "example-dev-role");
        Assert.True(role.PoliciesIncomplete);
        Assert.Equal(["arn:aws:iam::123456789012:instance-profile/example-dev-role"], role.InstanceProfileArns.ToArray());
    }

    [Fact]
    public void A_placeholder_that_is_no_policy_document_is_named_in_missing_not_stored()
    {
        var f = Parse("iam_get-role.json");
        Assert.Null(Assert.Single(f.State.Roles).AssumeRolePolicy);
        Assert.Contains(f.State.Missing, m => m.Contains("trust policy of role Test-Role", StringComparison.Ordinal));
    }

    [Fact]
    public void Url_encoded_policy_documents_of_the_raw_iam_api_are_decoded_to_json_text()
    {
        var policy = File.ReadAllText(Fixtures.Path("aws/aws-iam-policies/cloud-provider-aws_node-policy.json"));
        var trust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";
        var page = $$"""
            {"RoleDetailList": [{"RoleName": "node", "Arn": "arn:aws:iam::111122223333:role/node",
              "AssumeRolePolicyDocument": "{{Uri.EscapeDataString(trust)}}",
              "RolePolicyList": [{"PolicyName": "nodes", "PolicyDocument": "{{Uri.EscapeDataString(policy)}}"}]}],
             "Policies": [], "IsTruncated": false}
            """;
        var role = Assert.Single(AwsDumpParser.Parse(Encoding.UTF8.GetBytes(page), "raw.json").Value!.State.Roles);
        Assert.Equal(trust, role.AssumeRolePolicy);
        Assert.Equal(policy, role.InlinePolicies["nodes"]);
    }

    [Fact]
    public void A_utf16_file_with_bom_and_crlf_line_ends_loads()
    {
        var text = File.ReadAllText(Fixtures.Path("aws/aws-cli/ec2_describe-instances_ex1.json")).ReplaceLineEndings("\r\n");
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray();
        var f = AwsDumpParser.Parse(bytes, "utf16.json");
        Assert.True(f.IsOk, f.Error?.ToString());
        Assert.Equal("i-1234567890abcdef0", Assert.Single(f.Value.State.Instances).InstanceId);
    }

    [Fact]
    public void Json_that_is_not_an_aws_cli_output_we_read_is_listed_as_not_read_with_its_command()
    {
        var r = AwsDumpParser.Parse(Fixtures.Bytes("aws/aws-cli/ec2_describe-tags_ex1.json"), "dump/tags.json");
        Assert.True(r.IsOk, r.Error?.ToString());
        Assert.Equal(new NotReadOutput("dump/tags.json", "ec2 describe-tags"), Assert.Single(r.Value.State.NotRead));
        Assert.Empty(r.Value.State.Loaded);
    }

    [Fact]
    public void An_unknown_json_object_is_not_read_and_named_by_its_keys()
    {
        var r = AwsDumpParser.Parse("{\"Widgets\": [], \"Gadget\": 1}"u8.ToArray(), "w.json");
        Assert.Equal("top-level keys: Widgets, Gadget", Assert.Single(r.Value!.State.NotRead).Command);
    }

    [Fact]
    public void A_query_shaped_array_is_an_error_saying_so()
    {
        var r = AwsDumpParser.Parse(Fixtures.Bytes("aws/aws-cli/ec2_describe-instances_ex11.json"), "q.json");
        Assert.Contains("JSON array at top level", r.Error!.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x08 }, "binary content")]
    [InlineData(new byte[] { (byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}' }, "not valid UTF-8")]
    [InlineData(new byte[] { (byte)'h', (byte)'e', (byte)'l', (byte)'l', (byte)'o' }, "not valid JSON")]
    [InlineData(new byte[] { (byte)' ', (byte)'\n' }, "empty file")]
    public void Garbage_is_an_error_naming_the_file(byte[] bytes, string reason)
    {
        var r = AwsDumpParser.Parse(bytes, "junk.bin");
        Assert.False(r.IsOk);
        Assert.Equal("junk.bin", r.Error.File);
        Assert.Contains(reason, r.Error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Deep_nesting_ends_in_an_error_not_a_stack_overflow()
    {
        var deep = "{\"Reservations\":" + new string('[', 100_000) + new string(']', 100_000) + "}";
        var r = AwsDumpParser.Parse(Encoding.UTF8.GetBytes(deep), "deep.json");
        Assert.Contains("depth", r.Error!.Reason, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_record_without_its_identity_is_an_error_naming_the_command_and_path()
    {
        var r = AwsDumpParser.Parse("""{"Reservations":[{"Instances":[{"State":{"Name":"running"}}]}]}"""u8.ToArray(), "i.json");
        Assert.Equal("i.json: ec2 describe-instances: Reservations[0].Instances[0] has no \"InstanceId\"", r.Error!.ToString());
    }

    [Fact]
    public void A_lone_surrogate_escape_is_an_error_naming_the_file()
    {
        var r = AwsDumpParser.Parse("""{"Roles":[{"RoleName":"\uD800","Arn":"a"}]}"""u8.ToArray(), "s.json");
        Assert.Equal("s.json", r.Error!.File);
        Assert.Contains("UTF-16", r.Error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_mixing_two_commands_is_an_error()
    {
        var r = AwsDumpParser.Parse("""{"Subnets":[],"Vpcs":[]}"""u8.ToArray(), "both.json");
        Assert.Equal("both.json: mixes the outputs of several aws-cli commands (ec2 describe-subnets, ec2 describe-vpcs); give one command's output per file", r.Error!.ToString());
    }

    [Fact]
    public void Raw_botocore_output_with_response_metadata_and_a_mixed_instances_asg_is_read()
    {
        var page = """
            {"ResponseMetadata": {"RequestId": "r"}, "AutoScalingGroups": [{"AutoScalingGroupName": "nodes", "MinSize": 1, "MaxSize": 3, "DesiredCapacity": 2,
              "MixedInstancesPolicy": {"LaunchTemplate": {"LaunchTemplateSpecification": {"LaunchTemplateId": "lt-1", "Version": "$Latest"}}},
              "Tags": [{"Key": "kubernetes.io/cluster/c", "Value": "owned", "ResourceId": "nodes"}]}], "NextToken": "abc"}
            """;
        var f = AwsDumpParser.Parse(Encoding.UTF8.GetBytes(page), "asg.json").Value!;
        var asg = Assert.Single(f.State.AutoScalingGroups);
        Assert.Equal(("lt-1", "$Latest", 2), (asg.LaunchTemplateId, asg.LaunchTemplateVersion, asg.DesiredCapacity));
        Assert.Equal("owned", asg.Tags["kubernetes.io/cluster/c"]);
        Assert.Equal("NextToken", f.TruncatedBy);
    }
}
