namespace Kalc.Iac.PlanParser.Tests.Hcl;

/// <summary>A fact that needs HashiCorp's parser: node on PATH and npm @cdktf/hcl2json installed (test.sh installs it).</summary>
public sealed class Hcl2JsonFactAttribute : FactAttribute
{
    public Hcl2JsonFactAttribute()
    {
        if (!Hcl2Json.Installed) Skip = "node or npm @cdktf/hcl2json is missing (test.sh installs it: npm install --prefix tests/PlanParser.Tests/Hcl/hcl2json)";
    }
}
