using System.Collections.Immutable;
using System.Text.Json;
using Kalc.Iac.AwsModel.Iam;

namespace Kalc.Iac.AwsModel.Tests.Iam;

/// <summary>Reads the table-driven cases in tests/AwsModel.Tests/Iam/cases/*.json. Each group names the
/// AWS documentation section (or real policy) it comes from; each case inherits that citation.</summary>
internal static class CaseData
{
    public static readonly string[] IdentityFiles =
        ["evaluation-logic.json", "action-resource.json", "conditions.json", "variables-boundaries.json", "managed-policies.json", "component-policies.json"];

    public const string TrustFile = "trust.json";
    public const string MalformedFile = "malformed.json";

    /// <summary>Every case of the given files, keyed "file#group.case".</summary>
    public static ImmutableSortedDictionary<string, (JsonElement Group, JsonElement Case)> Load(params string[] files)
    {
        var all = ImmutableSortedDictionary.CreateBuilder<string, (JsonElement, JsonElement)>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(RepoFiles.CaseFile(file)));
            var root = doc.RootElement.Clone();
            var g = 0;
            foreach (var group in root.GetProperty("groups").EnumerateArray())
            {
                var c = 0;
                foreach (var @case in group.GetProperty("cases").EnumerateArray())
                    all.Add($"{file}#{g:D2}.{c++:D2} {group.GetProperty("title").GetString()}", (group, @case));
                g++;
            }
        }
        return all.ToImmutable();
    }

    public static NamedPolicy Policy(JsonElement element, JsonElement group, string fallbackName)
    {
        string text;
        string name = fallbackName;
        string? arn = null;
        if (element.ValueKind == JsonValueKind.String)
        {
            var relative = element.GetString()!;
            text = File.ReadAllText(RepoFiles.IamPolicyFixture(relative));
            using (var doc = JsonDocument.Parse(text))
            {
                if (doc.RootElement.TryGetProperty("PolicyVersion", out var version))
                    text = version.GetProperty("Document").GetRawText();
            }
            name = Path.GetFileNameWithoutExtension(relative);
            if (relative.StartsWith("aws-managed/", StringComparison.Ordinal)) arn = "arn:aws:iam::aws:policy/" + name;
        }
        else
        {
            text = element.GetRawText();
        }
        if (group.TryGetProperty("vars", out var vars))
        {
            foreach (var v in vars.EnumerateObject()) text = text.Replace(v.Name, v.Value.GetString(), StringComparison.Ordinal);
        }
        var parsed = PolicyParser.Parse(text, name);
        Assert.True(parsed.IsOk, parsed.Error?.ToString());
        return NamedPolicy.Of(name, parsed.Value!, arn);
    }

    public static RequestContext Request(JsonElement c, string defaultAction)
    {
        var action = c.TryGetProperty("action", out var a) ? a.GetString()! : defaultAction;
        string? resource = "*";
        if (c.TryGetProperty("resource", out var r)) resource = r.ValueKind == JsonValueKind.Null ? null : r.GetString();
        var request = new RequestContext { Action = action, Resource = resource };
        if (c.TryGetProperty("context", out var ctx))
        {
            foreach (var k in ctx.EnumerateObject())
            {
                string[] values = k.Value.ValueKind == JsonValueKind.Array
                    ? [.. k.Value.EnumerateArray().Select(v => v.GetString()!)]
                    : [k.Value.GetString()!];
                request = request.With(k.Name, values);
            }
        }
        if (c.TryGetProperty("unknown", out var unknown))
        {
            foreach (var k in unknown.EnumerateArray()) request = request.WithUnknown(k.GetString()!);
        }
        if (c.TryGetProperty("absent", out var absent))
        {
            foreach (var k in absent.EnumerateArray()) request = request.WithAbsent(k.GetString()!);
        }
        if (c.TryGetProperty("unlistedAbsent", out var ua) && ua.GetBoolean()) request = request with { UnlistedKeysAreAbsent = true };
        return request;
    }

    public static Decision Expected(JsonElement c) => Enum.Parse<Decision>(c.GetProperty("expect").GetString()!);

    /// <summary>The doc link a case cites: its own, else its group's. Every case must have one.</summary>
    public static string Citation(JsonElement group, JsonElement c) =>
        c.TryGetProperty("doc", out var d) ? d.GetString()! : group.GetProperty("doc").GetString()!;

    /// <summary>Checks the optional "by" (a substring of the deciding statements) of a case.</summary>
    public static void AssertDecidedBy(JsonElement c, EvaluationResult result)
    {
        if (c.TryGetProperty("reason", out var reason)) Assert.Contains(reason.GetString()!, result.Reason, StringComparison.Ordinal);
        if (!c.TryGetProperty("by", out var by)) return;
        var cited = string.Join("; ", result.Statements);
        Assert.Contains(by.GetString()!, cited, StringComparison.Ordinal);
    }
}
