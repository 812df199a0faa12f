namespace Kalc.Iac.PlanParser.Terraform.Json;

/// <summary>"terraform 1.9.5" or "opentofu 1.8.0". OpenTofu writes its version into <c>terraform_version</c>
/// too; what gives it away is its provider registry (<c>registry.opentofu.org/...</c>) in provider names.</summary>
internal static class ProducerName
{
    private const string OpenTofuRegistry = "registry.opentofu.org/";

    public static bool IsOpenTofuProvider(string? providerName) =>
        providerName is not null && providerName.StartsWith(OpenTofuRegistry, StringComparison.Ordinal);

    public static string? Of(string? terraformVersion, bool sawOpenTofuProvider) =>
        terraformVersion is null ? null : (sawOpenTofuProvider ? "opentofu " : "terraform ") + terraformVersion;
}
