using System.Globalization;
using System.Text;
using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Kubespray.Model;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.PlanParser.Kubespray.Inventory;

/// <summary>Reads an Ansible INI inventory: <c>[group]</c> host lines with inline <c>key=value</c>, <c>[group:vars]</c>
/// and <c>[group:children]</c> (https://docs.ansible.com/ansible/latest/collections/ansible/builtin/ini_inventory.html).
/// Host-line values are Python literals; <c>:vars</c> values too, as ansible-core's INI plugin parses them.</summary>
public static class IniInventoryReader
{
    public static void Read(string text, string file, InventoryBuilder into)
    {
        var lines = InputText.SplitLines(text);
        var group = "ungrouped";
        var section = "hosts";
        for (var i = 0; i < lines.Length; i++)
        {
            var lineNo = i + 1;
            var line = lines[i].Trim();
            if (line.Length == 0 || line[0] is '#' or ';') continue;
            var where = SourceRef.Of(file, lineNo);
            if (line[0] == '[')
            {
                var end = line.IndexOf(']');
                if (end < 0) throw new InputException(new InputError(file, "section header without ']'", lineNo));
                var header = line[1..end];
                var colon = header.IndexOf(':');
                (group, section) = colon < 0 ? (header, "hosts") : (header[..colon], header[(colon + 1)..]);
                if (section is not ("hosts" or "vars" or "children"))
                    throw new InputException(new InputError(file, $"unknown section type '{ErrorText.Excerpt(section)}' (expected vars or children)", lineNo));
                into.AddGroup(group, where);
                continue;
            }
            switch (section)
            {
                case "hosts":
                    ReadHostLine(line, group, file, lineNo, into);
                    break;
                case "children":
                    into.AddChild(group, Tokens(line, file, lineNo)[0], where);
                    break;
                default:
                    var eq = line.IndexOf('=');
                    if (eq <= 0) throw new InputException(new InputError(file, $"expected key=value in [{ErrorText.Excerpt(group)}:vars]", lineNo));
                    var kind = group == "all" ? VariableSourceKind.InventoryAllVars : VariableSourceKind.InventoryGroupVars;
                    into.AddGroupVar(group, new VariableAssignment(line[..eq].Trim(), PythonLiteral(line[(eq + 1)..].Trim()), new VariableSource(kind, file, lineNo, group)));
                    break;
            }
        }
    }

    private static void ReadHostLine(string line, string group, string file, int lineNo, InventoryBuilder into)
    {
        var tokens = Tokens(line, file, lineNo);
        var where = SourceRef.Of(file, lineNo);
        foreach (var host in HostPattern.Expand(tokens[0], where))
        {
            into.AddHost(group, host, where);
            foreach (var t in tokens.Skip(1))
            {
                var eq = t.IndexOf('=');
                if (eq <= 0) throw new InputException(new InputError(file, $"expected key=value after host '{ErrorText.Excerpt(host)}', found '{ErrorText.Excerpt(t)}'", lineNo));
                into.AddHostVar(host, new VariableAssignment(t[..eq], PythonLiteral(t[(eq + 1)..]), new VariableSource(VariableSourceKind.InventoryHostVars, file, lineNo, host)));
            }
        }
    }

    /// <summary>Splits like Python's shlex (posix, comments): quotes group, '#' outside quotes starts a comment.</summary>
    private static List<string> Tokens(string line, string file, int lineNo)
    {
        var tokens = new List<string>();
        var sb = new StringBuilder();
        char quote = '\0';
        var inToken = false;
        foreach (var c in line)
        {
            if (quote != '\0')
            {
                if (c == quote) quote = '\0'; else sb.Append(c);
                continue;
            }
            if (c is '"' or '\'') { quote = c; inToken = true; continue; }
            if (c == '#') break;
            if (char.IsWhiteSpace(c))
            {
                if (inToken) { tokens.Add(sb.ToString()); sb.Clear(); inToken = false; }
                continue;
            }
            sb.Append(c);
            inToken = true;
        }
        if (quote != '\0') throw new InputException(new InputError(file, "unterminated quote", lineNo));
        if (inToken) tokens.Add(sb.ToString());
        if (tokens.Count == 0) throw new InputException(new InputError(file, "empty host line", lineNo));
        return tokens;
    }

    /// <summary>Python's <c>ast.literal_eval</c> for the literals people write (numbers, True/False/None, quoted
    /// strings); anything else stays the string it is, as Ansible's INI plugin does.</summary>
    public static PlanValue PythonLiteral(string v)
    {
        if (v is "True") return new PlanBool(true);
        if (v is "False") return new PlanBool(false);
        if (v is "None") return PlanValue.Null;
        if (long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && (v.TrimStart('-', '+') is "0" || !v.TrimStart('-', '+').StartsWith('0')))
            return new PlanNumber(n.ToString(CultureInfo.InvariantCulture));
        if (v.Length >= 2 && v[0] is '"' or '\'' && v[^1] == v[0]) return new PlanString(v[1..^1]);
        return new PlanString(v);
    }
}
