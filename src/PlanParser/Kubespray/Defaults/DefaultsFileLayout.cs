using Kalc.Iac.PlanParser.Kubespray.Model;

namespace Kalc.Iac.PlanParser.Kubespray.Defaults;

/// <summary>Where kubespray keeps role defaults across releases (<c>roles/kubespray-defaults/defaults/main.yaml</c> up
/// to v2.23, <c>.../defaults/main/*.yml</c> from v2.24, <c>roles/kubespray_defaults/</c> from v2.28), in the order that
/// decides which role's default wins when two set the same name: kubespray's global defaults first.</summary>
public static class DefaultsFileLayout
{
    /// <summary>Files of a checkout that hold role defaults or role vars, relative to the checkout, first wins.</summary>
    public static IEnumerable<(string RelativePath, VariableSourceKind Kind)> Files(string checkout)
    {
        string[] globalRoles = ["roles/kubespray_defaults", "roles/kubespray-defaults"];
        foreach (var role in globalRoles)
        {
            foreach (var f in RoleFiles(checkout, role, "vars")) yield return (f, VariableSourceKind.RoleVars);
            foreach (var f in RoleFiles(checkout, role, "defaults")) yield return (f, VariableSourceKind.RoleDefault);
        }
        var roles = Path.Combine(checkout, "roles");
        if (!Directory.Exists(roles)) yield break;
        foreach (var defaults in Directory.GetDirectories(roles, "defaults", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var role = Rel(checkout, Path.GetDirectoryName(defaults)!);
            if (globalRoles.Contains(role)) continue;
            foreach (var f in RoleFiles(checkout, role, "defaults")) yield return (f, VariableSourceKind.RoleDefault);
        }
    }

    /// <summary>The sample inventory's variables files (group_vars of inventory/sample).</summary>
    public static IEnumerable<string> SampleInventoryFiles(string checkout)
    {
        var dir = Path.Combine(checkout, "inventory", "sample", "group_vars");
        if (!Directory.Exists(dir)) return [];
        return Directory.GetFiles(dir, "*.yml", SearchOption.AllDirectories).Select(f => Rel(checkout, f)).Order(StringComparer.Ordinal);
    }

    /// <summary>The release a checkout is: galaxy.yml's version, else null.</summary>
    public static string? DetectRelease(string checkout)
    {
        var galaxy = Path.Combine(checkout, "galaxy.yml");
        if (!File.Exists(galaxy)) return null;
        foreach (var line in File.ReadLines(galaxy))
        {
            if (line.StartsWith("version:", StringComparison.Ordinal))
                return "v" + line["version:".Length..].Trim().Trim('"', '\'');
        }
        return null;
    }

    private static IEnumerable<string> RoleFiles(string checkout, string role, string kind)
    {
        var baseDir = Path.Combine(checkout, role, kind);
        foreach (var main in new[] { "main.yml", "main.yaml" })
        {
            if (File.Exists(Path.Combine(baseDir, main))) yield return $"{role}/{kind}/{main}";
        }
        var dir = Path.Combine(baseDir, "main");
        if (!Directory.Exists(dir)) yield break;
        foreach (var f in Directory.GetFiles(dir).Where(f => f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            yield return Rel(checkout, f);
    }

    private static string Rel(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');
}
