using Kalc.Iac.AwsModel.Dumps;
using Kalc.Iac.AwsModel.Model;
using Kalc.Iac.Core.Live;
using Kalc.Iac.Tests.Live.Fakes;

namespace Kalc.Iac.AwsModel.Tests.Live;

/// <summary>`--aws-state live` parses the live documents in memory; `snapshot` writes them and `--aws-state DIR` reads
/// them back. Both must give the same state, so both give the same findings.</summary>
public sealed class SnapshotOfflineEquivalenceTests
{
    [Fact]
    public async Task The_live_state_and_the_snapshot_read_offline_are_the_same()
    {
        var result = await LiveAwsFixture.ReadAsync(new FakeAwsAccount());
        var live = AwsDumpDirectory.Read(result.Documents.Select(d => (d.FileName, d.Json))).Unwrap();
        var dir = Directory.CreateTempSubdirectory("kalc-snapshot-");
        try
        {
            await StateDirectory.WriteAsync(dir.FullName, result.Documents, CancellationToken.None);
            var offline = AwsDumpDirectory.Read(dir.FullName).Unwrap();

            Assert.NotEmpty(live.Instances);
            Assert.NotEmpty(live.Roles);
            Assert.Equal(Identities(live), Identities(offline));
            Assert.Equal(live.Loaded.Order(), offline.Loaded.Order());
            Assert.Equal(live.Missing, offline.Missing);
        }
        finally
        {
            dir.Delete(true);
        }
    }

    private static string[] Identities(AwsState s) =>
    [
        .. s.Roles.Select(r => $"role {r.Arn} trust={r.AssumeRolePolicy?.Length} inline={string.Join(",", r.InlinePolicies.Keys.Order())} managed={string.Join(",", r.AttachedManagedPolicyArns.Order())}"),
        .. s.InstanceProfiles.Select(p => $"profile {p.Arn} roles={string.Join(",", p.RoleNames)}"),
        .. s.Instances.Select(i => $"instance {i.InstanceId} {i.State} {i.InstanceProfileArn} {i.PrivateDnsName}"),
        .. s.Policies.Select(p => $"policy {p.Arn} {p.Document?.Length}"),
        .. s.OidcProviders.Select(o => $"oidc {o.Arn} {o.Url}"),
        .. s.Subnets.Select(x => $"subnet {x.SubnetId} {x.CidrBlock}"),
        .. s.Vpcs.Select(x => $"vpc {x.VpcId}"),
        .. s.AutoScalingGroups.Select(x => $"asg {x.Name}"),
        .. s.EksClusters.Select(x => $"eks {x.Name} {x.OidcIssuer}"),
        .. s.PodIdentityAssociations.Select(x => $"pia {x.AssociationId} {x.RoleArn}"),
    ];
}
