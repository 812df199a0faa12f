using System.Collections;
using System.Reflection;
using System.Xml.Linq;
using Amazon.Runtime;
using Kalc.Iac.AwsModel.Live.Ec2;

namespace Kalc.Iac.Cli.Tests;

/// <summary>The Native AOT build keeps the metadata of the AWSSDK.EC2 model types that <see cref="SdkModelJson"/> writes,
/// and only those (src/Cli/ILLink.Ec2Models.xml), instead of the whole assembly. A model type the live EC2 reader can
/// meet that the descriptor lacks would be written without its properties by the AOT binary: this walks every type
/// reachable from the replies kalc-iac asks for, as the writer does, and checks that the descriptor keeps each.</summary>
public sealed class Ec2ModelDescriptorTests
{
    private static readonly string Descriptor = Path.Combine(Kalc.Iac.Tests.RepoPaths.Root, "src", "Cli", "ILLink.Ec2Models.xml");

    [Fact]
    public void The_descriptor_keeps_every_model_type_the_ec2_replies_reach_and_no_other()
    {
        var reachable = Reachable(SdkModelJson.ModelRoots).Select(t => t.FullName!).Order(StringComparer.Ordinal).ToList();
        var kept = XDocument.Load(Descriptor).Descendants("assembly")
            .Where(a => (string?)a.Attribute("fullname") == "AWSSDK.EC2")
            .Descendants("type").Select(t => (string)t.Attribute("fullname")!).Order(StringComparer.Ordinal).ToList();
        var missing = reachable.Except(kept).ToList();
        var extra = kept.Except(reachable).ToList();
        Assert.True(missing.Count == 0, "the descriptor lacks:\n" + string.Join("\n", missing.Select(t => $"    <type fullname=\"{t}\" preserve=\"all\" />")));
        Assert.True(extra.Count == 0, "the descriptor keeps types no reply reaches: " + string.Join(", ", extra));
        Assert.True(reachable.Count > 20, $"only {reachable.Count} model types reached");
    }

    /// <summary>The model types (of AWSSDK.EC2) a writer of <paramref name="roots"/> meets: the types of their public
    /// properties, through lists and dictionaries, transitively.</summary>
    private static HashSet<Type> Reachable(IEnumerable<Type> roots)
    {
        var seen = new HashSet<Type>();
        var queue = new Queue<Type>(roots);
        while (queue.TryDequeue(out var type))
        {
            if (type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type))
            {
                foreach (var argument in type.GetGenericArguments()) queue.Enqueue(argument);
                continue;
            }
            if (Nullable.GetUnderlyingType(type) is { } underlying) type = underlying;
            if (type.Assembly != typeof(Amazon.EC2.Model.Instance).Assembly || typeof(ConstantClass).IsAssignableFrom(type) || !seen.Add(type)) continue;
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                queue.Enqueue(property.PropertyType);
        }
        return seen;
    }
}
