using System.Collections.Immutable;
using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Kubespray.Inventory;
using Kalc.Iac.PlanParser.Kubespray.Model;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.PlanParser.Kubespray.Resolution;

/// <summary>Reads <c>--extra-vars</c> as ansible-playbook's <c>-e</c> does: <c>key=value ...</c> (string values),
/// an inline YAML/JSON mapping, or <c>@file</c>.</summary>
public static class ExtraVarsParser
{
    public static ImmutableArray<VariableAssignment> Parse(IEnumerable<string> args)
    {
        var result = ImmutableArray.CreateBuilder<VariableAssignment>();
        var i = 0;
        foreach (var arg in args)
        {
            i++;
            var where = $"--extra-vars #{i}";
            var text = arg.Trim();
            if (text.StartsWith('@'))
            {
                var path = text[1..];
                foreach (var (n, v, line) in InventoryDirectory.ReadVarsFile(path))
                    result.Add(new VariableAssignment(n, v, new VariableSource(VariableSourceKind.ExtraVars, path, line)));
            }
            else if (text.StartsWith('{'))
            {
                foreach (var (n, v, _) in YamlDocument.TopLevel(YamlDocument.Load(text, where), where))
                    result.Add(new VariableAssignment(n, v, new VariableSource(VariableSourceKind.ExtraVars, where, null)));
            }
            else
            {
                foreach (var pair in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    var eq = pair.IndexOf('=');
                    if (eq <= 0) throw new InputException(new InputError(where, $"expected key=value, found '{ErrorText.Excerpt(pair)}'"));
                    result.Add(new VariableAssignment(pair[..eq], new PlanString(pair[(eq + 1)..].Trim('"', '\'')), new VariableSource(VariableSourceKind.ExtraVars, where, null)));
                }
            }
        }
        return result.ToImmutable();
    }
}
