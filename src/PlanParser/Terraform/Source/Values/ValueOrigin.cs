namespace Kalc.Iac.PlanParser.Terraform.Source.Values;

/// <summary>Where the value of a variable came from: a file and line (<c>terraform.tfvars:1</c>, a <c>--var-file</c>, a
/// variable's <c>default</c>) or an environment variable (<c>TF_VAR_cluster_name</c>, no file).</summary>
public sealed record ValueOrigin(string Variable, string Where, string? File, int? Line)
{
    /// <summary>"var.cluster_name from terraform.tfvars:1".</summary>
    public override string ToString() => $"{Variable} from {Where}";
}
