using System.Text.Json;
using Kalc.Iac.Core;
using Kalc.Iac.KubeModel.Model;

namespace Kalc.Iac.KubeModel.Readers;

/// <summary>Services: type, selector, ports (targetPort a number or a container port name, defaulting to port as the API
/// server defaults it), annotations.</summary>
internal static class ServiceReader
{
    public static Service Read(JsonElement obj, ObjectMeta meta, SourceRef source)
    {
        var spec = obj.Obj("spec") ?? default;
        var ports = new List<ServicePort>();
        foreach (var p in spec.Arr("ports"))
        {
            if (p.Long("port") is not { } port || port is < 1 or > 65535) continue;
            var target = p.Field("targetPort") is { } t && t.AsText() is { Length: > 0 } text ? text : port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            ports.Add(new ServicePort(p.Str("name"), (int)port, target, p.Str("protocol") ?? "TCP", p.Long("nodePort") is { } np ? (int)np : null));
        }
        return new Service
        {
            Namespace = meta.Namespace,
            Name = meta.Name,
            Type = spec.Str("type") ?? "ClusterIP",
            Selector = spec.StringMap("selector"),
            Ports = [.. ports],
            Annotations = meta.Annotations,
            Source = source,
        };
    }
}
