using System.Collections.Immutable;
using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.PlanParser.Pulumi;

/// <summary>A resource change being assembled from one step, or from the several steps of one replacement.</summary>
internal sealed class PendingChange(string urn, SourceRef source)
{
    public string Urn { get; } = urn;

    public SourceRef Source { get; } = source;

    /// <summary>The op this change counts under in Pulumi's changeSummary.</summary>
    public string LogicalOp { get; set; } = "same";

    public required string Type { get; init; }

    public required string Name { get; init; }

    public string? ParentTypes { get; init; }

    public string? Provider { get; init; }

    public string Mode { get; set; } = "managed";

    public ImmutableArray<ChangeAction> Actions { get; set; } = [ChangeAction.NoOp];

    public bool Importing { get; set; }

    public ReplaceOrder Order { get; set; } = ReplaceOrder.NotReplace;

    public PlanValue Before { get; set; } = PlanValue.Null;

    public PlanValue After { get; set; } = PlanValue.Null;

    public ImmutableArray<string> ReplacePaths { get; set; } = [];

    public ResourceChange ToResourceChange() => new()
    {
        Address = Urn,
        ModuleAddress = ParentTypes,
        Mode = Mode,
        Type = Type,
        Name = Name,
        ProviderName = Provider,
        Actions = Actions,
        ReplaceOrder = Order,
        Importing = Importing,
        Before = Before,
        After = After,
        ReplacePaths = ReplacePaths,
        Source = Source,
    };
}
