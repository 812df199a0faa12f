using System.Collections.Immutable;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.PlanParser.Tests.Generators;

/// <summary>What a random plan intends, independent of how it is printed, so that the same plan can be
/// rendered as Terraform text and as plan JSON and both readers compared.</summary>
public sealed record GeneratedPlan(ImmutableArray<GeneratedResource> Resources);

public enum GeneratedAction
{
    Create,
    Update,
    Delete,
    ReplaceDeleteFirst,
    ReplaceCreateFirst,
    Read,
}

/// <summary>One resource instance change. <see cref="Index"/> is as printed inside the brackets:
/// <c>0</c> for count, <c>"key"</c> (quoted) for for_each, null for neither.</summary>
public sealed record GeneratedResource(
    ImmutableArray<(string Name, string? Index)> ModulePath,
    string Type,
    string Name,
    string? Index,
    GeneratedAction Action,
    ImmutableArray<GeneratedAttribute> Attributes,
    ImmutableArray<GeneratedBlock> Blocks = default)
{
    public ImmutableArray<GeneratedBlock> NestedBlocks => Blocks.IsDefault ? [] : Blocks;

    public bool ChangesInPlace => Action is GeneratedAction.Update or GeneratedAction.ReplaceDeleteFirst or GeneratedAction.ReplaceCreateFirst;

    /// <summary>Whether Terraform's text shows every value: nothing unchanged hidden (attributes, set elements,
    /// blocks, attributes inside blocks) and no sensitive block.</summary>
    public bool TextShowsEverything =>
        !(ChangesInPlace && Attributes.Any(a => a.HiddenWhenUnchanged || a.HidesElements)) &&
        !NestedBlocks.Any(b => b.Sensitive || ChangesInPlace && (b.Unchanged || b.HiddenAttributes > 0));

    public bool IsData => Action == GeneratedAction.Read;

    public string? ModuleAddress => ModulePath.IsEmpty ? null : string.Join('.', ModulePath.Select(m => $"module.{m.Name}" + (m.Index is null ? "" : $"[{m.Index}]")));

    public string Address =>
        (ModuleAddress is null ? "" : ModuleAddress + ".") + (IsData ? "data." : "") + $"{Type}.{Name}" + (Index is null ? "" : $"[{Index}]");

    public ImmutableArray<ChangeAction> Actions => Action switch
    {
        GeneratedAction.Create => [ChangeAction.Create],
        GeneratedAction.Update => [ChangeAction.Update],
        GeneratedAction.Delete => [ChangeAction.Delete],
        GeneratedAction.ReplaceDeleteFirst => [ChangeAction.Delete, ChangeAction.Create],
        GeneratedAction.ReplaceCreateFirst => [ChangeAction.Create, ChangeAction.Delete],
        _ => [ChangeAction.Read],
    };

    public ReplaceOrder ReplaceOrder => Action switch
    {
        GeneratedAction.ReplaceDeleteFirst => ReplaceOrder.DeleteBeforeCreate,
        GeneratedAction.ReplaceCreateFirst => ReplaceOrder.CreateBeforeDestroy,
        _ => ReplaceOrder.NotReplace,
    };
}

/// <summary>An attribute's value before and after (<see cref="PlanValue.Null"/> where the side has none).
/// <see cref="ForcesReplacement"/> marks the attribute whose change causes a replacement.</summary>
public sealed record GeneratedAttribute(string Name, PlanValue Before, PlanValue After, bool ForcesReplacement = false)
{
    public bool Unchanged => Equals(Before, After);

    /// <summary>An unchanged attribute of an update is hidden ("# (N unchanged attributes hidden)") unless it is one
    /// Terraform always shows; the generator picks by name length so both forms occur. Unchanged lists are hidden.</summary>
    public bool HiddenWhenUnchanged => Unchanged && !Before.IsSensitive && (Name.Length % 2 == 1 || Before is PlanList);

    /// <summary>A changed set prints only added and removed elements ("# (N unchanged elements hidden)").</summary>
    public bool HidesElements => !Unchanged && Before is PlanList b && After is PlanList a && b.Items.Intersect(a.Items).Any();
}

/// <summary>One nested block instance (blocks of the same name form a list block, as plan JSON holds them):
/// its object before and after (null where the side does not have it), whether the whole instance is
/// sensitive, and for an empty block whether it prints as <c>NAME {}</c> or <c>NAME {</c> + <c>}</c> on the next line.</summary>
public sealed record GeneratedBlock(string Name, PlanObject? Before, PlanObject? After, bool Sensitive, bool BraceOnNextLine)
{
    public bool Unchanged => Before is not null && Equals(Before, After);

    public int HiddenAttributes => Before is null || After is null || Unchanged ? 0
        : Before.Properties.Count(kv => After.Properties.TryGetValue(kv.Key, out var v) && Equals(v, kv.Value));
}
