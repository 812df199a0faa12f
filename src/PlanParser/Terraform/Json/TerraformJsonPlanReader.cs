using System.Collections.Immutable;
using System.Text.Json;
using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Json;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.PlanParser.Terraform.Json;

/// <summary>Reads <c>terraform show -json PLAN</c> / <c>tofu show -json PLAN</c> output
/// (https://developer.hashicorp.com/terraform/internals/json-format) into a <see cref="Change"/>.
/// Streams the input through a small window: only <c>resource_changes</c> and <c>resource_drift</c> elements are
/// materialised (by worker threads, <see cref="ElementPipeline"/>); everything else (prior_state, configuration,
/// planned_values...) is skipped.</summary>
public static class TerraformJsonPlanReader
{
    public static ParseResult<Change> Read(ReadOnlyMemory<byte> utf8OrBomBytes, string file) =>
        Read(utf8OrBomBytes, file, ValueScope.All);

    /// <summary>Reads the plan, materialising before/after values only for the resource types in <paramref name="scope"/>.</summary>
    public static ParseResult<Change> Read(ReadOnlyMemory<byte> utf8OrBomBytes, string file, ValueScope scope) =>
        ParseResult<Change>.Catch(file, () =>
        {
            var payload = JsonPayload.Locate(utf8OrBomBytes, file);
            using var window = new JsonWindow(payload.Utf8, file, payload.SkippedLines + 1);
            return ReadPlan(window, file, scope);
        });

    /// <summary>Reads the plan from a stream with a buffer of a few MB, whatever the size of the plan.
    /// <paramref name="head"/> holds the bytes already taken from the start of the stream (for format detection).</summary>
    public static ParseResult<Change> Read(ReadOnlyMemory<byte> head, Stream rest, string file, ValueScope scope) =>
        Read(head, rest, file, scope, JsonWindow.DefaultBufferBytes);

    internal static ParseResult<Change> Read(ReadOnlyMemory<byte> head, Stream rest, string file, ValueScope scope, int bufferBytes) =>
        ParseResult<Change>.Catch(file, () =>
        {
            using var window = JsonPayload.Open(head, rest, file, bufferBytes);
            return ReadPlan(window, file, scope);
        });

    private static Change ReadPlan(JsonWindow window, string file, ValueScope scope)
    {
        var reader = JsonTopLevel.OpenObject(window, file, "terraform show -json output");
        // One element reader per worker thread: their value factories and string pools are not shared.
        ResourceChangeElement Elements() => new(new PlanValueFactory(), scope);

        string? formatVersion = null, terraformVersion = null;
        var changes = ImmutableArray.CreateBuilder<ResourceChange>();
        var drift = ImmutableArray.CreateBuilder<ResourceChange>();
        var limitations = ImmutableArray.CreateBuilder<string>();
        var sawPlanKey = false;
        var sawStateValues = false;
        var openTofu = false;

        while (JsonStream.Next(ref reader, window) && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("format_version"u8))
            {
                formatVersion = ReadString(ref reader, window);
                PlanFormatVersion.Check(formatVersion);
            }
            else if (reader.ValueTextEquals("terraform_version"u8))
            {
                terraformVersion = ReadString(ref reader, window);
            }
            else if (reader.ValueTextEquals("resource_changes"u8))
            {
                sawPlanKey = true;
                openTofu |= ReadArray(ref reader, window, file, "resource_changes", Elements, changes);
            }
            else if (reader.ValueTextEquals("resource_drift"u8))
            {
                sawPlanKey = true;
                openTofu |= ReadArray(ref reader, window, file, "resource_drift", Elements, drift);
            }
            else if (reader.ValueTextEquals("errored"u8))
            {
                JsonStream.NextValue(ref reader, window);
                if (reader.TokenType == JsonTokenType.True)
                    limitations.Add("the plan errored: Terraform stopped planning early, so the changes listed may be incomplete");
                JsonStream.SkipValue(ref reader, window);
            }
            else if (reader.ValueTextEquals("complete"u8))
            {
                JsonStream.NextValue(ref reader, window);
                if (reader.TokenType == JsonTokenType.False)
                    limitations.Add("the plan is not complete (deferred changes or -target): more changes may follow in a later plan");
                JsonStream.SkipValue(ref reader, window);
            }
            else
            {
                sawPlanKey |= reader.ValueTextEquals("planned_values"u8) || reader.ValueTextEquals("prior_state"u8) ||
                              reader.ValueTextEquals("output_changes"u8) || reader.ValueTextEquals("configuration"u8);
                sawStateValues |= reader.ValueTextEquals("values"u8);
                JsonStream.NextValue(ref reader, window);
                JsonStream.SkipValue(ref reader, window);
            }
        }
        JsonTopLevel.EnsureEnd(ref reader, window, file);

        if (!sawPlanKey && (sawStateValues || formatVersion is not null))
            throw new InputException(new InputError(file, "this is Terraform state, not a plan; run terraform show -json PLANFILE"));
        PlanFormatVersion.Check(formatVersion);

        return new Change
        {
            Kind = InputKind.TerraformJson,
            File = file,
            FormatVersion = formatVersion,
            Producer = ProducerName.Of(terraformVersion, openTofu),
            ResourceChanges = changes.DrainToImmutable(),
            Drift = drift.DrainToImmutable(),
            Limitations = limitations.DrainToImmutable(),
        };
    }

    /// <summary>Reads one array of change objects element by element, each once it is whole in the window (mapped on
    /// worker threads, <see cref="ElementPipeline"/>); returns whether any names an OpenTofu provider.</summary>
    private static bool ReadArray(ref Utf8JsonReader reader, JsonWindow window, string file, string array,
        Func<ResourceChangeElement> elements, ImmutableArray<ResourceChange>.Builder into)
    {
        JsonStream.NextValue(ref reader, window);
        if (reader.TokenType == JsonTokenType.Null) return false;
        if (reader.TokenType != JsonTokenType.StartArray)
            throw new InputException(new InputError(file, $"{array} is not an array", window.LineAt(reader.TokenStartIndex)));
        using var pipeline = new ElementPipeline(elements, file, array, into);
        try
        {
            while (!pipeline.Failed && JsonStream.NextWhole(ref reader, window, out var start, out var end) && reader.TokenType != JsonTokenType.EndArray)
                pipeline.Add(window.Span[start..end], window.LineAt(start));
        }
        catch when (pipeline.Settle())
        {
            // An element before the point where the input broke failed too: its error comes first in the file.
        }
        return pipeline.Complete();
    }

    private static string? ReadString(ref Utf8JsonReader reader, JsonWindow window)
    {
        JsonStream.NextValue(ref reader, window);
        if (reader.TokenType == JsonTokenType.String) return reader.GetString();
        JsonStream.SkipValue(ref reader, window);
        return null;
    }
}
