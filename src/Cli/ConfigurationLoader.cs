using Kalc.Iac.PlanParser.Terraform.Source;

namespace Kalc.Iac.Cli;

/// <summary>Reads the Terraform configuration for <c>--source</c>. Asked for explicitly, a directory that is not there or a
/// file that does not parse is an input error (exit 2); found by default in the working directory, it is only a note on
/// stderr, since the user did not ask for it.</summary>
internal static class ConfigurationLoader
{
    public static TerraformConfiguration? Load(CliOptions o, CliIo io)
    {
        var dir = SourceLocations.DirectoryFor(o.Source, Directory.GetCurrentDirectory());
        if (dir is null) return null;
        var result = TerraformConfiguration.Load(dir);
        if (result.IsOk) return result.Value;
        if (o.Source is not null) throw new Kalc.Iac.Core.InputException(result.Error);
        io.Err.WriteLine($"kalc-iac: note: the Terraform files in the current directory were not used for source locations: {result.Error}");
        return null;
    }
}
