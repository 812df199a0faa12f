namespace Kalc.Iac.Tools.TypeCatalogue;

/// <summary>One type of one provider as written to resource-types.json.</summary>
internal sealed record CatalogueEntry(string Type, string Provider, string Class, ClassificationRule Rule, string? TerraformType);
