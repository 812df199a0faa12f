using Kalc.Iac.PlanParser.Detection;
using Kalc.Iac.PlanParser.Model;
using Kalc.Iac.PlanParser.Pulumi;

namespace Kalc.Iac.PlanParser.Tests;

/// <summary>Pulumi engine events (pulumi up --json, streaming preview JSON, --event-log), one JSON object per line.</summary>
public class PulumiEventStreamReaderTests
{
    private static byte[] Example(string name) => File.ReadAllBytes(Path.Combine(Fixtures.Root, "examples", name, "pulumi", "events.jsonl"));

    [Fact]
    public void Engine_events_are_detected_by_their_sequence_and_event_keys()
    {
        Assert.Equal(PlanFormat.PulumiEvents, PlanFormatDetector.Detect(Example("cni-policy-detach")));
        Assert.Equal(PlanFormat.PulumiEvents, PlanFormatDetector.Detect("{\"sequence\":0,\"timestamp\":1,\"cancelEvent\":{}}\n"u8));
        Assert.Equal(PlanFormat.UnknownJson, PlanFormatDetector.Detect("{\"sequence\":0,\"timestamp\":1}"u8));
    }

    [Fact]
    public void Each_resourcePreEvent_is_the_step_the_preview_digest_lists()
    {
        var fromEvents = PulumiEventStreamReader.Read(Example("kubespray-iam-teardown"), "events.jsonl").Unwrap();
        var fromDigest = PulumiPreviewReader.Read(File.ReadAllBytes(Path.Combine(Fixtures.Root, "examples", "kubespray-iam-teardown", "pulumi", "preview.json")), "preview.json").Unwrap();

        Assert.Equal(fromDigest.ResourceChanges.Select(c => (c.Address, c.Type, c.Kind)), fromEvents.ResourceChanges.Select(c => (c.Address, c.Type, c.Kind)));
        Assert.Contains(fromEvents.ResourceChanges, c => c.Type == "aws_iam_instance_profile" && c.Kind == ChangeKind.Delete && c.Before["role"].AsString() == "kubernetes-devtest-node");
        Assert.Empty(fromEvents.Limitations.Where(l => l.StartsWith("changeSummary", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_summary_that_counts_more_steps_than_the_stream_holds_is_a_limitation()
    {
        var events = "{\"sequence\":0,\"timestamp\":1,\"summaryEvent\":{\"resourceChanges\":{\"delete\":2},\"isPreview\":true}}\n"u8.ToArray();

        var change = PulumiEventStreamReader.Read(events, "events.jsonl").Unwrap();

        Assert.Contains("changeSummary counts 2 delete but the steps list 0: some steps may be missing from the output", change.Limitations);
    }

    [Fact]
    public void An_error_diagnostic_event_is_a_limitation()
    {
        var events = "{\"sequence\":0,\"timestamp\":1,\"diagnosticEvent\":{\"message\":\"error: creating IAM role: AccessDenied\\n\",\"severity\":\"error\"}}\n"u8.ToArray();

        var change = PulumiEventStreamReader.Read(events, "events.jsonl").Unwrap();

        Assert.Contains("pulumi reported an error, so the preview may be incomplete: error: creating IAM role: AccessDenied", change.Limitations);
    }

    [Theory]
    [InlineData("{\"sequence\":0,\"timestamp\":1,\"preludeEvent\":{}}\n{\"sequence\":1,", "events.jsonl:2: not valid JSON")]
    [InlineData("{\"sequence\":0,\"timestamp\":1,\"preludeEvent\":{}}\n[1]\n", "events.jsonl:2: an engine event is a JSON object")]
    [InlineData("{\"sequence\":0,\"timestamp\":1,\"preludeEvent\":{}}\n{\"steps\":[]}\n", "events.jsonl:2: not a Pulumi engine event")]
    public void A_bad_line_is_named(string input, string expected)
    {
        var read = PulumiEventStreamReader.Read(System.Text.Encoding.UTF8.GetBytes(input), "events.jsonl");

        Assert.StartsWith(expected, read.Error!.ToString(), StringComparison.Ordinal);
    }
}
