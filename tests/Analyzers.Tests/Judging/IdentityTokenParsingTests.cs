using System.Text.RegularExpressions;
using Kalc.Iac.Analyzers.Judging;

namespace Kalc.Iac.Analyzers.Tests.Judging;

/// <summary>ARNs and EC2 ids are recognised by hand-written scanners (a large plan asks for every attribute of every
/// change); they must accept exactly what the patterns of the ARN and id formats accept.</summary>
public sealed partial class IdentityTokenParsingTests
{
    [GeneratedRegex(@"^arn:aws[a-z-]*:(?<service>[a-z0-9-]+):[a-z0-9-]*:[0-9]*:(?<resource>[^\n]+)\z", RegexOptions.CultureInvariant)]
    private static partial Regex Arn();

    [GeneratedRegex(@"^(?<prefix>i|sg|subnet|vpc|rtb|eni|lt)-[0-9a-f]{8,17}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Id();

    private static readonly string[] Seeds =
    [
        "arn:aws:iam::123456789012:role/eks-node", "arn:aws-cn:iam::123456789012:instance-profile/a/b", "arn:aws-us-gov:s3:::bucket/key",
        "arn:aws:eks:eu-west-1:123456789012:cluster/prod", "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy", "arn:aws:ec2:us-east-1:1:security-group/sg-0a",
        "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab", "arn:aws:iam::123456789012:", "arn:aws::iam:1:x", "arn:awsx:iam::1:x",
        "i-0123456789abcdef0", "sg-0ab1c2d3", "subnet-0ab1c2d3e4f5a6b7c", "vpc-12345678", "rtb-0A1B2C3D", "eni-0ab1c2d", "lt-0123456789abcdef01",
        "eks-cluster-sg-prod", "sg-", "x-01234567", "", "arn:aws:iam::123456789012:role/a\nb",
    ];

    [Fact]
    public void The_scanners_accept_exactly_what_the_arn_and_id_patterns_accept_on_real_and_mutated_values()
    {
        var random = new Random(20261207);
        const string alphabet = "arn:aws-cniem0123456789abcdef/_:*\nAZsgvpctb";
        var values = new List<string>(Seeds);
        for (var i = 0; i < 20_000; i++)
        {
            var chars = Seeds[random.Next(Seeds.Length)].ToCharArray().ToList();
            for (var edits = random.Next(1, 4); edits > 0; edits--)
            {
                var at = chars.Count == 0 ? 0 : random.Next(chars.Count);
                switch (random.Next(3))
                {
                    case 0 when chars.Count > 0: chars.RemoveAt(at); break;
                    case 1: chars.Insert(at, alphabet[random.Next(alphabet.Length)]); break;
                    default: if (chars.Count > 0) chars[at] = alphabet[random.Next(alphabet.Length)]; break;
                }
            }
            values.Add(new string([.. chars]));
        }

        foreach (var value in values)
        {
            var arn = Arn().Match(value);
            Assert.Equal(arn.Success ? (arn.Groups["service"].Value, arn.Groups["resource"].Value) : null, IdentityTokens.ArnParts(value));
            var id = Id().Match(value);
            Assert.Equal(id.Success ? id.Groups["prefix"].Value : null, IdentityTokens.IdPrefix(value));
        }
        Assert.Contains(values, v => IdentityTokens.ArnParts(v) is not null);
        Assert.Contains(values, v => IdentityTokens.IdPrefix(v) is not null);
    }
}
