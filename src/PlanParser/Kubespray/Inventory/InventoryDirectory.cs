using System.Collections.Immutable;
using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Kubespray.Model;

namespace Kalc.Iac.PlanParser.Kubespray.Inventory;

/// <summary>The only class that reads the inventory's file tree: the inventory file (or every inventory file of a
/// directory, as Ansible's directory source does) and the group_vars/ and host_vars/ next to it.</summary>
public static class InventoryDirectory
{
    private static readonly string[] IgnoredExtensions = [".pyc", ".pyo", ".swp", ".bak", "~", ".rpm", ".md", ".txt", ".rst", ".orig", ".ini", ".cfg", ".retry"];
    private static readonly string[] VarsExtensions = ["", ".yml", ".yaml", ".json"];

    public static InventorySources Read(string path)
    {
        try
        {
            return ReadTree(path);
        }
        catch (InputException e) when (e.Error.File != "?" && !Path.IsPathRooted(e.Error.File) && e.Error.File != path)
        {
            // Inside, files are named relative to the inventory (as sources in the report are); an error names them as
            // the user reaches them from where they ran kalc-iac.
            var near = Directory.Exists(path) ? path : Path.GetDirectoryName(path) ?? "";
            throw new InputException(e.Error with { File = Path.Join(near, e.Error.File) });
        }
    }

    private static InventorySources ReadTree(string path)
    {
        var limitations = ImmutableArray.CreateBuilder<string>();
        string root;
        List<string> files;
        if (File.Exists(path))
        {
            root = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
            files = [Path.GetFullPath(path)];
        }
        else if (Directory.Exists(path))
        {
            root = Path.GetFullPath(path);
            files = [.. Directory.GetFiles(root).Where(IsInventoryFile).Order(StringComparer.Ordinal)];
            foreach (var sub in Directory.GetDirectories(root).Select(Path.GetFileName).Where(d => d is not ("group_vars" or "host_vars") && d is not null && !d.StartsWith('.')))
                limitations.Add($"inventory subdirectory '{sub}' was not read (only top-level inventory files are)");
            if (files.Count == 0)
            {
                // ansible-playbook -i DIR ignores *.ini (INVENTORY_IGNORE_EXTS); kubespray users pass -i DIR/inventory.ini.
                var ini = Directory.GetFiles(root, "*.ini").Order(StringComparer.Ordinal).ToList();
                if (ini.Count == 0) throw new InputException(new InputError(path, "no inventory file (hosts.yaml, inventory.ini, ...) in this directory"));
                files = ini;
                limitations.Add($"read {string.Join(", ", ini.Select(Path.GetFileName))} as if given with -i {path}/{Path.GetFileName(ini[0])} (ansible-playbook -i {path} ignores *.ini files)");
            }
        }
        else
        {
            throw new InputException(new InputError(path, "no such inventory file or directory"));
        }

        var builder = new InventoryBuilder();
        foreach (var f in files)
        {
            var name = Relative(root, f);
            var text = ReadText(f, name);
            if (Path.GetExtension(f) is ".yml" or ".yaml" or ".json") YamlInventoryReader.Read(text, name, builder);
            else IniInventoryReader.Read(text, name, builder);
        }
        var definition = builder.Build(Relative(root, files[0]));
        var entries = VarsEntries(root, "group_vars", false).Concat(VarsEntries(root, "host_vars", true)).ToImmutableArray();
        var given = File.Exists(path) ? Path.GetDirectoryName(path) ?? "" : path;
        return new InventorySources(root, definition, entries, limitations.ToImmutable()) { GivenRoot = given.Replace('\\', '/') };
    }

    /// <summary>Reads a variables file (YAML or JSON) given by path, e.g. an <c>-e @file</c>.</summary>
    public static ImmutableArray<(string Name, Kalc.Iac.PlanParser.Model.PlanValue Value, int Line)> ReadVarsFile(string path, string? name = null) =>
        YamlDocument.TopLevel(YamlDocument.Load(ReadText(path, name ?? path), name ?? path), name ?? path);

    private static bool IsInventoryFile(string f)
    {
        var name = Path.GetFileName(f);
        return !name.StartsWith('.') && !IgnoredExtensions.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase));
    }

    private static IEnumerable<VarsEntry> VarsEntries(string root, string dirName, bool isHost)
    {
        var dir = Path.Combine(root, dirName);
        if (!Directory.Exists(dir)) yield break;
        var byName = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var entry in Directory.GetFileSystemEntries(dir).Order(StringComparer.Ordinal))
        {
            var leaf = Path.GetFileName(entry);
            if (leaf.StartsWith('.') || leaf.EndsWith('~')) continue;
            var ext = Directory.Exists(entry) ? "" : Path.GetExtension(leaf);
            if (!VarsExtensions.Contains(ext)) continue;
            var name = ext.Length == 0 ? leaf : leaf[..^ext.Length];
            if (!byName.TryGetValue(name, out var list)) byName[name] = list = [];
            list.Add(entry);
        }
        foreach (var (name, paths) in byName)
        {
            // Ansible's order: NAME (file or directory), then NAME.yml, NAME.yaml, NAME.json.
            var ordered = paths.OrderBy(p => Array.IndexOf(VarsExtensions, Directory.Exists(p) ? "" : Path.GetExtension(p))).ToList();
            var assignments = ImmutableArray.CreateBuilder<VariableAssignment>();
            foreach (var p in ordered)
            {
                foreach (var file in Directory.Exists(p) ? FilesUnder(p, []) : [p])
                {
                    var rel = Relative(root, file);
                    var kind = isHost ? VariableSourceKind.HostVars : name == "all" ? VariableSourceKind.GroupVarsAll : VariableSourceKind.GroupVars;
                    foreach (var (vn, vv, vl) in YamlDocument.TopLevel(YamlDocument.Load(ReadText(file, rel), rel), rel))
                        assignments.Add(new VariableAssignment(vn, vv, new VariableSource(kind, rel, vl, name)));
                }
            }
            yield return new VarsEntry(name, Relative(root, ordered[0]), isHost, assignments.ToImmutable());
        }
    }

    /// <summary>Files of a vars directory, recursively, in name order, with the extensions Ansible loads. Each directory
    /// is entered once (by device and inode), so a link back up the tree is not followed round.</summary>
    private static IEnumerable<string> FilesUnder(string dir, HashSet<FileIdentity> visited)
    {
        if (FileIdentity.Of(dir) is { } id && !visited.Add(id)) yield break;
        foreach (var entry in Directory.GetFileSystemEntries(dir).Order(StringComparer.Ordinal))
        {
            var leaf = Path.GetFileName(entry);
            if (leaf.StartsWith('.') || leaf.EndsWith('~')) continue;
            var ext = Path.GetExtension(leaf);
            if (Directory.Exists(entry))
            {
                if (ext.Length == 0) foreach (var f in FilesUnder(entry, visited)) yield return f;
            }
            else if (VarsExtensions.Contains(ext))
            {
                yield return entry;
            }
        }
    }

    private static string ReadText(string path, string name) =>
        InputText.Decode(BoundedFile.ReadAll(path, name, YamlDocument.MaxChars, "an inventory or vars file"), name);

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');
}
