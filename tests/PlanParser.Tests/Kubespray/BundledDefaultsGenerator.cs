using Kalc.Iac.PlanParser.Kubespray.Defaults;

namespace Kalc.Iac.PlanParser.Tests.Kubespray;

/// <summary>The generator of the bundled defaults: reads kubespray's own defaults files from fixtures/kubespray/RELEASE
/// (copies of the release's roles/ and inventory/sample) and writes src/PlanParser/Kubespray/Defaults/Data/
/// kubespray-defaults-RELEASE.json. Run with KALC_UPDATE_KUBESPRAY_DEFAULTS=1 to rewrite; otherwise it fails when a
/// data file no longer matches the files it is generated from.</summary>
public sealed class BundledDefaultsGenerator
{
    public static TheoryData<string, string> Releases => new()
    {
        { "master", "https://github.com/kubernetes-sigs/kubespray/tree/46dbdd3994b32640bcd806b0097f50e8fdf1d514 (v2.31.0-96)" },
        { "v2.26.0", "https://github.com/kubernetes-sigs/kubespray/tree/v2.26.0 (f9ebd45c)" },
        { "v2.15.0", "https://github.com/kubernetes-sigs/kubespray/tree/v2.15.0 (a923f4e7)" },
    };

    [Theory]
    [MemberData(nameof(Releases))]
    public void Bundled_defaults_file_is_generated_from_the_kubespray_defaults_files(string release, string source)
    {
        var defaults = CheckoutDefaultsReader.Read(RepoPaths.Fixture(release), release) with { Origin = "generated" };
        using var generated = new MemoryStream();
        BundledDefaults.Write(generated, defaults, source);
        var target = Path.Combine(RepoPaths.Root, "src", "PlanParser", "Kubespray", "Defaults", "Data", $"kubespray-defaults-{release}.json");
        var text = System.Text.Encoding.UTF8.GetString(generated.ToArray()) + "\n";
        if (Environment.GetEnvironmentVariable("KALC_UPDATE_KUBESPRAY_DEFAULTS") == "1") File.WriteAllText(target, text);
        Assert.True(File.Exists(target), $"{target} is missing: run with KALC_UPDATE_KUBESPRAY_DEFAULTS=1");
        Assert.Equal(text, File.ReadAllText(target));
    }
}
