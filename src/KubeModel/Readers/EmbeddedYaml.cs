using System.Text.Json;
using Kalc.Iac.Core;

namespace Kalc.Iac.KubeModel.Readers;

/// <summary>YAML kept as a string inside a ConfigMap value (aws-auth mapRoles, kubeadm ClusterConfiguration), read
/// with the same limits as a manifest. A broken value is a note in Missing, not a failed load: the cluster keeps
/// running with it, and the report should say what could not be read.</summary>
internal static class EmbeddedYaml
{
    /// <summary>Calls <paramref name="read"/> with the first document's root, or returns false with the reason in <paramref name="error"/>.</summary>
    public static bool TryRead(string yaml, string what, Action<JsonElement> read, out string? error)
    {
        var seen = false;
        try
        {
            YamlToJson.ReadDocuments(yaml, what, (json, _) =>
            {
                if (seen) return;
                seen = true;
                using var doc = JsonDocument.Parse(json, JsonLimits.DocumentOptions);
                read(doc.RootElement);
            });
        }
        catch (InputException e)
        {
            error = e.Error.Line is { } l ? $"line {l}: {e.Error.Reason}" : e.Error.Reason;
            return false;
        }
        catch (JsonException e)
        {
            error = "not valid JSON: " + JsonTextErrors.Describe(e);
            return false;
        }
        error = seen ? null : "empty";
        return seen;
    }
}
