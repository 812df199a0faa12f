namespace Kalc.Iac.PlanParser.Terraform.Text;

/// <summary>One line of plan text after CI wrapper noise is removed, with its 1-based line number in the input.</summary>
internal readonly record struct PlanLine(int Number, string Text)
{
    public string Trimmed => Text.Trim();
}
