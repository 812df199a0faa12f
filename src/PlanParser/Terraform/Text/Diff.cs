using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.PlanParser.Terraform.Text;

/// <summary>A value's two sides as one diff line shows them; null means the side does not have it at all
/// (an added attribute has no before, a removed one no after).</summary>
internal readonly record struct Diff(PlanValue? Before, PlanValue? After)
{
    /// <summary>Applies a line's marker (<c>+ - ~</c> or none) and the <c>-&gt; VALUE</c> after a closing bracket.</summary>
    public Diff Marked(string marker, PlanValue? closingRight) => marker switch
    {
        "+" => new Diff(null, After),
        "-" => new Diff(Before, closingRight),
        _ => new Diff(Before, closingRight ?? After),
    };
}
