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
    ImmutableArray<GeneratedAttribute> Attributes)
{
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
public sealed record GeneratedAttribute(string Name, PlanValue Before, PlanValue After, bool ForcesReplacement = false);
