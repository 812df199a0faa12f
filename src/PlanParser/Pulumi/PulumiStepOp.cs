using System.Collections.Immutable;
using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.PlanParser.Pulumi;

/// <summary>Pulumi step operations (https://github.com/pulumi/pulumi/blob/master/pkg/resource/deploy/step.go, StepOp)
/// in Terraform's action vocabulary. The replacement family (replace, create-replacement, delete-replaced...)
/// describes one logical replacement and is merged per URN by the reader.</summary>
internal static class PulumiStepOp
{
    public static bool IsReplacementPart(string op) => op is "replace" or "create-replacement" or "delete-replaced"
        or "read-replacement" or "discard-replaced" or "import-replacement";

    /// <summary>Actions of an op that stands alone; Importing is set for imports.</summary>
    public static (ImmutableArray<ChangeAction> Actions, bool Importing, string Mode) Single(string op) => op switch
    {
        "same" => ([ChangeAction.NoOp], false, "managed"),
        "create" => ([ChangeAction.Create], false, "managed"),
        "update" => ([ChangeAction.Update], false, "managed"),
        "delete" => ([ChangeAction.Delete], false, "managed"),
        "read" => ([ChangeAction.Read], false, "data"),
        "refresh" => ([ChangeAction.Read], false, "managed"),
        "import" => ([ChangeAction.NoOp], true, "managed"),
        "discard" or "remove-pending-replace" => ([ChangeAction.Forget], false, "managed"),
        _ => throw new InputException("unknown Pulumi step op (expected same, create, update, delete, replace, read, refresh, import, discard or their -replacement forms)"),
    };
}
