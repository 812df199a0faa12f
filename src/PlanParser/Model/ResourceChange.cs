using System.Collections.Immutable;
using Kalc.Iac.Core;

namespace Kalc.Iac.PlanParser.Model;

/// <summary>One planned change to one resource instance, whatever the plan format.
/// The address is how the user names it; the before/after values carry the identities
/// (ARN, name, id) that the analyzers join on.</summary>
public sealed record ResourceChange
{
    /// <summary>Full instance address, e.g. <c>module.iam.aws_iam_instance_profile.node[0]</c>.</summary>
    public required string Address { get; init; }

    /// <summary>Address before a <c>moved</c> block, if any.</summary>
    public string? PreviousAddress
    {
        get => _rare?.PreviousAddress;
        init { if (value != PreviousAddress) _rare = (_rare ?? Rare.None) with { PreviousAddress = value }; }
    }

    /// <summary>Module part of the address (<c>module.iam</c>), or null for the root module.</summary>
    public string? ModuleAddress { get; init; }

    /// <summary>"managed" or "data".</summary>
    public string Mode { get; init; } = "managed";

    /// <summary>Provider resource type, e.g. <c>aws_iam_role</c> (for Pulumi, mapped to the same names where possible).</summary>
    public required string Type { get; init; }

    public required string Name { get; init; }

    /// <summary>count index (number) or for_each key (string), rendered as in the address; null when none.</summary>
    public string? Index { get; init; }

    public string? ProviderName { get; init; }

    private readonly ImmutableArray<ChangeAction> _actions;

    /// <summary>Actions exactly as the plan lists them, in order.</summary>
    public required ImmutableArray<ChangeAction> Actions
    {
        get => _actions;
        init
        {
            _actions = value;
            Kind = ChangeKinds.Of(value);
        }
    }

    public ReplaceOrder ReplaceOrder { get; init; } = ReplaceOrder.NotReplace;

    /// <summary>Terraform's action_reason (e.g. <c>replace_because_cannot_update</c>) or the text plan's "(because ...)".</summary>
    public string? ActionReason
    {
        get => _rare?.ActionReason;
        init { if (value != ActionReason) _rare = (_rare ?? Rare.None) with { ActionReason = value }; }
    }

    /// <summary>Deposed object key when this change concerns a deposed object.</summary>
    public string? Deposed
    {
        get => _rare?.Deposed;
        init { if (value != Deposed) _rare = (_rare ?? Rare.None) with { Deposed = value }; }
    }

    /// <summary>Set when the change imports an existing object.</summary>
    public bool Importing
    {
        get => _rare?.Importing ?? false;
        init { if (value != Importing) _rare = (_rare ?? Rare.None) with { Importing = value }; }
    }

    /// <summary>Values before and after; sensitive leaves are <see cref="PlanValue.Sensitive"/>,
    /// unknown leaves <see cref="PlanValue.Unknown"/>. Null object when absent (create/delete).</summary>
    public PlanValue Before { get; init; } = PlanValue.Null;

    public PlanValue After { get; init; } = PlanValue.Null;

    /// <summary>Attribute paths whose values the format could not show (text plans hide unchanged attributes).</summary>
    public bool ValuesComplete { get; init; } = true;

    /// <summary>Attributes whose change forces replacement (text: "# forces replacement"; JSON: replace_paths).</summary>
    public ImmutableArray<string> ReplacePaths
    {
        get => _rare?.ReplacePaths ?? [];
        init { if (!(value.IsDefaultOrEmpty && ReplacePaths.IsEmpty)) _rare = (_rare ?? Rare.None) with { ReplacePaths = value.IsDefault ? [] : value }; }
    }

    /// <summary>What few changes have (a previous address, an action reason, a deposed key, an import, replace paths),
    /// kept apart: null for most changes of a plan (three references and a flag fewer for each of them).</summary>
    private readonly Rare? _rare;

    private sealed record Rare(string? PreviousAddress, string? ActionReason, string? Deposed, bool Importing, ImmutableArray<string> ReplacePaths)
    {
        public static readonly Rare None = new(null, null, null, false, []);
    }

    private readonly SourceRef _source = null!;
    private readonly int _elementLine;
    private readonly int _elementIndex = -1;

    /// <summary>Where in the input this change was read.</summary>
    public required SourceRef Source
    {
        get => _elementIndex < 0 ? _source : _source.ElementAt(_elementLine, _elementIndex);
        init
        {
            _source = value;
            _elementIndex = -1;
        }
    }

    /// <summary>For a reader of a JSON plan's array of changes: <see cref="Source"/> (set first) names the array's
    /// elements (<see cref="SourceRef.ElementsOf"/>), and this the change's line and index in it. The change's own source
    /// is then made only when asked for: most of a large plan's never are (a source for each of 65,000 changes was
    /// 4.5 MiB).</summary>
    public (int Line, int Index) SourceElement
    {
        get => (_elementLine, _elementIndex);
        init => (_elementLine, _elementIndex) = value;
    }

    /// <summary>The file of <see cref="Source"/>, without making it.</summary>
    public string SourceFile => _source.File;

    /// <summary>The line of <see cref="Source"/>, without making it.</summary>
    public int? SourceLine => _elementIndex < 0 ? _source.Line : _elementLine;

    /// <summary>What the actions amount to (kept: every rule asks, for every change).</summary>
    public ChangeKind Kind { get; private init; }

    public bool IsDelete => Kind is ChangeKind.Delete or ChangeKind.Replace;

    /// <summary>Delete, or replace in the delete-before-create order: the object is gone for a while.</summary>
    public bool RemovesObject => Kind == ChangeKind.Delete ||
        (Kind == ChangeKind.Replace && ReplaceOrder != ReplaceOrder.CreateBeforeDestroy);
}
