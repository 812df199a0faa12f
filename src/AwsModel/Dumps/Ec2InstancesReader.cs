using System.Text.Json;
using Kalc.Iac.AwsModel.Model;
using Kalc.Iac.Core;

namespace Kalc.Iac.AwsModel.Dumps;

/// <summary><c>ec2 describe-instances</c>: Reservations[].Instances[].</summary>
internal static class Ec2InstancesReader
{
    private const string LaunchTemplateTag = "aws:ec2launchtemplate:id";

    public static void Read(AwsDump dump, FragmentParts parts)
    {
        var r = 0;
        foreach (var reservation in dump.Items("Reservations"))
        {
            var i = 0;
            foreach (var inst in reservation.Arr("Instances"))
                parts.Instances.Add(ReadInstance(inst, PathOf(r, i++), parts.File));
            r++;
        }
        parts.Loaded.Add(AwsStateKind.Instances);
    }

    /// <summary>"Reservations[R].Instances[I]", one string for each place: the same places recur in every file of a dump
    /// saved page by page (10,000 instances in 10 files name the first 1,000 places ten times). The first
    /// <see cref="MaxSharedPaths"/> places are kept for the process (a long-running policy-pack server reads many dumps).</summary>
    private static string PathOf(int reservation, int instance)
    {
        if (Paths.TryGetValue((reservation, instance), out var shared)) return shared;
        var path = $"Reservations[{reservation}].Instances[{instance}]";
        if (Volatile.Read(ref _sharedPaths) < MaxSharedPaths && Paths.TryAdd((reservation, instance), path)) Interlocked.Increment(ref _sharedPaths);
        return path;
    }

    private const int MaxSharedPaths = 16 * 1024;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(int Reservation, int Instance), string> Paths = new();
    private static int _sharedPaths;

    private static Ec2Instance ReadInstance(JsonElement inst, string path, string file)
    {
        var tags = AwsTags.Read(inst);
        return new Ec2Instance
        {
            InstanceId = inst.Need("InstanceId", path),
            State = JsonStrings.Str(inst.Obj("State"), "Name") ?? throw new InputException($"{path} has no \"State\".\"Name\""),
            InstanceType = JsonStrings.Str(inst, "InstanceType"),
            AvailabilityZone = JsonStrings.Str(inst.Obj("Placement"), "AvailabilityZone"),
            PrivateDnsName = Empty(inst.Str("PrivateDnsName")),
            PrivateIpAddress = inst.Str("PrivateIpAddress"),
            SubnetId = Empty(JsonStrings.Str(inst, "SubnetId")),
            VpcId = Empty(JsonStrings.Str(inst, "VpcId")),
            InstanceProfileArn = JsonStrings.Str(inst.Obj("IamInstanceProfile"), "Arn"),
            SecurityGroupIds = JsonStrings.Each(inst, "SecurityGroups", "GroupId"),
            LaunchTemplateId = tags.TryGetValue(LaunchTemplateTag, out var lt) ? lt : JsonStrings.Str(inst.Obj("LaunchTemplate"), "LaunchTemplateId"),
            LaunchTime = inst.Time("LaunchTime"),
            Tags = tags,
            Source = SourceRef.Of(file, path: path),
        };
    }

    // describe-instances prints "" for the DNS name, subnet and VPC of a terminated instance.
    private static string? Empty(string? s) => string.IsNullOrEmpty(s) ? null : s;
}
