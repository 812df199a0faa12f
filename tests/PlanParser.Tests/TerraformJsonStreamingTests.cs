using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Kalc.Iac.PlanParser.Model;
using Kalc.Iac.PlanParser.Terraform.Json;

namespace Kalc.Iac.PlanParser.Tests;

/// <summary>A plan read from a stream, with a buffer far smaller than the plan (refilled and grown at every possible
/// position), gives exactly the model the in-memory read gives.</summary>
public class TerraformJsonStreamingTests
{
    public static TheoryData<string> Plans() => [.. Fixtures.TerraformJsonPlans()];

    [Theory]
    [MemberData(nameof(Plans))]
    public void Every_fixture_plan_streamed_through_a_tiny_buffer_reads_like_the_whole_file(string relative)
    {
        var bytes = Fixtures.Bytes(relative);
        var whole = TerraformJsonPlanReader.Read(bytes, relative);

        foreach (var (headBytes, bufferBytes) in new[] { (0, 16), (7, 97), (100, 4096) })
        {
            var head = bytes.AsMemory(0, Math.Min(headBytes, bytes.Length));
            using var rest = new TricklingStream(bytes[head.Length..]);
            var streamed = TerraformJsonPlanReader.Read(head, rest, relative, ValueScope.All, bufferBytes);

            Assert.Equal(whole.Error?.ToString(), streamed.Error?.ToString());
            if (whole.IsOk) Assert.Equal(Dump(whole.Value), Dump(streamed.Value!));
        }
    }

    /// <summary>The CLI reads only the attributes its mappers use (located while the change is tokenized, then built):
    /// each one must come out exactly as a full read gives it, unknown and sensitive marks included.</summary>
    [Theory]
    [MemberData(nameof(Plans))]
    public void Reading_only_some_attributes_gives_them_exactly_as_a_full_read(string relative)
    {
        var bytes = Fixtures.Bytes(relative);
        var full = TerraformJsonPlanReader.Read(bytes, relative);
        if (!full.IsOk) return;
        // Every other attribute name seen for each type.
        var wanted = full.Value.ResourceChanges
            .GroupBy(rc => rc.Type)
            .ToDictionary(g => g.Key, g => (IReadOnlySet<string>?)g.SelectMany(rc => Names(rc.Before).Concat(Names(rc.After))).Distinct().Order(StringComparer.Ordinal)
                .Where((_, i) => i % 2 == 0).ToHashSet(StringComparer.Ordinal));
        var scoped = TerraformJsonPlanReader.Read(bytes, relative, new ValueScope(wanted)).Unwrap();

        for (var i = 0; i < full.Value.ResourceChanges.Length; i++)
        {
            var only = wanted[full.Value.ResourceChanges[i].Type]!;
            Assert.Equal(Restrict(full.Value.ResourceChanges[i].Before, only), scoped.ResourceChanges[i].Before);
            Assert.Equal(Restrict(full.Value.ResourceChanges[i].After, only), scoped.ResourceChanges[i].After);
        }
    }

    private static IEnumerable<string> Names(PlanValue v) => v is PlanObject o ? o.Properties.Keys : [];

    private static PlanValue Restrict(PlanValue v, IReadOnlySet<string> only) => v is PlanObject o
        ? new PlanObject(o.Properties.Where(p => only.Contains(p.Key)).ToImmutableDictionary(StringComparer.Ordinal))
        : v;

    [Fact]
    public void An_element_and_a_prior_state_larger_than_the_buffer_are_read_across_refills()
    {
        var policy = new string('x', 300_000);
        var plan = "{\"format_version\":\"1.2\",\"prior_state\":{\"values\":{\"root_module\":{\"resources\":[{\"address\":\"a\",\"values\":{\"big\":\"" + policy + "\"}}]}}},\n" +
                   "\"resource_changes\":[{\"address\":\"aws_iam_role.r\",\"type\":\"aws_iam_role\",\"name\":\"r\",\"change\":{\"actions\":[\"delete\"],\n" +
                   "\"before\":{\"name\":\"r\",\"assume_role_policy\":\"" + policy + "\",\"tags\":{\"é\":\"ü\"}},\"after\":null}}]}";
        var bytes = Encoding.UTF8.GetBytes(plan);

        using var rest = new TricklingStream(bytes);
        var change = TerraformJsonPlanReader.Read(default, rest, "plan.json", ValueScope.All, 1024).Unwrap();

        var rc = Assert.Single(change.ResourceChanges);
        Assert.Equal(policy, rc.Before["assume_role_policy"].AsString());
        Assert.Equal("ü", rc.Before["tags"]["é"].AsString());
    }

