namespace Kalc.Iac.PlanParser.Tests.Kubespray;

/// <summary>A fact that runs only where <c>ansible-inventory</c> is on PATH (Debian package ansible-core); skipped otherwise.</summary>
public sealed class OracleFactAttribute : FactAttribute
{
    public OracleFactAttribute()
    {
        if (AnsibleInventory.Path is null) Skip = "ansible-inventory is not on PATH (apt-get install ansible-core)";
    }
}
