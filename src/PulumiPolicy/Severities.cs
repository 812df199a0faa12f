using Kalc.Iac.Analyzers.Model;
using Pulumirpc;

namespace Kalc.Iac.PulumiPolicy;

internal static class Severities
{
    public static PolicySeverity Of(Severity s) => s switch
    {
        Severity.Critical => PolicySeverity.Critical,
        Severity.High => PolicySeverity.High,
        Severity.Medium => PolicySeverity.Medium,
        _ => PolicySeverity.Low,
    };
}
