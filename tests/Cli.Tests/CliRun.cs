using System.Text;

namespace Kalc.Iac.Cli.Tests;

/// <summary>Runs the whole CLI in-process with its own stdin/stdout/stderr, from the repository root.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public static CliRun Of(params string[] args) => With(null, new Dictionary<string, string?>(), args);

    public static CliRun WithStdin(byte[] stdin, params string[] args) => With(stdin, new Dictionary<string, string?>(), args);

    public static CliRun With(byte[]? stdin, IReadOnlyDictionary<string, string?> env, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var io = new CliIo
        {
            OpenStdin = () => new MemoryStream(stdin ?? []),
            Out = output,
            Err = error,
            StdinRedirected = stdin is not null,
            StdoutRedirected = true,
            StderrRedirected = true,
            Env = name => env.TryGetValue(name, out var v) ? v : null,
        };
        var resolved = args.Select(a => a.StartsWith("repo:", StringComparison.Ordinal) ? Path.Combine(Kalc.Iac.Tests.RepoPaths.Root, a[5..]) : a).ToArray();
        var code = KalcIacCli.RunAsync(resolved, io).GetAwaiter().GetResult();
        return new CliRun(code, output.ToString(), error.ToString());
    }

    public static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);
}
