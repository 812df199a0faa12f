using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Kubespray.Model;
using YamlDotNet.RepresentationModel;

namespace Kalc.Iac.PlanParser.Kubespray.Inventory;

/// <summary>Reads an Ansible YAML inventory (hosts.yaml): groups with <c>hosts</c>, <c>children</c> and <c>vars</c>
/// (https://docs.ansible.com/ansible/latest/collections/ansible/builtin/yaml_inventory.html).</summary>
public static class YamlInventoryReader
{
    public static void Read(string text, string file, InventoryBuilder into)
    {
        var root = YamlDocument.Load(text, file);
        if (root is null || root is YamlScalarNode { Value: null or "" }) return;
        if (root is not YamlMappingNode top)
            throw new InputException(new InputError(file, "a YAML inventory must be a mapping of group names", YamlDocument.Line(root)));
        foreach (var (k, v) in top.Children)
            ReadGroup(YamlDocument.KeyText(k, file), v, file, into, YamlDocument.Line(k), 0);
    }

    private static void ReadGroup(string name, YamlNode node, string file, InventoryBuilder into, int line, int depth)
    {
        if (depth > YamlDocument.MaxDepth) throw new InputException(new InputError(file, "groups nested too deeply", line));
        into.AddGroup(name, SourceRef.Of(file, line));
        if (node is YamlScalarNode { Value: null or "" or "~" or "null" }) return;
        if (node is not YamlMappingNode map)
            throw new InputException(new InputError(file, $"group '{ErrorText.Excerpt(name)}' must be a mapping with hosts, children or vars", YamlDocument.Line(node)));
        foreach (var (k, v) in map.Children)
        {
            var key = YamlDocument.KeyText(k, file);
            switch (key)
            {
                case "hosts":
                    ReadHosts(name, v, file, into);
                    break;
                case "children":
                    if (v is YamlMappingNode kids)
                    {
                        foreach (var (ck, cv) in kids.Children)
                        {
                            var child = YamlDocument.KeyText(ck, file);
                            into.AddChild(name, child, SourceRef.Of(file, YamlDocument.Line(ck)));
                            ReadGroup(child, cv, file, into, YamlDocument.Line(ck), depth + 1);
                        }
                    }
                    else if (v is not YamlScalarNode { Value: null or "" })
                    {
                        throw new InputException(new InputError(file, $"children of '{ErrorText.Excerpt(name)}' must be a mapping", YamlDocument.Line(v)));
                    }
                    break;
                case "vars":
                    var kind = name == "all" ? VariableSourceKind.InventoryAllVars : VariableSourceKind.InventoryGroupVars;
                    foreach (var (vn, vv, vl) in YamlDocument.TopLevel(v, file))
                        into.AddGroupVar(name, new VariableAssignment(vn, vv, new VariableSource(kind, file, vl, name)));
                    break;
                default:
                    throw new InputException(new InputError(file, $"group '{ErrorText.Excerpt(name)}' has an unexpected key '{ErrorText.Excerpt(key)}' (expected hosts, children or vars)", YamlDocument.Line(k)));
            }
        }
    }

    private static void ReadHosts(string group, YamlNode node, string file, InventoryBuilder into)
    {
        if (node is YamlScalarNode { Value: null or "" }) return;
        if (node is not YamlMappingNode hosts)
            throw new InputException(new InputError(file, $"hosts of '{ErrorText.Excerpt(group)}' must be a mapping", YamlDocument.Line(node)));
        foreach (var (hk, hv) in hosts.Children)
        {
            var where = SourceRef.Of(file, YamlDocument.Line(hk));
            foreach (var host in HostPattern.Expand(YamlDocument.KeyText(hk, file), where))
            {
                into.AddHost(group, host, where);
                foreach (var (vn, vv, vl) in YamlDocument.TopLevel(hv, file))
                    into.AddHostVar(host, new VariableAssignment(vn, vv, new VariableSource(VariableSourceKind.InventoryHostVars, file, vl, host)));
            }
        }
    }
}