    [Fact]
    public void Invalid_utf8_far_into_a_streamed_plan_is_an_input_error()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"format_version\":\"1.2\",\"resource_changes\":[],\"x\":\"" + new string('a', 5000) + "\u00ff\"}");
        var at = Array.IndexOf(bytes, (byte)0xC3);
        bytes[at] = 0xFF;

        using var rest = new TricklingStream(bytes);
        var result = TerraformJsonPlanReader.Read(default, rest, "plan.json", ValueScope.All, 256);

        Assert.False(result.IsOk);
        Assert.Equal("plan.json: not valid UTF-8 text", result.Error.ToString());
    }

    [Fact]
    public void A_streamed_plan_cut_in_the_middle_names_the_file_and_line()
    {
        var bytes = Fixtures.Bytes("terraform-plans/synthetic/deposed-and-replace-fmt1.2.json");
        var cut = bytes[..(bytes.Length * 2 / 3)];

        using var rest = new TricklingStream(cut);
        var result = TerraformJsonPlanReader.Read(default, rest, "plan.json", ValueScope.All, 64);

        Assert.False(result.IsOk);
        Assert.StartsWith("plan.json:", result.Error.ToString(), StringComparison.Ordinal);
        Assert.NotNull(result.Error.Line);
    }

    [Fact]
    public void An_element_error_is_reported_before_a_break_later_in_the_input()
    {
        var elements = string.Join(",", Enumerable.Range(0, 2000).Select(i => i == 1500
            ? "{\"address\":\"a.b\",\"name\":\"b\",\"change\":{\"actions\":[\"create\"]}}"
            : $"{{\"address\":\"t.n{i}\",\"type\":\"t\",\"name\":\"n{i}\",\"change\":{{\"actions\":[\"create\"]}}}}"));
        var bytes = Encoding.UTF8.GetBytes("{\"format_version\":\"1.2\",\n\"resource_changes\":[" + elements + ",{\"address\":");

        var result = TerraformJsonPlanReader.Read(bytes, "plan.json");

        Assert.False(result.IsOk);
        Assert.Equal("plan.json:2: resource_changes[1500]: missing \"type\"", result.Error.ToString());
    }

    /// <summary>Elements are mapped by two workers, batch by batch: of two bad elements in different batches, the
    /// first in the file is reported, whichever worker finished first.</summary>
    [Fact]
    public void Of_two_bad_elements_far_apart_the_first_in_the_file_is_reported()
    {
        var padding = new string('x', 200);
        var elements = string.Join(",\n", Enumerable.Range(0, 6000).Select(i => i is 700 or 5500
            ? $"{{\"address\":\"a.b{i}\",\"name\":\"b\",\"change\":{{\"actions\":[\"create\"]}}}}"
            : $"{{\"address\":\"t.n{i}\",\"type\":\"t\",\"name\":\"n{i}\",\"description\":\"{padding}\",\"change\":{{\"actions\":[\"create\"]}}}}"));
        var bytes = Encoding.UTF8.GetBytes("{\"format_version\":\"1.2\",\"resource_changes\":[\n" + elements + "]}");
        Assert.True(bytes.Length > 1_000_000, "the elements must span several batches");

        var result = TerraformJsonPlanReader.Read(bytes, "plan.json");

        Assert.False(result.IsOk);
        Assert.Equal("plan.json:702: resource_changes[700]: missing \"type\"", result.Error.ToString());
    }

    private static string Dump(Change change)
    {
        var sb = new StringBuilder(ModelText.Of(change));
        foreach (var rc in change.ResourceChanges.Concat(change.Drift))
        {
            sb.Append(rc.Source).Append(' ').Append(string.Join(",", rc.Actions)).Append(' ').Append(rc.ReplaceOrder)
              .Append(' ').Append(rc.Importing).Append(' ').Append(rc.ValuesComplete).AppendLine();
            sb.AppendLine(Json(rc.Before)).AppendLine(Json(rc.After));
        }
        return sb.ToString();
    }

    private static string Json(PlanValue value)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer)) PlanValueJson.Write(w, value);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Hands out its bytes a few at a time (1 to 7 per read), as a pipe may.</summary>
    private sealed class TricklingStream(byte[] bytes) : MemoryStream(bytes)
    {
        private int _reads;

        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, 1 + _reads++ % 7));

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, 1 + _reads++ % 7)]);
    }
}
