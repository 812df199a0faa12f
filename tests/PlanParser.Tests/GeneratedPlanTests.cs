using System.Text.Json;
using CsCheck;
using Kalc.Iac.PlanParser.Model;
using Kalc.Iac.PlanParser.Terraform.Json;

namespace Kalc.Iac.PlanParser.Tests;

/// <summary>Plans built from a generator: whatever the mix of actions, indexes and secrets, every change is read
/// with its actions and no secret survives.</summary>
public class GeneratedPlanTests
{
    private sealed record GeneratedChange(string[] Actions, int? Count, string? Key, string Secret, bool Unknown);

    private static readonly string[][] ActionSets =
    [
        ["no-op"], ["create"], ["read"], ["update"], ["delete"], ["delete", "create"], ["create", "delete"], ["forget"],
    ];

    private static readonly Gen<GeneratedChange> OneChange =
        Gen.Select(Gen.OneOf(ActionSets), Gen.Int[0, 20].Nullable(), Gen.String[Gen.Char.AlphaNumeric, 1, 8].Null(),
                   Gen.String[Gen.Char.AlphaNumeric, 12, 24], Gen.Bool)
           .Select((a, c, k, s, u) => new GeneratedChange(a, c, c is null ? k : null, "SECRET-" + s, u));

    [Fact]
    public void Generated_plans_are_read_change_for_change_without_their_secrets() =>
        OneChange.Array[0, 30].Sample(changes =>
        {
            var json = Write(changes);
            var change = TerraformJsonPlanReader.Read(json, "gen.json").Unwrap();
            var text = ModelText.Of(change);

            Assert.Equal(changes.Length, change.ResourceChanges.Length);
            for (var i = 0; i < changes.Length; i++)
            {
                var rc = change.ResourceChanges[i];
                Assert.Equal(changes[i].Actions, rc.Actions.Select(a => a.ToWire()).ToArray());
                Assert.Equal(changes[i].Count?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? (changes[i].Key is { } k ? $"\"{k}\"" : null), rc.Index);
                Assert.DoesNotContain(changes[i].Secret, text, StringComparison.Ordinal);
                if (rc.After is PlanObject) Assert.Equal(changes[i].Unknown, rc.After["id"].IsUnknown);
            }
        }, iter: 200);

    private static byte[] Write(GeneratedChange[] changes)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteString("format_version", "1.2");
            w.WriteString("terraform_version", "1.9.5");
            w.WriteStartArray("resource_changes");
            for (var i = 0; i < changes.Length; i++)
            {
                var c = changes[i];
                var suffix = c.Count is { } n ? $"[{n}]" : c.Key is { } k ? $"[\"{k}\"]" : "";
                w.WriteStartObject();
                w.WriteString("address", $"aws_iam_role.r{i}{suffix}");
                w.WriteString("mode", "managed");
                w.WriteString("type", "aws_iam_role");
                w.WriteString("name", $"r{i}");
                if (c.Count is { } count) w.WriteNumber("index", count);
                else if (c.Key is { } key) w.WriteString("index", key);
                w.WriteStartObject("change");
                w.WriteStartArray("actions");
                foreach (var a in c.Actions) w.WriteStringValue(a);
                w.WriteEndArray();
                var hasBefore = c.Actions[0] is not "create";
                var hasAfter = c.Actions is not ["delete"] and not ["forget"];
                WriteValue(w, "before", hasBefore, c, unknownId: false);
                WriteValue(w, "after", hasAfter, c, c.Unknown);
                w.WriteStartObject("after_unknown");
                if (c.Unknown && hasAfter) w.WriteBoolean("id", true);
                w.WriteEndObject();
                WriteMask(w, "before_sensitive", hasBefore);
                WriteMask(w, "after_sensitive", hasAfter);
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return stream.ToArray();
    }

    private static void WriteValue(Utf8JsonWriter w, string name, bool present, GeneratedChange c, bool unknownId)
    {
        if (!present)
        {
            w.WriteNull(name);
            return;
        }
        w.WriteStartObject(name);
        w.WriteString("name", "role");
        if (!unknownId) w.WriteString("id", "AROA1234");
        w.WriteStartArray("inline_policy");
        w.WriteStartObject();
        w.WriteString("name", "p");
        w.WriteString("policy", c.Secret);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteMask(Utf8JsonWriter w, string name, bool present)
    {
        if (!present)
        {
            w.WriteBoolean(name, false);
            return;
        }
        w.WriteStartObject(name);
        w.WriteStartArray("inline_policy");
        w.WriteStartObject();
        w.WriteBoolean("policy", true);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
