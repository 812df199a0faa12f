using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kalc.Iac.PlanParser.Kubespray;
using Kalc.Iac.PlanParser.Kubespray.Defaults;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.PlanParser.Tests.Kubespray;

/// <summary>The group and host variables we resolve from an inventory equal what ansible-inventory --list prints.</summary>
public sealed class AnsibleOracleTests
{
    [OracleFact]
    public void Precedence_fixture_matches_ansible_inventory() => AssertMatchesAnsible("precedence");

    [OracleFact]
    public void Legacy_ini_inventory_matches_ansible_inventory() => AssertMatchesAnsible("legacy-ini/inventory.ini");

    [OracleFact]
    public void Misplaced_group_vars_inventory_matches_ansible_inventory() => AssertMatchesAnsible("misplaced");

    [OracleFact]
    public void Kubespray_sample_inventory_with_hosts_matches_ansible_inventory() => AssertMatchesAnsible("sample-master-with-hosts/inventory.ini");

    [OracleFact]
    public void Example_inventory_matches_ansible_inventory() =>
        AssertMatchesAnsible(Path.Combine(RepoPaths.Root, "examples", "kubespray-misplaced-group-vars", "inventory"));

    [OracleFact]
    public void Kubespray_v2_15_sample_inventory_matches_ansible_inventory() =>
        AssertMatchesAnsible(RepoPaths.Fixture("v2.15.0", "inventory", "sample", "inventory.ini"));

    private static void AssertMatchesAnsible(string inventory)
    {
        var path = Path.IsPathRooted(inventory) ? inventory : RepoPaths.Fixture("inventories", inventory);
        var ansible = AnsibleInventory.List(path);
        var result = KubesprayInventoryReader.Read(path, new KubesprayOptions { Version = "master" });
        Assert.True(result.IsOk, result.Error?.ToString());
        var run = result.Value.Kubespray!;
        var hostvars = ansible["_meta"]!["hostvars"]!.AsObject();
        Assert.Equal(hostvars.Select(h => h.Key).Order(), run.Hosts.Select(h => h.Name).Order());
        foreach (var host in run.Hosts)
        {
            var expected = hostvars[host.Name]!.AsObject();
            var ours = new JsonObject();
            foreach (var (name, v) in host.InventoryVariables.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                ours[name] = ToJson(v.Raw);
            Assert.Equal(Canonical(expected), Canonical(ours));
        }
        foreach (var (group, node) in ansible.Where(kv => kv.Key is not ("_meta" or "all")))
        {
            var hosts = node!["hosts"]?.AsArray().Select(h => h!.GetValue<string>()).Order().ToList() ?? [];
            Assert.Equal(hosts, StaticHosts(path, group));
        }
    }

    private static List<string> StaticHosts(string path, string group)
    {
        var sources = Kalc.Iac.PlanParser.Kubespray.Inventory.InventoryDirectory.Read(path);
        return [.. sources.Definition.Groups[group].Hosts.Order()];
    }

    private static JsonNode? ToJson(Kalc.Iac.PlanParser.Model.PlanValue v)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms)) PlanValueJson.Write(w, v);
        return JsonNode.Parse(Encoding.UTF8.GetString(ms.ToArray()));
    }

    private static string Canonical(JsonNode? n) => n switch
    {
        JsonObject o => "{" + string.Join(",", o.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"\"{kv.Key}\":{Canonical(kv.Value)}")) + "}",
        JsonArray a => "[" + string.Join(",", a.Select(Canonical)) + "]",
        null => "null",
        _ => n.ToJsonString(),
    };
}
