namespace Kalc.Iac.KubeModel.Model;

/// <summary>A container's ports[] entry: a Service's named targetPort resolves to the port of this name.</summary>
public sealed record ContainerPort(string? Name, int Port, string Protocol);
