namespace Kalc.Iac.PlanParser.Kubespray.Model;

/// <summary>An inventory group kubespray renamed: the old name, the new one, the release that renamed it and the source.</summary>
public sealed record RenamedGroup(string OldName, string NewName, string Release, string Reference);
