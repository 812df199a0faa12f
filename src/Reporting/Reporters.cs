using System.Collections.Immutable;
using Kalc.Iac.Reporting.Json;
using Kalc.Iac.Reporting.Markdown;
using Kalc.Iac.Reporting.Sarif;
using Kalc.Iac.Reporting.Text;

namespace Kalc.Iac.Reporting;

/// <summary>The one place that maps a --format name to its reporter.</summary>
public static class Reporters
{
    /// <summary>Every format name, in the order the CLI lists them.</summary>
    public static ImmutableArray<string> Formats { get; } = ["text", "json", "sarif", "markdown"];

    /// <summary>The reporter for a format name (case-insensitive; "md" is accepted for markdown).</summary>
    /// <exception cref="ArgumentException">The name is not a known format; check with <see cref="TryFor"/> first.</exception>
    public static IReporter For(string format) =>
        TryFor(format, out var reporter)
            ? reporter
            : throw new ArgumentException($"unknown report format '{format}' (expected {string.Join(", ", Formats)})", nameof(format));

    public static bool TryFor(string format, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IReporter? reporter)
    {
        reporter = format.ToLowerInvariant() switch
        {
            "text" => new TextReporter(),
            "json" => new JsonReporter(),
            "sarif" => new SarifReporter(),
            "markdown" or "md" => new MarkdownReporter(),
            _ => null,
        };
        return reporter is not null;
    }
}
