using System.Text;
using Kalc.Iac.PlanParser.Kubespray;

namespace Kalc.Iac.PlanParser.Tests.Kubespray;

/// <summary>Bad inventories end in one error line naming the file (and line), never an exception or a hang.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("kalc-kubespray-bad-");

    public void Dispose() => _dir.Delete(true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir.FullName, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private string Write(string name, string text) => Write(name, Encoding.UTF8.GetBytes(text));

    private static string Error(string path, KubesprayOptions? options = null)
    {
        var result = KubesprayInventoryReader.Read(path, options ?? KubesprayOptions.Default);
        Assert.False(result.IsOk, "expected an input error");
        return result.Error.ToString();
    }

    private const string Hosts = "all:\n  hosts:\n    n1:\n  children:\n    kube_node:\n      hosts:\n        n1:\n";

    [Fact]
    public void A_missing_path_is_an_error() => Assert.Contains("no such inventory", Error(Path.Combine(_dir.FullName, "nope")), StringComparison.Ordinal);

    [Fact]
    public void A_directory_without_an_inventory_file_is_an_error() => Assert.Contains("no inventory file", Error(_dir.FullName), StringComparison.Ordinal);

    [Fact]
    public void Binary_content_is_an_error() =>
        Assert.Contains("binary content", Error(Write("hosts.yaml", [0x50, 0x4B, 0x03, 0x04, 0, 0, 1, 2])), StringComparison.Ordinal);

    [Fact]
    public void Invalid_utf8_is_an_error() =>
        Assert.Contains("not valid UTF-8", Error(Write("hosts.yaml", [0x61, 0x3A, 0x20, 0xC3, 0x28])), StringComparison.Ordinal);

    [Fact]
    public void Utf16_with_a_byte_order_mark_is_read()
    {
        var path = Write("hosts.yaml", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Hosts)]);
        var result = KubesprayInventoryReader.Read(path, KubesprayOptions.Default);
        Assert.True(result.IsOk, result.Error?.ToString());
        Assert.Equal("n1", Assert.Single(result.Value.Kubespray!.Hosts).Name);
    }

    [Fact]
    public void Invalid_yaml_names_the_file_and_line()
    {
        Write("hosts.yaml", Hosts);
        Write("group_vars/all.yml", "a: 1\nb: [unclosed\n");
        Assert.Matches(@"group_vars/all\.yml:\d+:\d+: not valid YAML", Error(_dir.FullName));
    }

    [Fact]
    public void Deep_nesting_ends_with_an_error()
    {
        Write("hosts.yaml", Hosts);
        Write("group_vars/all.yml", "x: " + new string('[', 100_000) + new string(']', 100_000) + "\n");
        Assert.Contains("nesting deeper than", Error(_dir.FullName), StringComparison.Ordinal);
    }

    [Fact]
    public void Deep_compact_sequences_end_with_an_error()
    {
        Write("hosts.yaml", Hosts);
        Write("group_vars/all.yml", "x:\n" + string.Concat(Enumerable.Repeat("- ", 50_000)) + "1\n");
        Assert.Contains("nesting deeper than", Error(_dir.FullName), StringComparison.Ordinal);
    }

    [Fact]
    public void An_alias_bomb_ends_with_an_error()
    {
        var sb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 10; i++) sb.Append($"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]\n");
        Write("hosts.yaml", Hosts);
        Write("group_vars/all.yml", sb.ToString());
        Assert.Contains("after expanding aliases", Error(_dir.FullName), StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_key_is_an_error_not_an_exception()
    {
        Write("hosts.yaml", Hosts);
        Write("group_vars/all.yml", "a: 1\na: 2\n");
        Assert.Contains("group_vars/all.yml", Error(_dir.FullName), StringComparison.Ordinal);
    }

    [Fact]
    public void A_group_that_is_its_own_ancestor_is_an_error() =>
        Assert.Contains("its own ancestor", Error(Write("inv.ini", "[a:children]\nb\n[b:children]\na\n")), StringComparison.Ordinal);

    [Fact]
    public void An_unknown_ini_section_type_names_the_file_as_given_and_the_line()
    {
        var path = Write("inv.ini", "n1\n[g:hostz]\n");
        Assert.Equal($"{path}:2: unknown section type 'hostz' (expected vars or children)", Error(path));
    }

    [Fact]
    public void An_error_in_group_vars_names_the_file_from_the_inventory_directory_as_given()
    {
        Write("hosts.yaml", Hosts);
        Write("group_vars/all.yml", "a: [1\n");
        Assert.StartsWith(Path.Join(_dir.FullName, "group_vars/all.yml") + ":", Error(_dir.FullName), StringComparison.Ordinal);
    }

    [Fact]
    public void A_yaml_group_with_an_unexpected_key_names_the_line() =>
        Assert.Contains("hosts.yaml:3", Error(Write("hosts.yaml", "all:\n  hosts: {}\n  host: {}\n")), StringComparison.Ordinal);

    [Fact]
    public void A_directory_that_is_not_a_kubespray_checkout_is_an_error()
    {
        var path = Write("hosts.yaml", Hosts);
        Assert.Contains("not a kubespray checkout", Error(path, new KubesprayOptions { KubesprayDir = _dir.FullName }), StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_extra_vars_are_an_error()
    {
        var path = Write("hosts.yaml", Hosts);
        Assert.Contains("expected key=value", Error(path, new KubesprayOptions { ExtraVars = ["novalue"] }), StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_inventory_file_gives_no_hosts()
    {
        var result = KubesprayInventoryReader.Read(Write("hosts.yaml", ""), KubesprayOptions.Default);
        Assert.True(result.IsOk, result.Error?.ToString());
        Assert.Empty(result.Value.Kubespray!.Hosts);
    }

    [Fact]
    public void A_vaulted_value_is_kept_as_sensitive_without_its_content()
    {
        Write("hosts.yaml", Hosts);
        Write("group_vars/all.yml", "db_password: !vault |\n  $ANSIBLE_VAULT;1.1;AES256\n  6162636465\n");
        var result = KubesprayInventoryReader.Read(_dir.FullName, KubesprayOptions.Default);
        Assert.True(result.IsOk, result.Error?.ToString());
        Assert.True(result.Value.Kubespray!.Host("n1")!["db_password"]!.Raw.IsSensitive);
    }

    [Fact]
    public void A_large_inventory_resolves_every_host()
    {
        var sb = new StringBuilder("[kube_control_plane]\ncp[1:3]\n[etcd:children]\nkube_control_plane\n[kube_node]\nnode[0001:1000] ip=10.0.0.1\n");
        var path = Write("inventory.ini", sb.ToString());
        Write("group_vars/k8s_cluster/k8s-cluster.yml", "kube_network_plugin: cilium\n");
        var result = KubesprayInventoryReader.Read(path, KubesprayOptions.Default);
        Assert.True(result.IsOk, result.Error?.ToString());
        Assert.Equal(1003, result.Value.Kubespray!.Hosts.Length);
        Assert.True(result.Value.Kubespray.Cluster["kube_network_plugin"].HostsAgree);
        Assert.Equal("cilium", result.Value.Kubespray.Cluster["kube_network_plugin"].Value.Text);
    }
}
