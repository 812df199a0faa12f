namespace Kalc.Iac.PlanParser.Pulumi;

/// <summary>The markers Pulumi puts in property values: a secret is an object holding <see cref="SecretKey"/> with the
/// value <see cref="SecretValue"/> (https://github.com/pulumi/pulumi/blob/master/sdk/go/common/resource/sig/sig.go);
/// a value known only after the update is the string <see cref="Unknown"/>
/// (https://github.com/pulumi/pulumi/blob/master/sdk/go/common/resource/plugin/rpc.go).</summary>
public static class PulumiSignatures
{
    public const string SecretKey = "4dabf18193072939515e22adb298388d";
    public const string SecretValue = "1b47061264138c4ac30d75fd1eb44270";
    public const string Unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
}
