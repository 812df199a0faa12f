using Kalc.Iac.PlanParser.Kubespray;
using Kalc.Iac.PlanParser.Kubespray.Defaults;

namespace Kalc.Iac.PlanParser.Tests.Kubespray;

public sealed class DefaultsTests
{
    [Fact]
    public void Bundled_releases_are_ordered_and_a_release_between_them_picks_the_older_one()
    {
        Assert.Equal(["v2.15.0", "v2.26.0", "master"], BundledDefaults.Releases.ToArray());
        Assert.Equal("v2.26.0", BundledDefaults.Pick("2.27.1"));
        Assert.Equal("v2.15.0", BundledDefaults.Pick("v2.10.0"));
        Assert.Equal("master", BundledDefaults.Pick(null));
    }

    [Theory]
    [InlineData("v2.15.0", "v1.19.7", "roles/kubespray-defaults/defaults/main.yaml")]
    [InlineData("v2.26.0", "v1.30.4", "roles/kubespray-defaults/defaults/main/main.yml")]
    public void Each_release_has_its_own_defaults_with_their_file(string release, string kubeVersion, string file)
    {
        var d = BundledDefaults.Load(release);
        Assert.Equal(kubeVersion, d.Variables["kube_version"].Value.AsString());
        Assert.Equal(file, d.Variables["kube_version"].Source.File);
        Assert.Equal("calico", d.Variables["kube_network_plugin"].Value.AsString());
    }

    [Fact]
    public void A_checkout_gives_the_same_defaults_as_the_bundled_file_of_its_release()
    {
        var checkout = CheckoutDefaultsReader.Read(RepoPaths.Fixture("v2.26.0"), "v2.26.0");
        var bundled = BundledDefaults.Load("v2.26.0");
        Assert.Equal(bundled.Variables.Count, checkout.Variables.Count);
        Assert.All(bundled.Variables, kv => Assert.Equal(kv.Value, checkout.Variables[kv.Key]));
    }

    [Fact]
    public void Master_kube_version_is_unresolved_rather_than_guessed()
    {
        var run = Resolve.Fixture("misplaced");
        Assert.False(run.Cluster["kube_version"].Value.Rendered.IsKnown);
        Assert.Contains("kubelet_checksums", run.Cluster["kube_version"].Value.Rendered.WhyUnknown, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_version_the_newest_bundled_defaults_are_used_and_said()
    {
        var result = KubesprayInventoryReader.Read(RepoPaths.Fixture("inventories", "misplaced"), KubesprayOptions.Default);
        Assert.True(result.IsOk);
        Assert.Equal("master", result.Value.Kubespray!.Release);
        Assert.Contains(result.Value.Limitations, l => l.Contains("release not given", StringComparison.Ordinal));
    }
}
