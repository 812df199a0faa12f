using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Kalc.Iac.PlanParser.Tests.Kubespray;

/// <summary>Runs the real <c>ansible-inventory -i INVENTORY --list</c> (the oracle for variable resolution).</summary>
internal static class AnsibleInventory
{
    public static string? Path { get; } = (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(System.IO.Path.PathSeparator)
        .Select(d => System.IO.Path.Combine(d, "ansible-inventory"))
        .FirstOrDefault(File.Exists);

    public static JsonObject List(string inventory)
    {
        var psi = new ProcessStartInfo(Path!, ["-i", inventory, "--list"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.Environment["ANSIBLE_NOCOLOR"] = "1";
        psi.Environment["ANSIBLE_LOCAL_TEMP"] = System.IO.Path.GetTempPath();
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"ansible-inventory failed: {stderr.Result}");
        return JsonNode.Parse(stdout.Result)!.AsObject();
    }
}
