using System.Collections.Immutable;
using System.Text.Json;
using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Json;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.PlanParser.Terraform.Json;

/// <summary>Reads <c>terraform show -json PLAN</c> / <c>tofu show -json PLAN</c> output
/// (https://developer.hashicorp.com/terraform/internals/json-format) into a <see cref="Change"/>.
/// Streams over the bytes once: only <c>resource_changes</c> and <c>resource_drift</c> elements are
/// materialised, one at a time; everything else (prior_state, configuration, planned_values...) is skipped.</summary>
public static class TerraformJsonPlanReader
{
    public static ParseResult<Change> Read(ReadOnlyMemory<byte> utf8OrBomBytes, string file) =>
        Read(utf8OrBomBytes, file, ValueScope.All);

    /// <summary>Reads the plan, materialising before/after values only for the resource types in <paramref name="scope"/>.</summary>
    public static ParseResult<Change> Read(ReadOnlyMemory<byte> utf8OrBomBytes, string file, ValueScope scope) =>
        ParseResult<Change>.Catch(file, () => ReadPlan(utf8OrBomBytes, file, scope));

    public static ParseResult<Change> Read(Stream stream, string file)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Read(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), file);
    }

    private static Change ReadPlan(ReadOnlyMemory<byte> input, string file, ValueScope scope)
    {
        var payload = JsonPayload.Locate(input, file);
        var span = payload.Utf8.Span;
        var lines = new LineCounter(payload.SkippedLines + 1);
        var reader = JsonTopLevel.OpenObject(span, file, "terraform show -json output", lines);
        var values = new PlanValueFactory();
        var elements = new ResourceChangeElement(values, scope);

        string? formatVersion = null, terraformVersion = null;
        var changes = ImmutableArray.CreateBuilder<ResourceChange>();
        var drift = ImmutableArray.CreateBuilder<ResourceChange>();
        var limitations = ImmutableArray.CreateBuilder<string>();
        var sawPlanKey = false;
        var sawStateValues = false;
        var openTofu = false;

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("format_version"u8))
            {
                formatVersion = ReadString(ref reader);
                PlanFormatVersion.Check(formatVersion);
            }
            else if (reader.ValueTextEquals("terraform_version"u8))
            {
                terraformVersion = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("resource_changes"u8))
            {
                sawPlanKey = true;
                openTofu |= ReadArray(ref reader, span, file, "resource_changes", elements, lines, changes);
            }
            else if (reader.ValueTextEquals("resource_drift"u8))
            {
                sawPlanKey = true;
                openTofu |= ReadArray(ref reader, span, file, "resource_drift", elements, lines, drift);
            }
            else if (reader.ValueTextEquals("errored"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.True)
                    limitations.Add("the plan errored: Terraform stopped planning early, so the changes listed may be incomplete");
            }
            else if (reader.ValueTextEquals("complete"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.False)
                    limitations.Add("the plan is not complete (deferred changes or -target): more changes may follow in a later plan");
            }
            else
            {
                sawPlanKey |= reader.ValueTextEquals("planned_values"u8) || reader.ValueTextEquals("prior_state"u8) ||
                              reader.ValueTextEquals("output_changes"u8) || reader.ValueTextEquals("configuration"u8);
                sawStateValues |= reader.ValueTextEquals("values"u8);
                reader.Read();
                reader.Skip();
            }
        }
        JsonTopLevel.EnsureEnd(ref reader, span, file, lines);

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

    /// <summary>Reads one array of change objects element by element; returns whether any names an OpenTofu provider.</summary>
    private static bool ReadArray(ref Utf8JsonReader reader, ReadOnlySpan<byte> span, string file, string array,
        ResourceChangeElement elements, LineCounter lines, ImmutableArray<ResourceChange>.Builder into)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null) return false;
        if (reader.TokenType != JsonTokenType.StartArray)
            throw new InputException(new InputError(file, $"{array} is not an array", lines.LineAt(span, reader.TokenStartIndex)));
        var openTofu = false;
        var index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var line = lines.LineAt(span, reader.TokenStartIndex);
            var source = new SourceRef(file, line, ResourceChangeElement.Describe(index, array));
            using var element = JsonDocument.ParseValue(ref reader);
            ResourceChange change;
            try
            {
                change = elements.Read(element.RootElement, source);
            }
            catch (InputException e) when (e.Error.File == "?")
            {
                throw new InputException(e.Error with { File = file, Line = line });
            }
            openTofu |= ProducerName.IsOpenTofuProvider(change.ProviderName);
            into.Add(change);
            index++;
        }
        return openTofu;
    }

    private static string? ReadString(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.String) return reader.GetString();
        reader.Skip();
        return null;
    }
}
