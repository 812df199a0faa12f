namespace Kalc.Iac.KubeModel.Model;

/// <summary>Objects of a kind kalc-iac does not read, per file: listed in the report, not refused.</summary>
public sealed record KubeNotRead(string File, string Kind, int Count)
{
    /// <summary>The kubectl command that lists such objects, as the report names it.</summary>
    public string Command => $"kubectl get {Kind}";
}
