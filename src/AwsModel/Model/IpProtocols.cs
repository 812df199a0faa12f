namespace Kalc.Iac.AwsModel.Model;

/// <summary>Security-group protocol names as EC2 prints them. EC2 accepts a name or an IANA number and answers with the
/// name for tcp/udp/icmp/icmpv6 and "-1" for all (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_IpPermission.html);
/// Terraform also accepts "all" (aws_security_group_rule).</summary>
public static class IpProtocols
{
    public const string All = "-1";

    public static string Normalize(string? protocol) => (protocol ?? "").Trim().ToLowerInvariant() switch
    {
        "" or "-1" or "all" => All,
        "6" or "tcp" => "tcp",
        "17" or "udp" => "udp",
        "1" or "icmp" => "icmp",
        "58" or "icmpv6" => "icmpv6",
        "4" or "ipip" or "ipv4" => "4",
        var other => other,
    };
}
