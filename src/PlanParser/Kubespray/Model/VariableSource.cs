namespace Kalc.Iac.PlanParser.Kubespray.Model;

/// <summary>Where a variable's value comes from, with the precedence level it has in Ansible.</summary>
public sealed record VariableSource(VariableSourceKind Kind, string File, int? Line, string? Owner = null)
{
    public static readonly VariableSource Unset = new(VariableSourceKind.Unset, "", null);

    /// <summary>"group_vars/k8s_cluster/k8s-cluster.yml:83", or "role default (roles/kubespray_defaults/defaults/main/main.yml:216)".</summary>
    public override string ToString()
    {
        var where = Line is { } l ? $"{File}:{l}" : File;
        return Kind switch
        {
            VariableSourceKind.Unset => "not set anywhere",
            VariableSourceKind.RoleDefault => $"role default ({where})",
            VariableSourceKind.RoleVars => $"role vars ({where})",
            VariableSourceKind.ExtraVars => $"extra vars ({where})",
            _ => where,
        };
    }
}

/// <summary>Ansible's variable precedence levels that an inventory and a kubespray checkout provide, lowest first
/// (https://docs.ansible.com/ansible/latest/playbook_guide/playbooks_variables.html#understanding-variable-precedence).</summary>
public enum VariableSourceKind
{
    Unset,
    RoleDefault,
    InventoryAllVars,
    InventoryGroupVars,
    GroupVarsAll,
    GroupVars,
    InventoryHostVars,
    HostVars,
    RoleVars,
    ExtraVars,
}
