using Kalc.Iac.PlanParser.Terraform.Source;
using Kalc.Iac.PlanParser.Terraform.Source.Values;

namespace Kalc.Iac.Cli;

/// <summary>Reads the Terraform configuration for <c>--source</c>. Asked for explicitly, a directory that is not there or a
/// file that does not parse is an input error (exit 2); found by default in the working directory, it is only a note on
/// stderr, since the user did not ask for it.</summary>
internal static class ConfigurationLoader
{
    public static TerraformConfiguration? Load(CliOptions o, CliIo io)
    {
        var dir = SourceLocations.DirectoryFor(o.Source, Directory.GetCurrentDirectory());
        if (dir is null)
        {
            if (!o.VarFiles.IsEmpty) throw new UsageException("--var-file needs the Terraform configuration (--source TF_DIR)");
            return null;
        }
        var result = TerraformConfiguration.Load(dir);
        if (result.IsOk) return result.Value;
        if (o.Source is not null || !o.VarFiles.IsEmpty) throw new Kalc.Iac.Core.InputException(result.Error);
        io.Err.WriteLine($"kalc-iac: note: the Terraform files in the current directory were not used for source locations: {result.Error}");
        return null;
    }

    /// <summary>The root variables' values (TF_VAR_*, terraform.tfvars, *.auto.tfvars, --var-file). A value file that
    /// does not parse is an input error when the configuration was asked for, else a note and no values.</summary>
    public static RootVariableValues Values(CliOptions o, CliIo io, TerraformConfiguration configuration)
    {
        var result = RootVariableValues.Load(configuration, o.VarFiles, name => io.Env(name));
        if (result.IsOk) return result.Value!;
        if (o.Source is not null || !o.VarFiles.IsEmpty) throw new Kalc.Iac.Core.InputException(result.Error);
        io.Err.WriteLine($"kalc-iac: note: the variable values in the current directory were not used: {result.Error}");
        return RootVariableValues.None;
    }
}
