namespace Kalc.Iac.Cli;

/// <summary>The binary linked or copied as <c>pulumi-analyzer-policy-kalc-iac</c> is the plugin the Pulumi engine starts
/// for a pack whose runtime is <c>kalc-iac</c> (it looks for <c>pulumi-analyzer-policy-&lt;runtime&gt;</c> on PATH,
/// pkg/resource/plugin/analyzer_plugin.go): started under that name, it runs <c>pulumi-analyzer</c>.</summary>
internal static class PluginInvocation
{
    public const string PluginName = "pulumi-analyzer-policy-kalc-iac";

    public static string[] Rewrite(string[] args, IEnumerable<string?> processNames) =>
        processNames.Any(IsPluginName) ? ["pulumi-analyzer", .. args] : args;

    /// <summary>The names this process was started under: argv[0] as the kernel got it (a symlink keeps its own name
    /// there; <see cref="Environment.ProcessPath"/> resolves it), then the executable's path (a copy).</summary>
    public static IEnumerable<string?> ProcessNames()
    {
        yield return Argv0();
        yield return Environment.ProcessPath;
    }

    private static bool IsPluginName(string? path) =>
        path is not null && string.Equals(Path.GetFileNameWithoutExtension(path.TrimEnd('/', '\\')), PluginName, StringComparison.OrdinalIgnoreCase);

    private static string? Argv0()
    {
        if (OperatingSystem.IsLinux())
        {
            try
            {
                var cmdline = File.ReadAllBytes("/proc/self/cmdline");
                var end = Array.IndexOf(cmdline, (byte)0);
                return System.Text.Encoding.UTF8.GetString(cmdline, 0, end < 0 ? cmdline.Length : end);
            }
            catch (IOException)
            {
                // fall through to the runtime's view
            }
        }
        var args = Environment.GetCommandLineArgs();
        return args.Length > 0 ? args[0] : null;
    }
}
