using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Binary;
using Kalc.Iac.PlanParser.Detection;
using Kalc.Iac.PlanParser.Kubespray;
using Kalc.Iac.PlanParser.Model;
using Kalc.Iac.PlanParser.Terraform.Json;
using Kalc.Iac.PlanParser.Terraform.Text;
using Kalc.Iac.PlanParser.Pulumi;

namespace Kalc.Iac.Cli;

/// <summary>Turns the command line's input into a <see cref="Change"/>: detects the plan format by content and
/// dispatches to its reader, or reads a kubespray inventory.</summary>
internal static class ChangeLoader
{
    public static Change Load(CliOptions o, CliIo io)
    {
        if (o.Kubespray is { } inventory)
        {
            if (o.Plan is not null) throw new UsageException("give either a plan or --kubespray, not both");
            return KubesprayInventoryReader.Read(inventory, new KubesprayOptions
            {
                KubesprayDir = o.KubesprayDir,
                Version = o.KubesprayVersion,
                ExtraVars = o.ExtraVars,
                BaselineInventoryPath = o.KubesprayBaseline,
            }).Unwrap();
        }
        var name = o.Plan ?? "-";
        if (name == "-" && !io.StdinRedirected)
            throw new UsageException("no plan given: pipe `terraform show -json PLANFILE` or `terraform plan` into kalc-iac, or name a file (see --help)");
        using var input = PlanInput.Open(name, io);
        var format = PlanFormatDetector.Detect(input.Head);
        if (input.Rest is { } rest && format == PlanFormat.TerraformJson)
            return TerraformJsonPlanReader.Read(input.Head, rest, name, AnalysedTypes).Unwrap();
        // Binary data (/dev/zero, an image) is refused from its first MiB, not read whole first.
        return Parse(format == PlanFormat.Binary ? input.Head : input.ReadAll(), name);
    }

    /// <summary>Only the resource types the analyzers map need their values read.</summary>
    private static readonly ValueScope AnalysedTypes = Analyzers.Mapping.ResourceMappers.Scope;

    public static Change Parse(byte[] bytes, string name)
    {
        var format = PlanFormatDetector.Detect(bytes);
        return format switch
        {
            PlanFormat.TerraformJson => TerraformJsonPlanReader.Read(bytes, name, AnalysedTypes).Unwrap(),
            PlanFormat.PulumiPreview => PulumiPreviewReader.Read(bytes, name).Unwrap(),
            PlanFormat.PulumiEvents => PulumiEventStreamReader.Read(bytes, name).Unwrap(),
            PlanFormat.TerraformText => TerraformTextPlanReader.Read(bytes, name).Unwrap(),
            PlanFormat.BinaryPlan => name == "-"
                ? throw new InputException(new InputError(name, "this is a binary Terraform plan on stdin; run `terraform show -json PLANFILE | kalc-iac` instead"))
                : TerraformJsonPlanReader.Read(new BinaryPlanConverter().ToJson(name).Unwrap(), name, AnalysedTypes).Unwrap(),
            PlanFormat.TerraformState => throw new InputException(new InputError(name, "this is Terraform state, not a plan; run `terraform plan -out tfplan && terraform show -json tfplan`")),
            PlanFormat.Empty => throw new InputException(new InputError(name, "empty input: no plan to read")),
            PlanFormat.UnknownJson => throw new InputException(new InputError(name, "JSON, but neither a Terraform plan (`terraform show -json`) nor a Pulumi preview (`pulumi preview --json`)")),
            _ => throw new InputException(new InputError(name, "binary data, not a plan")),
        };
    }
}
