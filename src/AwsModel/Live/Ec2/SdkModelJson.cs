using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using Amazon.Runtime;

namespace Kalc.Iac.AwsModel.Live.Ec2;

/// <summary>Writes AWS SDK model objects as the JSON aws-cli prints: the SDK's property names are the service
/// model's member names, which are aws-cli's keys, except for the few SDK customizations renamed here.
/// Unset members (null) are left out, as aws-cli leaves out what the reply lacks.</summary>
public sealed class SdkModelJson
{
    /// <summary>SDK-only names -> the service model's names; null: an SDK convenience member aws-cli does not print.</summary>
    private static readonly Dictionary<string, string?> Renames = new(StringComparer.Ordinal)
    {
        ["IpPermission.Ipv4Ranges"] = "IpRanges",
        ["Reservation.GroupNames"] = null,
    };

    /// <summary>The model types the live EC2 reader writes (<see cref="SdkEc2Client"/>'s pages): the roots of what the
    /// Native AOT build must keep the metadata of (src/Cli/ILLink.Ec2Models.xml, checked by Ec2ModelDescriptorTests).</summary>
    public static readonly IReadOnlyList<Type> ModelRoots =
    [
        typeof(Amazon.EC2.Model.Reservation), typeof(Amazon.EC2.Model.Subnet), typeof(Amazon.EC2.Model.SecurityGroup),
        typeof(Amazon.EC2.Model.Vpc), typeof(Amazon.EC2.Model.LaunchTemplateVersion), typeof(Amazon.EC2.Model.RouteTable),
        typeof(Amazon.EC2.Model.NetworkInterface), typeof(Amazon.EC2.Model.SecurityGroupRule),
    ];

    private readonly ConcurrentDictionary<Type, (PropertyInfo Property, string Name)[]> _properties = new();

    public JsonNode? Write(object? value) => value switch
    {
        null => null,
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        int i => JsonValue.Create(i),
        long l => JsonValue.Create(l),
        double d => JsonValue.Create(d),
        float f => JsonValue.Create(f),
        DateTime t => JsonValue.Create(FormatTime(t)),
        ConstantClass c => JsonValue.Create(c.Value),
        IDictionary map => WriteMap(map),
        IEnumerable list => WriteList(list),
        _ => WriteObject(value),
    };

    /// <summary>aws-cli's timestamp form: 2022-11-15T10:48:59+00:00 (fractions only when present).</summary>
    public static string FormatTime(DateTime time)
    {
        var utc = time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : time;
        return utc.ToString(utc.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss'+00:00'" : "yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'", CultureInfo.InvariantCulture);
    }

    private JsonArray WriteList(IEnumerable list)
    {
        var array = new JsonArray();
        foreach (var item in list)
        {
            if (Write(item) is { } node) array.Add(node);
        }
        return array;
    }

    private JsonObject WriteMap(IDictionary map)
    {
        var obj = new JsonObject();
        foreach (DictionaryEntry entry in map)
        {
            if (Write(entry.Value) is { } node) obj[Convert.ToString(entry.Key, CultureInfo.InvariantCulture)!] = node;
        }
        return obj;
    }

    private JsonObject WriteObject(object value)
    {
        var obj = new JsonObject();
        foreach (var (property, name) in _properties.GetOrAdd(value.GetType(), Describe))
        {
            if (Write(property.GetValue(value)) is { } node) obj[name] = node;
        }
        return obj;
    }

    // The SDK's model types are found at run time from the reply objects. The Native AOT build keeps the metadata of every
    // model type reachable from ModelRoots (src/Cli/ILLink.Ec2Models.xml; Ec2ModelDescriptorTests checks that it lists each),
    // and tests/Cli.Tests/AotBinaryTests read a fake EC2 through the AOT binary.
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "the model types are kept by src/Cli/ILLink.Ec2Models.xml in the AOT build")]
    private static (PropertyInfo, string)[] Describe(Type type)
    {
        var list = new List<(PropertyInfo, string)>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (!property.CanRead || property.GetIndexParameters().Length > 0) continue;
            if (property.IsDefined(typeof(ObsoleteAttribute), true)) continue;
            var name = property.Name;
            if (Renames.TryGetValue(type.Name + "." + name, out var renamed))
            {
                if (renamed is null) continue;
                name = renamed;
            }
            list.Add((property, name));
        }
        return [.. list];
    }
}
