using Kalc.Iac.Core.Live;
using Kalc.Iac.KubeModel.Readers;
using Kalc.Iac.Tests.Live.Fakes;

namespace Kalc.Iac.KubeModel.Tests.Live;

/// <summary>`--k8s-state live` and `snapshot` + `--k8s-state DIR` read the same documents, so they give the same state.</summary>
public sealed class SnapshotOfflineEquivalenceTests
{
    [Fact]
    public async Task The_live_cluster_and_its_snapshot_read_offline_are_the_same()
    {
        var (result, _) = await LiveKubeFixture.ReadAsync(new FakeKubeApi { Nodes = 5 });
        var live = KubeStateReader.Read(result.Documents.Select(d => (d.FileName, d.Json))).Unwrap();
        var dir = Directory.CreateTempSubdirectory("kalc-k8s-snapshot-");
        try
        {
            await StateDirectory.WriteAsync(dir.FullName, result.Documents, CancellationToken.None);
            var offline = KubeStateDirectory.Read(dir.FullName).Unwrap();

            Assert.Equal(5, live.Nodes.Length);
            Assert.Equal(live.Nodes.Select(n => $"{n.Name} {n.ProviderId} {n.IsControlPlane}"), offline.Nodes.Select(n => $"{n.Name} {n.ProviderId} {n.IsControlPlane}"));
            Assert.Equal(live.Workloads.Select(w => $"{w.Key} {w.ServiceAccountName}"), offline.Workloads.Select(w => $"{w.Key} {w.ServiceAccountName}"));
            Assert.Equal(live.ServiceAccounts.Select(s => $"{s.Key} {s.IrsaRoleArn}"), offline.ServiceAccounts.Select(s => $"{s.Key} {s.IrsaRoleArn}"));
            Assert.Equal(live.Loaded.Order(), offline.Loaded.Order());
            Assert.Equal(live.Services.Select(x => $"{x.Key} {x.Type}"), offline.Services.Select(x => $"{x.Key} {x.Type}"));
            Assert.Equal(live.PodDisruptionBudgets.Select(x => $"{x.Key} {x.DisruptionsAllowed}"), offline.PodDisruptionBudgets.Select(x => $"{x.Key} {x.DisruptionsAllowed}"));
            Assert.Equal(live.NodeClasses.Select(x => $"{x.Name} {x.Role}"), offline.NodeClasses.Select(x => $"{x.Name} {x.Role}"));
        }
        finally
        {
            dir.Delete(true);
        }
    }
}
